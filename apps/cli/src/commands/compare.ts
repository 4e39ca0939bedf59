/** `heap compare`. */
export async function compareCommand(..._args: unknown[]): Promise<number> {
  process.stderr.write('heap: compare is not available yet\n')
  return 1
}
