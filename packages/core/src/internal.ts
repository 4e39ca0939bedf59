/** @internal Entry point for sibling packages (@heap/gc, @heap/unsafe, @heap/python-lite). */
export * from './index.js'
