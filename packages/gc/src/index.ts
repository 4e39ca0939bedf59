/** @heap/gc — CPython's cycle collector and the gc module, on @heap/core. */
export {}
