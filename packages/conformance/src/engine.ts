// The simulator's entry point, typed locally so the runner builds before @heap/python-lite exports it.
// Contract: `import { runSource } from '@heap/python-lite'`.

export interface RunOptions {
  /** profile id: 'legacy' | '3.8' | '3.11' | '3.12' | '3.13' | '3.14' (also '3.9', '3.10' where recorded) */
  profile: string
  mode: 'script' | 'repl'
  /** the name the interpreter is given (`gc1.py`, `main.py`); tracebacks print it */
  filename: string
  argv?: string[]
  /** text on stdin (script mode: read by input()); REPL mode passes the session as `source` */
  stdin?: string
  /** the in-memory file system of the case's directory (data files, modules to import) */
  files?: Record<string, string | Uint8Array>
  /** 4 when comparing against the Pyodide (wasm32) recordings of 3.14 */
  pointerSize?: 4 | 8
  maxSteps?: number
  timeoutMs?: number
  /** false: leave out the profile's start-up image (scripts/calibrate-startup.mjs measures the simulation alone) */
  startupImage?: boolean
  /** run as a --with-pydebug build (the 3.11-dbg recordings) */
  debugBuild?: boolean
}

export interface RunResult {
  stdout: string
  stderr: string
  /** stdout and stderr interleaved in write order, as on a terminal */
  merged: string
  exitCode: number
}

export type RunSource = (source: string | Uint8Array, options: RunOptions) => RunResult

export type EngineLoad = { ok: true; runSource: RunSource } | { ok: false; error: string }

export const ENGINE_PACKAGE = '@heap/python-lite'

/** Import the simulator. Never throws: a missing package or export comes back as a readable error. */
// A variable specifier: typechecking must not depend on @heap/python-lite having been built.
const importEngine = (): Promise<unknown> => import(/* @vite-ignore */ ENGINE_PACKAGE)

export async function loadEngine(importer: () => Promise<unknown> = importEngine): Promise<EngineLoad> {
  let mod: unknown
  try {
    mod = await importer()
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      error:
        `${ENGINE_PACKAGE} cannot be imported (${why}). The conformance suite needs the simulator: build it ` +
        `(pnpm --filter ${ENGINE_PACKAGE} build, or pnpm build) and make sure it exports runSource(source, options).`,
    }
  }
  const runSource = (mod as { runSource?: unknown } | null)?.runSource
  if (typeof runSource !== 'function') {
    return {
      ok: false,
      error:
        `${ENGINE_PACKAGE} was imported but does not export a function runSource(source, options) yet ` +
        `(exports: ${Object.keys((mod as object) ?? {}).join(', ') || 'none'}). See packages/conformance/src/engine.ts for the contract.`,
    }
  }
  return { ok: true, runSource: runSource as RunSource }
}
