/** Test helpers. */
export {}
