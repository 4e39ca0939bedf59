// @heap/conformance: the conformance corpus, recordings and runner (private).
export * from './engine.js'
export * from './cases.js'
export * from './compare.js'
export * from './lists.js'
export * from './runner.js'
export { normalizeOutput, stripPyodideFrames, shellExitCode, shellSignalMessage, appendShellMessage, ADDR, ELAPSED, STDLIB } from './normalize.mjs'
export * from './calibrate.js'
