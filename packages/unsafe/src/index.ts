/** @heap/unsafe — ctypes-like access to @heap/core's simulated memory. */
export {}
