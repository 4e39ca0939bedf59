// The interpreter runs here, off the page's thread: a runaway program is stopped by its step/time budget, or by the
// page terminating the worker (the Stop button).
import { Interpreter } from '@heap/python-lite'
import type { RunOutcome, RunRequest } from './protocol'

function run(req: RunRequest): RunOutcome {
  const t0 = performance.now()
  const interp = new Interpreter({
    profile: req.profile,
    mode: req.mode,
    filename: req.mode === 'repl' ? '<stdin>' : 'example.py',
    maxSteps: req.maxSteps,
    timeoutMs: req.timeoutMs,
    cwd: '/home/user',
    observe: req.observe
      ? { trace: true, snapshots: 'both', statementSnapshots: true, gcSteps: true, maxEvents: 20_000 }
      : undefined,
  })
  const code = req.mode === 'repl' ? interp.runRepl(req.source.endsWith('\n') ? req.source : req.source + '\n', false) : interp.runScript(req.source, 'example.py')
  const r = interp.result(code)
  return {
    ok: true,
    profile: req.profile,
    mode: req.mode,
    chunks: interp.out.chunks,
    stdout: r.stdout,
    stderr: r.stderr,
    merged: r.merged,
    exitCode: r.exitCode,
    snapshots: r.snapshots ?? [],
    events: r.events ?? [],
    gcSteps: r.gcSteps ?? [],
    ms: Math.round(performance.now() - t0),
  }
}

/** The worker's global scope (typed here so the file also checks with the DOM library). */
const scope = self as unknown as { onmessage: ((e: MessageEvent<RunRequest>) => void) | null; postMessage(m: RunOutcome): void }

scope.onmessage = (e) => {
  let out: RunOutcome
  try {
    out = run(e.data)
  } catch (err) {
    out = { ok: false, profile: e.data.profile, error: err instanceof Error ? err.message : String(err) }
  }
  scope.postMessage(out)
}
