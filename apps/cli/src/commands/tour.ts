/** `heap tour`. */
export async function tourCommand(..._args: unknown[]): Promise<number> {
  process.stderr.write('heap: tour is not available yet\n')
  return 1
}
