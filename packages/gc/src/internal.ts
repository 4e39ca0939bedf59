/** @internal Entry point for sibling packages. */
export * from './index.js'
