import pc from 'picocolors'

type Paint = (s: string) => string
export interface Colors {
  bold: Paint
  dim: Paint
  cyan: Paint
  green: Paint
  yellow: Paint
  magenta: Paint
  red: Paint
}

/** Colours when writing to a terminal and NO_COLOR is not set. */
export function colors(stream: { isTTY?: boolean }): Colors {
  const on = stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
  const id: Paint = (s) => s
  if (!on) return { bold: id, dim: id, cyan: id, green: id, yellow: id, magenta: id, red: id }
  const p = pc.createColors(true)
  return { bold: p.bold, dim: p.dim, cyan: p.cyan, green: p.green, yellow: p.yellow, magenta: p.magenta, red: p.red }
}
