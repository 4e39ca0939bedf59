#!/usr/bin/env node
// Records what real CPython prints for every conformance case, per profile and mode, into
// expected/<profile>/<area>/<name>.<mode>.json. See README.md ("Recording").
//
//   node scripts/record.mjs [--profile 3.11[,3.12]] [--case 'gc/*'] [--mode script|repl] [--all]
//                           [--jobs 2] [--verify] [--prune] [--force] [--list]
//
// Native profiles run the pyenv builds (`$(pyenv prefix <version>)/bin/python`, what `PYENV_VERSION=<v> python`
// executes); 3.14 runs Pyodide 314.0.7 through scripts/pyodide-run.mjs, one process per run.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync, mkdirSync, rmSync, openSync, closeSync, realpathSync, existsSync, readdirSync, statSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCases, profilesFor, PROFILES, expectedPath, EXPECTED_DIR } from '../src/manifest.mjs'
import { normalizeOutput, shellExitCode, shellSignalMessage, appendShellMessage } from '../src/normalize.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))

// ---------------------------------------------------------------------------------------------- arguments
const args = process.argv.slice(2)
const opt = { profiles: null, cases: [], mode: null, all: false, jobs: 2, verify: false, prune: false, force: false, list: false, quiet: false }
for (let i = 0; i < args.length; i++) {
  const a = args[i]
  const next = () => {
    if (i + 1 >= args.length) throw new Error(`${a} needs a value`)
    return args[++i]
  }
  if (a === '--profile' || a === '-p') opt.profiles = [...(opt.profiles ?? []), ...next().split(',')]
  else if (a === '--case' || a === '-c') opt.cases.push(next())
  else if (a === '--mode') opt.mode = next()
  else if (a === '--all') opt.all = true
  else if (a === '--jobs' || a === '-j') opt.jobs = Number(next())
  else if (a === '--verify') opt.verify = true
  else if (a === '--prune') opt.prune = true
  else if (a === '--force') opt.force = true
  else if (a === '--list') opt.list = true
  else if (a === '--quiet' || a === '-q') opt.quiet = true
  else if (a === '--help' || a === '-h') {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 10).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'))
    process.exit(0)
  } else throw new Error(`unknown argument ${a}`)
}
for (const p of opt.profiles ?? []) if (!PROFILES[p]) throw new Error(`unknown profile ${p}; known: ${Object.keys(PROFILES).join(', ')}`)

