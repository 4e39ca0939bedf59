export const ADDR: string
export const ELAPSED: string
export const STDLIB: string
export function stripPyodideFrames(text: string): string
export function normalizeOutput(text: string, ctx?: { caseDir?: string; aliases?: string[] }): string
export function shellSignalMessage(signal: string | null | undefined): string | null
export function shellExitCode(code: number | null, signal: string | null): number
export function appendShellMessage(text: string, message: string | null): string
