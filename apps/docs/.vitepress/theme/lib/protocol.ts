/** Messages between the page and the interpreter worker. Plain JSON-able data. */
import type { GCStep, HeapSnapshot, OutputChunk, TraceEvent } from '@heap/python-lite'

export type RunMode = 'script' | 'repl'

export interface RunRequest {
  readonly source: string
  readonly profile: string
  readonly mode: RunMode
  /** Record the timeline, snapshots and the GC stepper (costs time; off for plain runs). */
  readonly observe: boolean
  readonly maxSteps: number
  readonly timeoutMs: number
}

export interface RunResponse {
  readonly ok: true
  readonly profile: string
  readonly mode: RunMode
  readonly chunks: readonly OutputChunk[]
  readonly stdout: string
  readonly stderr: string
  readonly merged: string
  readonly exitCode: number
  readonly snapshots: readonly HeapSnapshot[]
  readonly events: readonly TraceEvent[]
  readonly gcSteps: readonly GCStep[]
  readonly ms: number
}

export interface RunFailure {
  readonly ok: false
  readonly profile: string
  readonly error: string
}

export type RunOutcome = RunResponse | RunFailure

/** The budget every run gets in the browser. */
export const DEFAULT_BUDGET = { maxSteps: 5_000_000, timeoutMs: 8_000 } as const
