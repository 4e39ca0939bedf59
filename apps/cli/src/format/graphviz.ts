import { Graphviz } from '@hpcc-js/wasm-graphviz'

let gv: Graphviz | null = null

/** Renders DOT to SVG with Graphviz compiled to wasm (real Graphviz layout, no home-made one). */
export async function renderSvg(dot: string): Promise<string> {
  if (gv === null) gv = await Graphviz.load()
  return gv.dot(dot)
}
