import type { PyCodeObject, PyObject } from '@heap/core'

/** `linecache`'s key for an interactive code object: file name, qualified name, first line. */
function codeKey(code: PyCodeObject): string {
  const v = (o: PyObject): string => String((o as unknown as { value?: string }).value)
  return `${v(code.co_filename)}\0${v(code.co_qualname)}\0${code.co_firstlineno}`
}

/** Source texts by file name, for traceback source lines (`linecache`). */
export class SourceRegistry {
  private readonly texts = new Map<string, string[]>()
  /** 3.13+ interactive statements: source lines by code object key (`linecache._interactive_cache`). */
  private readonly interactive = new Map<string, string[]>()

  /**
   * Registers an interactive statement's source for its code object and every code object nested in it.
   * @cpython Lib/linecache.py#_register_code
   */
  addInteractive(code: PyCodeObject, source: string): void {
    const lines = source.split(/\r?\n/)
    const stack: PyCodeObject[] = [code]
    while (stack.length > 0) {
      const c = stack.pop()!
      for (const k of (c.co_consts as unknown as { ob_item: PyObject[] }).ob_item) {
        if (k.ob_type === c.ob_type) stack.push(k as PyCodeObject)
      }
      this.interactive.set(codeKey(c), lines)
    }
  }

  /** The line (1-based) of an interactive code object, or null. */
  interactiveLine(code: PyCodeObject, lineno: number): string | null {
    const lines = this.interactive.get(codeKey(code))
    if (!lines || lineno < 1 || lineno > lines.length) return null
    return lines[lineno - 1]!
  }

  add(filename: string, source: string): void {
    this.texts.set(filename, source.split(/\r?\n/))
  }
  /** The line (1-based), or null. */
  line(filename: string, lineno: number): string | null {
    const lines = this.texts.get(filename)
    if (!lines || lineno < 1 || lineno > lines.length) return null
    return lines[lineno - 1]!
  }
  has(filename: string): boolean {
    return this.texts.has(filename)
  }
}