/** `gc/*`, `**cycle**`, `seed/**`: `*` matches anything but `/`, `**` anything. A bare word matches as a substring. */
function globToRegExp(glob) {
  if (!/[*?]/.test(glob)) return new RegExp(glob.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
  const part = (g) => g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')
  const re = glob.split('**').map(part).join('.*')
  return new RegExp(`^${re}$`)
}

// ---------------------------------------------------------------------------------------------- oracles
const ENV_BASE = {
  HOME: process.env.HOME ?? '/root',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TERM: 'dumb',
  PYTHONHASHSEED: '0',
  PYTHONUNBUFFERED: '1',
  PYTHONDONTWRITEBYTECODE: '1',
  LIBC_FATAL_STDERR_: '1',
}

const SETARCH = ['/usr/bin/setarch', '/bin/setarch'].find((p) => existsSync(p)) ?? null
if (!SETARCH) console.warn('setarch not found: native runs keep address-space randomisation, some counts may vary between runs')

const pythonBinCache = new Map()
function pythonBin(profile) {
  const info = PROFILES[profile]
  const v = info.bin ?? info.python
  if (info.bin && !pythonBinCache.has(v)) {
    // An interpreter outside pyenv (the debug build): it must be the version the profile names.
    if (!existsSync(info.bin)) throw new Error(`no ${info.bin} (the ${profile} oracle; Debian: apt-get install python${info.python.split('.').slice(0, 2).join('.')}-dbg)`)
    const env = { ...ENV_BASE, PATH: '/usr/bin:/bin' }
    const version = execFileSync(info.bin, ['-c', 'import sys; sys.stdout.write(sys.version)'], { encoding: 'utf8', env })
    const actual = execFileSync(info.bin, ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8', env }).trim()
    if (actual !== info.python) throw new Error(`${info.bin} is CPython ${actual}, the ${profile} profile expects ${info.python}`)
    pythonBinCache.set(v, { bin: info.bin, prefix: dirname(dirname(info.bin)), version })
  }
  if (!pythonBinCache.has(v)) {
    let prefix
    try {
      prefix = execFileSync('pyenv', ['prefix', v], { encoding: 'utf8' }).trim()
    } catch {
      prefix = join(process.env.PYENV_ROOT ?? join(process.env.HOME ?? '/root', '.pyenv'), 'versions', v)
    }
    const bin = join(prefix, 'bin', 'python')
    if (!existsSync(bin)) throw new Error(`no CPython ${v} at ${bin} (pyenv install ${v})`)
    const version = execFileSync(bin, ['-c', 'import sys; sys.stdout.write(sys.version)'], { encoding: 'utf8', env: { ...ENV_BASE, PATH: `${prefix}/bin:/usr/bin:/bin` } })
    pythonBinCache.set(v, { bin, prefix, version })
  }
  return pythonBinCache.get(v)
}

function prepareDir(c, mode) {
  const dir = mkdtempSync(join(tmpdir(), 'heapconf-'))
  if (mode === 'script') copyFileSync(c.modes.script.path, join(dir, c.modes.script.filename))
  for (const f of c.support) {
    mkdirSync(dirname(join(dir, f)), { recursive: true })
    copyFileSync(join(c.dir, f), join(dir, f))
  }
  return dir
}

/** One native run. `merged`: stdout and stderr share one file (`2>&1`). */
function runNativeOnce(profile, c, mode, merged) {
  const { bin, prefix } = pythonBin(profile)
  const dir = prepareDir(c, mode)
  const harness = mkdtempSync(join(tmpdir(), 'heapconf-io-'))
  let stdinFd
  if (mode === 'repl') stdinFd = openSync(c.modes.repl.path, 'r')
  else if (c.stdin != null) {
    writeFileSync(join(harness, 'stdin'), c.stdin)
    stdinFd = openSync(join(harness, 'stdin'), 'r')
  } else stdinFd = openSync('/dev/null', 'r')
  const outFd = openSync(join(harness, 'out'), 'w')
  const errFd = merged ? outFd : openSync(join(harness, 'err'), 'w')
  const pyArgs = mode === 'repl' ? ['-i'] : [c.modes.script.filename, ...c.argv]
  const env = { ...ENV_BASE, PATH: `${prefix}/bin:/usr/local/bin:/usr/bin:/bin` }
  return new Promise((resolve, reject) => {
    // Address-space randomisation off: with it, some counts (None's on 3.8-3.13) vary from run to run.
    const launch = SETARCH ? `ulimit -c 0; exec ${SETARCH} "$(uname -m)" -R "$@"` : 'ulimit -c 0; exec "$@"'
    const child = spawn('/bin/sh', ['-c', launch, 'sh', bin, ...pyArgs], { cwd: dir, env, stdio: [stdinFd, outFd, errFd] })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, c.timeoutMs)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      for (const fd of new Set([stdinFd, outFd, errFd])) closeSync(fd)
      const out = readFileSync(join(harness, 'out'), 'utf8')
      const err = merged ? '' : readFileSync(join(harness, 'err'), 'utf8')
      const realDir = realpathSync(dir)
      rmSync(dir, { recursive: true, force: true })
      rmSync(harness, { recursive: true, force: true })
      if (timedOut) return reject(new Error(`${c.id} (${mode}, ${profile}) timed out after ${c.timeoutMs} ms`))
      resolve({ dir, realDir, out, err, code, signal })
    })
  })
}

function runPyodideOnce(profile, c, mode) {
  if (mode !== 'script') throw new Error('Pyodide runs script mode only')
  const dir = '/tmp/heapconf-case'
  const files = { [c.modes.script.filename]: readFileSync(c.modes.script.path).toString('base64') }
  for (const f of c.support) files[f] = readFileSync(join(c.dir, f)).toString('base64')
  const job = JSON.stringify({ dir, filename: c.modes.script.filename, files, argv: c.argv, stdin: c.stdin })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(HERE, 'pyodide-run.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] })
    const out = []
    const err = []
    const timer = setTimeout(() => child.kill('SIGKILL'), c.timeoutMs + 10000)
    child.stdout.on('data', (d) => out.push(d))
    child.stderr.on('data', (d) => err.push(d))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      const text = Buffer.concat(out).toString('utf8')
      if (code !== 0 || !text) return reject(new Error(`pyodide-run failed for ${c.id}: code ${code} signal ${signal}\n${Buffer.concat(err).toString('utf8').slice(-2000)}`))
      resolve({ dir, realDir: dir, ...JSON.parse(text) })
    })
    child.stdin.end(job)
  })
}

