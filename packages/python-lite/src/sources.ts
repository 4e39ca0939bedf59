/** Source texts by file name, for traceback source lines (`linecache`). */
export class SourceRegistry {
  private readonly texts = new Map<string, string[]>()
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
