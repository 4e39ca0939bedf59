import { createRequire } from 'node:module'

// Loaded on first use: most runs never draw a bar, and loading the library costs every run startup time.
const require = createRequire(import.meta.url)

/** A progress bar for a long job; a no-op unless the stream is a terminal. */
export interface Progress {
  /** One unit done; `label` names what runs next. */
  tick(label?: string): void
  /** Removes the bar (call before writing the job's results). */
  stop(): void
}

export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(s: string): boolean
}

/** A bar of `total` units on `stream` when it is a terminal (and the job is more than one unit). */
export function progress(stream: ProgressStream, total: number, what: string): Progress {
  if (stream.isTTY !== true || total < 2 || process.env.TERM === 'dumb') return { tick() {}, stop() {} }
  const { Presets, SingleBar } = require('cli-progress') as typeof import('cli-progress')
  const bar = new SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: `${what} [{bar}] {value}/{total} {label}`,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 24,
      fps: 20,
    },
    Presets.shades_classic,
  )
  bar.start(total, 0, { label: '' })
  return {
    tick(label = '') {
      bar.increment(1, { label })
    },
    stop() {
      bar.stop()
    },
  }
}
