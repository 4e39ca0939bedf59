/** The builtin modules `import` can find, by name. */
import type { CPythonProfile, PyObject } from '@heap/core'
import type { Interpreter } from '../interp.js'
import { createAtexitModule } from './atexit.js'
import { createFaulthandlerModule } from './faulthandler.js'
import { createGcModule } from './gc.js'
import { createMathModule } from './math.js'
import { createTestCapiModule } from './testcapi.js'
import { createTimeModule } from './time.js'
import { createWarningsModule } from './warnings.js'
import { createWeakrefModule } from './weakref.js'
import { createCtypesModule } from './ctypes.js'
import { createDisModule } from './dis.js'
import { createOsModule } from './os.js'

export interface ModuleFactory {
  create(interp: Interpreter): PyObject
  /** Whether the profile's CPython has the module. */
  available?(profile: CPythonProfile): boolean
}

export const BUILTIN_MODULES: Record<string, ModuleFactory> = {
  atexit: { create: createAtexitModule },
  faulthandler: { create: createFaulthandlerModule },
  gc: { create: createGcModule },
  math: { create: createMathModule },
  time: { create: createTimeModule },
  weakref: { create: (i) => createWeakrefModule(i, 'weakref') },
  _weakref: { create: (i) => createWeakrefModule(i, '_weakref') },
  warnings: { create: (i) => createWarningsModule(i, 'warnings') },
  _warnings: { create: (i) => createWarningsModule(i, '_warnings') },
  _testcapi: { create: createTestCapiModule, available: (p) => p.gc.finalizerPolicy === 'pep442' },
  ctypes: { create: createCtypesModule },
  os: { create: createOsModule },
  dis: { create: createDisModule },
}
