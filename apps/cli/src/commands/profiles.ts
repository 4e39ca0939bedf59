import { PROFILES } from '@heap/python-lite'

/** `heap profiles`: one line per profile, then the fields that differ. */
export function profilesCommand(): number {
  for (const p of PROFILES) {
    process.stdout.write(`${p.id.padEnd(7)} ${p.summary}\n`)
  }
  return 0
}
