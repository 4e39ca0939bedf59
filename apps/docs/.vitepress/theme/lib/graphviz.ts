/** Graphviz compiled to WebAssembly, loaded once on first use (it ships inside the package: no network). */
type GV = { dot(src: string, format?: 'svg'): string }
let loading: Promise<GV> | null = null

export function graphviz(): Promise<GV> {
  if (loading === null) loading = import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load() as Promise<GV>)
  return loading
}

export async function renderSvg(dot: string): Promise<string> {
  const gv = await graphviz()
  return gv.dot(dot, 'svg')
}