function mainPathStyle(raw, dirs, filename) {
  if (dirs.some((d) => raw.includes(`${d}/${filename}`))) return 'absolute'
  if (raw.includes(`"${filename}"`)) return 'as-given'
  return 'none'
}

/** Run a case once in both stream layouts; returns normalised streams. */
async function runOnce(profile, c, mode) {
  const info = PROFILES[profile]
  const filename = c.modes[mode].filename
  if (info.oracle === 'pyodide') {
    const r = await runPyodideOnce(profile, c, mode)
    const ctx = { caseDir: r.dir }
    let stderr = r.stderr
    let merged = r.merged
    let exitCode = shellExitCode(r.exitCode, r.signal)
    if (r.fatal) {
      // NON-CPYTHON: the wasm runtime died; there is no process status to report.
      const line = `[pyodide fatal error] ${r.fatal}`
      stderr = appendShellMessage(stderr, line)
      merged = appendShellMessage(merged, line)
      exitCode = 255
    }
    return {
      python: r.python,
      stdout: normalizeOutput(r.stdout, ctx),
      stderr: normalizeOutput(stderr, ctx),
      merged: normalizeOutput(merged, ctx),
      exitCode,
      mainPath: mainPathStyle(r.stdout + r.stderr, [r.dir], filename),
      fatal: r.fatal,
      leftovers: r.leftovers ?? [],
    }
  }
  const sep = await runNativeOnce(profile, c, mode, false)
  const mer = await runNativeOnce(profile, c, mode, true)
  const norm = (r, text) => normalizeOutput(text, { caseDir: r.dir, aliases: [r.realDir] })
  const msgSep = shellSignalMessage(sep.signal)
  const msgMer = shellSignalMessage(mer.signal)
  return {
    python: pythonBin(profile).version,
    stdout: norm(sep, sep.out),
    stderr: norm(sep, appendShellMessage(sep.err, msgSep)),
    merged: norm(mer, appendShellMessage(mer.out, msgMer)),
    exitCode: shellExitCode(sep.code, sep.signal),
    mergedExitCode: shellExitCode(mer.code, mer.signal),
    mainPath: mainPathStyle(sep.out + sep.err, [sep.dir, sep.realDir], filename),
  }
}

function tally(list, key, value) {
  const k = JSON.stringify(key)
  const hit = list.find((o) => o.k === k)
  if (hit) hit.count++
  else list.push({ k, ...value, count: 1 })
}

async function recordOne(profile, c, mode) {
  const runs = c.flags.includes('nondeterministic') ? c.runs : opt.verify ? 2 : 1
  const results = []
  for (let i = 0; i < runs; i++) results.push(await runOnce(profile, c, mode))
  const first = results[0]
  const warnings = []
  if (first.fatal) warnings.push(`Pyodide runtime died: ${first.fatal}`)
  if (first.leftovers?.length && !c.flags.includes('shutdown')) warnings.push(`objects with __del__ still alive at exit (${[...new Set(first.leftovers)].join(', ')}): native CPython would finalise them at shutdown; flag the case "shutdown" or release them`)
  let outcomes
  if (c.flags.includes('nondeterministic')) {
    const separate = []
    const merged = []
    for (const r of results) {
      tally(separate, [r.stdout, r.stderr, r.exitCode], { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode })
      tally(merged, [r.merged, r.mergedExitCode ?? r.exitCode], { merged: r.merged, exitCode: r.mergedExitCode ?? r.exitCode })
    }
    outcomes = { separate: separate.map(({ k: _k, ...o }) => o), merged: merged.map(({ k: _k, ...o }) => o) }
  } else {
    if (first.mergedExitCode !== undefined && first.mergedExitCode !== first.exitCode) warnings.push(`exit code differs between the separate (${first.exitCode}) and merged (${first.mergedExitCode}) runs: nondeterministic?`)
    for (const r of results.slice(1)) {
      if (r.stdout !== first.stdout || r.stderr !== first.stderr || r.merged !== first.merged || r.exitCode !== first.exitCode) warnings.push('a second run gave a different result: nondeterministic?')
    }
  }
  const rec = {
    case: c.id,
    mode,
    profile,
    python: first.python,
    oracle: PROFILES[profile].oracle === 'pyodide' ? `pyodide ${PROFILES[profile].pyodide} (wasm32)` : PROFILES[profile].bin ? `cpython ${PROFILES[profile].python} (${PROFILES[profile].bin}, x86-64)` : `cpython ${PROFILES[profile].python} (pyenv, x86-64)`,
    pointerSize: PROFILES[profile].pointerSize,
    ...(PROFILES[profile].oracle === 'pyodide' ? {} : { aslr: !SETARCH }),
    command: mode === 'repl' ? `python -i < ${c.modes.repl.filename}` : ['python', c.modes.script.filename, ...c.argv].join(' '),
    argv: c.argv,
    stdin: mode === 'repl' ? null : c.stdin,
    stdout: first.stdout,
    stderr: first.stderr,
    merged: first.merged,
    exitCode: first.exitCode,
    mainPath: first.mainPath,
    flags: c.flags,
    ...(outcomes ? { outcomes } : {}),
    recordedAt: new Date().toISOString(),
  }
  const path = expectedPath(profile, c.id, mode)
  let changed = true
  if (existsSync(path) && !opt.force) {
    const old = JSON.parse(readFileSync(path, 'utf8'))
    const strip = (r) => JSON.stringify({ ...r, recordedAt: undefined })
    if (strip(old) === strip(rec)) changed = false
  }
  if (changed) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, JSON.stringify(rec, null, 2) + '\n')
  }
  return { changed, warnings, rec }
}

