/** Module names compiled into the simulated interpreter (`sys.builtin_module_names`). */
export const BUILTIN_MODULE_NAMES = ['_io', '_weakref', 'atexit', 'builtins', 'ctypes', 'gc', 'math', 'sys', 'time', 'weakref']
