/** Runs programs in a fresh Web Worker each time; `stop()` terminates it at once. */
import { DEFAULT_BUDGET, type RunOutcome, type RunRequest } from './protocol'

export interface RunHandle {
  readonly done: Promise<RunOutcome>
  stop(): void
}

/** Starts a run. The worker is terminated when the run ends, is stopped, or overruns its budget by 3 s. */
export function startRun(req: Omit<RunRequest, 'maxSteps' | 'timeoutMs'> & Partial<Pick<RunRequest, 'maxSteps' | 'timeoutMs'>>): RunHandle {
  const full: RunRequest = { maxSteps: DEFAULT_BUDGET.maxSteps, timeoutMs: DEFAULT_BUDGET.timeoutMs, ...req }
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'heap-python-lite' })
  let settle: (o: RunOutcome) => void = () => {}
  const done = new Promise<RunOutcome>((resolve) => (settle = resolve))
  let finished = false
  const finish = (o: RunOutcome): void => {
    if (finished) return
    finished = true
    clearTimeout(watchdog)
    worker.terminate()
    settle(o)
  }
  const watchdog = setTimeout(() => finish({ ok: false, profile: full.profile, error: `stopped: no answer within ${(full.timeoutMs + 3000) / 1000} s` }), full.timeoutMs + 3000)
  worker.onmessage = (e: MessageEvent<RunOutcome>) => finish(e.data)
  worker.onerror = (e) => finish({ ok: false, profile: full.profile, error: e.message || 'the worker failed to start' })
  worker.postMessage(full)
  return { done, stop: () => finish({ ok: false, profile: full.profile, error: 'stopped' }) }
}
