import { existsSync, readdirSync, readFileSync, statSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { loadCases, discoverCases, validateEntry, profilesFor, expectedPath, EXPECTED_DIR, PROFILES, FLAGS } from '../src/manifest.mjs'
import { caseRuns, runInput } from '../src/cases.js'

describe('case discovery', () => {
  test('finds script, REPL and multi-file cases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cases-'))
    mkdirSync(join(dir, 'area'))
    writeFileSync(join(dir, 'area', 'one.py'), 'print(1)\n')
    writeFileSync(join(dir, 'area', 'one.repl'), '1\n')
    writeFileSync(join(dir, 'area', 'notes.txt'), 'ignored\n')
    mkdirSync(join(dir, 'area', 'multi', 'data'), { recursive: true })
    writeFileSync(join(dir, 'area', 'multi', 'main.py'), 'import helper\n')
    writeFileSync(join(dir, 'area', 'multi', 'helper.py'), '\n')
    writeFileSync(join(dir, 'area', 'multi', 'data', 'x.txt'), 'x\n')
    const found = discoverCases(dir)
    expect(found.map((c) => [c.id, Object.keys(c.modes).sort(), c.support])).toEqual([
      ['area/multi', ['script'], ['data/x.txt', 'helper.py']],
      ['area/one', ['repl', 'script'], []],
    ])
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ cases: { 'area/one': { note: 'x', py2: true }, 'area/multi': { note: 'y', flags: ['shutdown'], argv: ['a'] } } }))
    const cases = loadCases({ casesDir: dir })
    const multi = cases.find((c) => c.id === 'area/multi')!
    expect(profilesFor(multi, 'script').profiles).toEqual(['3.8', '3.11', '3.12', '3.13'])
    expect(profilesFor(multi, 'script').excluded['3.14']).toMatch(/shutdown/)
    const one = cases.find((c) => c.id === 'area/one')!
    expect(profilesFor(one, 'script').profiles).toEqual(['legacy', '3.8', '3.11', '3.12', '3.13', '3.14'])
    expect(profilesFor(one, 'repl').profiles).toEqual(['legacy', '3.8', '3.11', '3.12', '3.13'])
    expect(profilesFor(one, 'script', { includeOptional: true }).profiles).toContain('3.9')
    const input = runInput({ case: multi, mode: 'script', profile: '3.14' })
    expect(new TextDecoder().decode(input.source as Uint8Array)).toBe('import helper\n')
    expect(input.options).toMatchObject({ profile: '3.14', mode: 'script', filename: 'main.py', argv: ['main.py', 'a'], pointerSize: 4 })
    expect(Object.keys(input.options.files!).sort()).toEqual(['data/x.txt', 'helper.py'])
  })

  test('manifest problems are reported together', () => {
    expect(validateEntry('a/b', { note: '' })).toEqual(['a/b: "note" (what the case shows) is required'])
    expect(validateEntry('a/b', { note: 'x', flags: ['weird'], profiles: ['2.6'], skip: { '3.8': '' }, extra: 1 })).toHaveLength(4)
    expect(validateEntry('a/b', { note: 'x', runs: 3 })).toEqual(['a/b: runs only makes sense with the nondeterministic flag'])
  })
})

describe('the corpus', () => {
  const cases = loadCases()

  test('every case file has a manifest entry and every entry a case file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(250)
  })

  test('flags are known', () => {
    for (const c of cases) for (const f of c.flags) expect(FLAGS).toContain(f)
  })

  test('every (case, mode, profile) to record has a recording, and every recording belongs to one', () => {
    const wanted = new Set<string>()
    const missing: string[] = []
    for (const c of cases) {
      for (const mode of Object.keys(c.modes) as ('script' | 'repl')[]) {
        for (const p of profilesFor(c, mode, { includeOptional: true }).profiles) {
          const path = expectedPath(p, c.id, mode)
          wanted.add(path)
          if (!PROFILES[p]!.optional && !existsSync(path)) missing.push(relative(EXPECTED_DIR, path))
        }
      }
    }
    expect(missing).toEqual([])
    const walk = (d: string): string[] => readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : [join(d, e)]))
    const stale = existsSync(EXPECTED_DIR) ? walk(EXPECTED_DIR).filter((f) => !wanted.has(f)).map((f) => relative(EXPECTED_DIR, f)) : []
    expect(stale).toEqual([])
  })

  test('recordings are well formed and normalised', () => {
    for (const p of Object.keys(PROFILES)) {
      for (const run of caseRuns(p, { cases })) {
        const r = run.recording
        expect(r.case).toBe(run.case.id)
        expect(r.mode).toBe(run.mode)
        expect(r.profile).toBe(p)
        expect(typeof r.exitCode).toBe('number')
        for (const s of [r.stdout, r.stderr, r.merged]) {
          expect(s).not.toMatch(/0x[0-9a-f]{5,}/)
          expect(s).not.toMatch(/heapconf-/)
        }
        if (run.case.flags.includes('nondeterministic')) expect(r.outcomes).toBeTruthy()
      }
    }
  })

  test('REPL inputs end with a newline, so the last statement runs', () => {
    for (const c of cases) if (c.modes.repl) expect(readFileSync(c.modes.repl.path, 'utf8').endsWith('\n')).toBe(true)
  })
})
