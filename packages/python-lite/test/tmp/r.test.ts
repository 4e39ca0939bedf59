import { it } from 'vitest'
import { readFileSync } from 'node:fs'
import { runSource } from '../../src/index.js'
it('run', () => {
  const file = process.env.PYFILE!
  const r = runSource(readFileSync(file, 'utf8'), { profile: process.env.PROF ?? '3.11', filename: file.split('/').pop()! } as never)
  console.log('STDOUT<<' + (r as any).stdout + '>>')
  console.log('STDERR<<' + (r as any).stderr + '>>')
  console.log('EXIT ' + (r as any).exitCode)
})
