/**
 * NON-CPYTHON: the switch for the debug invariant checks (the collector's `validate_list`, ...), the analogue of a
 * CPython debug build's asserts. Test setups turn it on; off, each check is a single branch.
 */
let enabled = false

export function setDebugChecks(on: boolean): void {
  enabled = on
}

export function debugChecksEnabled(): boolean {
  return enabled
}
