/** `heap check`. */
export async function checkCommand(..._args: unknown[]): Promise<number> {
  process.stderr.write('heap: check is not available yet\n')
  return 1
}