// ---------------------------------------------------------------------------------------------- main
const cases = loadCases()
const patterns = opt.cases.map(globToRegExp)
const jobs = []
const wanted = new Set()
for (const c of cases) {
  if (patterns.length && !patterns.some((re) => re.test(c.id))) continue
  for (const mode of Object.keys(c.modes)) {
    if (opt.mode && opt.mode !== mode) continue
    const includeOptional = opt.all || (opt.profiles ?? []).some((p) => PROFILES[p].optional)
    const { profiles } = profilesFor(c, mode, { includeOptional })
    for (const p of profiles) {
      if (opt.profiles && !opt.profiles.includes(p)) continue
      jobs.push({ profile: p, c, mode })
      wanted.add(expectedPath(p, c.id, mode))
    }
  }
}

if (opt.list) {
  for (const j of jobs) console.log(`${j.profile}\t${j.mode}\t${j.c.id}`)
  console.log(`${jobs.length} recordings`)
  process.exit(0)
}

// Native jobs and Pyodide jobs: Pyodide runs are heavier (a Node process each), interleave them.
let next = 0
let done = 0
let changedCount = 0
const problems = []
const t0 = Date.now()
async function worker() {
  while (next < jobs.length) {
    const j = jobs[next++]
    try {
      const { changed, warnings } = await recordOne(j.profile, j.c, j.mode)
      if (changed) changedCount++
      for (const w of warnings) problems.push(`${j.profile} ${j.c.id} (${j.mode}): ${w}`)
      done++
      if (!opt.quiet) process.stderr.write(`\r[${done}/${jobs.length}] ${j.profile.padEnd(6)} ${j.mode.padEnd(6)} ${j.c.id}`.padEnd(90).slice(0, 100))
    } catch (e) {
      done++
      problems.push(`${j.profile} ${j.c.id} (${j.mode}): ERROR ${e.message}`)
    }
  }
}
await Promise.all(Array.from({ length: Math.max(1, opt.jobs) }, worker))
if (!opt.quiet) process.stderr.write('\n')

if (opt.prune) {
  // remove recordings of cases/modes/profiles that no longer exist, within the selected scope
  const scopeProfiles = opt.profiles ?? Object.keys(PROFILES).filter((p) => opt.all || !PROFILES[p].optional)
  let pruned = 0
  for (const p of scopeProfiles) {
    const root = join(EXPECTED_DIR, p)
    if (!existsSync(root)) continue
    const walk = (d) => readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : [join(d, e)]))
    for (const f of walk(root)) {
      const id = relative(root, f).replace(/\.(script|repl)\.json$/, '')
      if (patterns.length && !patterns.some((re) => re.test(id))) continue
      if (!wanted.has(f)) {
        unlinkSync(f)
        pruned++
      }
    }
  }
  console.log(`pruned ${pruned} stale recordings`)
}

console.log(`${jobs.length} recordings (${changedCount} written, ${jobs.length - changedCount} unchanged) in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
if (problems.length) {
  console.log(`\n${problems.length} warnings:`)
  for (const p of problems) console.log(`  ${p}`)
}
process.exit(problems.some((p) => p.includes('ERROR')) ? 1 : 0)
