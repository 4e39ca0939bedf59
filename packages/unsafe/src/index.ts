/**
 * @heap/unsafe — ctypes-like access to @heap/core's simulated memory: forced deallocation, refcount and header
 * writes, and the undefined behaviour that follows, simulated (the simulated process crashes; the host never does).
 */
export { createCtypesModule, CDataObject, crashFrame, type CtypesOptions } from './ctypes.js'
export { readBytes, writeBytes, readInt, writeInt, regionAt, objectAt, type Region } from './memory.js'
export { hazardReport, formatHazardReport, type HazardReport } from './hazards.js'
export { checkCorruptionAtExit, installUnsafeHooks } from './crash.js'
export { unsafeState, type Hazard, type HazardKind } from './state.js'
export { _PyObject_ResolveFreed as resolveDangling } from '@heap/core'
