#!/usr/bin/env node
// The packaging test: every published @heap package installs from its tarball and works on its own.
//
//   node tools/packaging/test.mjs [--keep] [--skip-browser]
//
// Needs `pnpm build` first. Steps:
//   1. manifests: README, LICENSE and the packaging fields of each published package; all in the changesets
//      fixed group
//   2. pack every package with `pnpm pack` (workspace: ranges become real ones); print the tarball sizes; check
//      what each tarball contains
//   3. publint + Are the Types Wrong? on each tarball
//   4. npm-install the tarballs into a fresh temporary project (no workspace links; @heap/* dependencies resolve
//      to the tarballs through a local scope registry, everything else comes from the npm registry)
//   5. Node ESM: import each package and run an example against its public API (network off, via `unshare -n`)
//   6. type-check a consumer of the installed .d.ts files (moduleResolution nodenext)
//   7. browser: bundle @heap/python-lite with esbuild (platform browser), run it in headless chromium
//   8. CLI: `npm i -g` the CLI tarball into a temporary prefix, then `heap --version` and `heap run` outside
//      the monorepo (network off)
// Temporary directories are removed at the end unless --keep is given.
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { entryFiles, fixedGroup, formatBytes, indent, pack, publishablePackages, ROOT, run, runOk, SCOPE, startScopeRegistry, table } from './lib.mjs'
import { lintTarballs } from './lint.mjs'
import { PROGRAMS } from './checks/programs.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const args = new Set(process.argv.slice(2))
const KEEP = args.has('--keep')
const SKIP_BROWSER = args.has('--skip-browser')
const requireFromRoot = createRequire(join(ROOT, 'package.json'))

const results = []
const log = (s = '') => console.log(s)

/** Runs one step; `needs` lists steps that must have passed. Never throws. */
async function step(name, fn, { needs = [] } = {}) {
  const t0 = performance.now()
  log(`\n::: ${name}`)
  const missing = needs.filter((n) => results.find((r) => r.name === n)?.status !== 'ok')
  if (missing.length) {
    log(`  skipped: needs ${missing.join(', ')}`)
    results.push({ name, status: 'skipped', ms: 0 })
    return
  }
  try {
    const note = await fn()
    results.push({ name, status: note === 'skip' ? 'skipped' : 'ok', ms: performance.now() - t0 })
  } catch (e) {
    log(indent(`FAIL: ${e instanceof Error ? e.message : e}`, '  '))
    results.push({ name, status: 'FAIL', ms: performance.now() - t0 })
  }
}

/** The environment of the commands a user would type: no npm_* variables from a calling pnpm/npm script. */
function cleanEnv(extra = {}) {
  const env = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') || k === 'NODE_PATH' || k === 'NODE_OPTIONS' || k === 'INIT_CWD') continue
    env[k] = v
  }
  return { ...env, NO_COLOR: '1', ...extra }
}

/** `unshare -n` (a network namespace with no interfaces) when this machine allows it. */
async function offlinePrefix() {
  for (const prefix of [['unshare', '-n'], ['unshare', '-rn']]) {
    try {
      if ((await run(prefix[0], [...prefix.slice(1), 'true'])).code === 0) return prefix
    } catch {}
  }
  return []
}

const ctx = { tarballs: [], tmp: null, project: null, registry: null, offline: [] }

async function main() {
  const npmVersion = (await runOk('npm', ['--version'], { env: cleanEnv() })).stdout.trim()
  log(`heap packaging test — node ${process.version}, npm ${npmVersion}`)
  ctx.tmp = realpathSync(mkdtempSync(join(tmpdir(), 'heap-packaging-')))
  ctx.offline = await offlinePrefix()
  const packages = publishablePackages()

  await step('manifests', async () => {
    const problems = []
    const group = fixedGroup()
    for (const p of packages) {
      const m = p.manifest
      const say = (msg) => problems.push(`${p.name} (${p.rel}): ${msg}`)
      if (!group.includes(p.name)) say('not in the fixed version group of .changeset/config.json')
      const readme = existsSync(join(p.dir, 'README.md')) ? readFileSync(join(p.dir, 'README.md'), 'utf8') : ''
      if (!readme) say('no README.md')
      else {
        if (!readme.includes(`npm i`)) say('README.md: no install command')
        if (!/```(js|ts|javascript|typescript|sh|console)\n/.test(readme)) say('README.md: no example')
        if (!/\]\(https?:\/\//.test(readme)) say('README.md: no link to the docs')
      }
      if (!existsSync(join(p.dir, 'LICENSE'))) say('no LICENSE file')
      if (m.license !== 'MIT') say(`license is ${JSON.stringify(m.license)}, expected "MIT"`)
      if (!Array.isArray(m.files) || !m.files.includes('dist')) say('"files" must list dist')
      if (typeof m.sideEffects !== 'boolean' && !Array.isArray(m.sideEffects)) say('no "sideEffects"')
      if (!m.engines?.node) say('no "engines.node"')
      if (m.type !== 'module') say('"type" is not "module"')
      if (m.publishConfig?.access !== 'public') say('"publishConfig.access" is not "public" (scoped packages)')
      if (!m.repository?.url || !m.repository?.directory) say('"repository" needs url and directory')
      if (!Array.isArray(m.keywords) || m.keywords.length === 0) say('no "keywords"')
      if (!m.exports?.['.']) say('no "exports" map with "."')
      for (const [sub, target] of Object.entries(m.exports ?? {})) {
        if (sub === './package.json') continue
        const keys = typeof target === 'object' && target ? Object.keys(target) : []
        if (keys[0] !== 'types') say(`exports["${sub}"]: "types" must come first`)
        if (!keys.includes('default') && !keys.includes('import')) say(`exports["${sub}"]: no "default"/"import"`)
      }
    }
    for (const name of group) if (!packages.some((p) => p.name === name)) problems.push(`${name}: in the fixed group but not a published workspace package`)
    if (problems.length) throw new Error(problems.join('\n'))
    log(`  ok   ${packages.length} published packages: ${packages.map((p) => p.name).join(', ')} (one fixed version group)`)
  })

  await step('pack', async () => {
    const dest = join(ctx.tmp, 'tarballs')
    mkdirSync(dest)
    for (const p of packages) ctx.tarballs.push(await pack(p, dest))
    const rows = [['tarball', 'packed', 'unpacked', 'files']]
    for (const t of ctx.tarballs) rows.push([t.file.slice(dest.length + 1), formatBytes(t.packedSize), formatBytes(t.unpackedSize), t.files.length])
    const sum = (k) => ctx.tarballs.reduce((n, t) => n + t[k], 0)
    rows.push(['total', formatBytes(sum('packedSize')), formatBytes(sum('unpackedSize')), ctx.tarballs.reduce((n, t) => n + t.files.length, 0)])
    log(indent(table(rows), '  '))
  })

  await step('tarball contents', async () => {
    const problems = []
    for (const t of ctx.tarballs) {
      const paths = new Set(t.files.map((f) => f.path))
      for (const f of ['package.json', 'README.md', 'LICENSE', ...entryFiles(t.manifest)]) if (!paths.has(f)) problems.push(`${t.name}: ${f} is not in the tarball`)
      for (const f of paths) if (/^(src|test|bench|scripts)\/|\.test\.|tsconfig|vitest\.config|tsup\.config|\.turbo/.test(f)) problems.push(`${t.name}: ${f} should not be published`)
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
        for (const [dep, range] of Object.entries(t.manifest[field] ?? {})) if (/^(workspace|link|file):/.test(range)) problems.push(`${t.name}: ${field}.${dep} is ${range}`)
      }
      const internal = Object.entries(t.manifest.dependencies ?? {}).filter(([d]) => d.startsWith(`${SCOPE}/`))
      for (const [dep, range] of internal) {
        const target = ctx.tarballs.find((x) => x.name === dep)
        if (target && !rangeAccepts(range, target.version)) problems.push(`${t.name}: depends on ${dep}@${range}, which ${target.version} does not satisfy`)
      }
      log(`  ${t.name}: ${[...paths].filter((f) => !f.startsWith('dist/')).join(', ')}, dist/ (${t.files.filter((f) => f.path.startsWith('dist/')).length} files)${internal.length ? `; depends on ${internal.map(([d, r]) => `${d}@${r}`).join(', ')}` : ''}`)
    }
    if (problems.length) throw new Error(problems.join('\n'))
  }, { needs: ['pack'] })

  await step('publint + attw', async () => {
    const failed = await lintTarballs(ctx.tarballs)
    if (failed.length) throw new Error(`problems in ${failed.join(', ')}`)
  }, { needs: ['pack'] })

  await step('npm install the tarballs into a fresh project', async () => {
    ctx.registry = await startScopeRegistry(ctx.tarballs)
    ctx.project = join(ctx.tmp, 'project')
    mkdirSync(ctx.project)
    writeFileSync(join(ctx.project, 'package.json'), `${JSON.stringify({ name: 'heap-packaging-test', private: true, type: 'module' }, null, 2)}\n`)
    cpSync(join(HERE, 'checks'), join(ctx.project, 'checks'), { recursive: true })
    cpSync(join(HERE, 'browser'), join(ctx.project, 'browser'), { recursive: true })
    const npmArgs = ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--prefer-online', `--${SCOPE}:registry=${ctx.registry.url}`, ...ctx.tarballs.map((t) => t.file)]
    log(`  $ npm install ${ctx.tarballs.map((t) => `tarballs/${t.file.split('/').pop()}`).join(' ')}`)
    const r = await runOk('npm', npmArgs, { cwd: ctx.project, env: cleanEnv() })
    log(indent(lastLines(r.stdout + r.stderr, 6), '  '))
    // Every @heap package in the tree is one of ours, at the packed version, installed as files (no symlinks).
    const lock = JSON.parse(readFileSync(join(ctx.project, 'package-lock.json'), 'utf8'))
    for (const [path, entry] of Object.entries(lock.packages)) {
      const name = path.replace(/^.*node_modules\//, '')
      if (!name.startsWith(`${SCOPE}/`)) continue
      const t = ctx.tarballs.find((x) => x.name === name)
      if (!t) throw new Error(`${path}: not a package under test`)
      if (entry.version !== t.version || entry.link) throw new Error(`${path}: ${entry.link ? 'a link' : entry.version}, expected ${t.version} from the tarball`)
      if (!(entry.resolved ?? '').startsWith('file:') && !(entry.resolved ?? '').startsWith(ctx.registry.url)) throw new Error(`${path}: resolved from ${entry.resolved}`)
      if (!existsSync(join(ctx.project, path, 'package.json')) || lstatSync(join(ctx.project, path)).isSymbolicLink()) throw new Error(`${path}: missing`)
    }
    const installed = readdirSync(join(ctx.project, 'node_modules', SCOPE)).map((n) => `${SCOPE}/${n}`)
    log(`  installed: ${installed.join(', ')} (+ ${Object.keys(lock.packages).length - 1 - installed.length} third-party packages)`)
  }, { needs: ['pack'] })

  /** `node ARGS` in the project, with the network off when possible. */
  const runNode = (argv) => run(ctx.offline[0] ?? process.execPath, [...ctx.offline.slice(1), ...(ctx.offline.length ? [process.execPath] : []), ...argv], {
    cwd: ctx.project,
    env: cleanEnv({ HEAP_MONOREPO: ROOT }),
    timeoutMs: 120_000,
  })
  const offlineNote = ctx.offline.length ? `network off: ${ctx.offline.join(' ')}` : 'network NOT isolated: unshare unavailable'
  // One check per published package: tools/packaging/checks/<name without scope>.mjs.
  for (const name of packages.map((p) => p.name.slice(SCOPE.length + 1))) {
    await step(`node: @heap/${name}`, async () => {
      if (!existsSync(join(HERE, 'checks', `${name}.mjs`))) throw new Error(`no tools/packaging/checks/${name}.mjs for this package`)
      const r = await runNode([`checks/${name}.mjs`])
      log(indent((r.stdout + r.stderr).trim(), '  '))
      if (r.code !== 0) throw new Error(`checks/${name}.mjs exited ${r.code} (${offlineNote})`)
      // The README's example, as published in the tarball, prints what the README says it prints.
      const example = readmeExample(readFileSync(join(ctx.project, 'node_modules', SCOPE, name, 'README.md'), 'utf8'))
      if (!example) return
      const file = `readme-${name}.mjs`
      writeFileSync(join(ctx.project, file), example.code)
      const e = await runNode([file])
      if (e.code !== 0 || e.stdout.trimEnd() !== example.expected.trimEnd()) {
        throw new Error(`the README example (${file}) ${e.code !== 0 ? `exited ${e.code}` : 'printed something else'}:\n${indent((e.stdout + e.stderr).trimEnd() || '(nothing)')}\n  expected:\n${indent(example.expected.trimEnd())}`)
      }
      log(`  ok - the README example prints what the README shows (${example.expected.trimEnd().split('\n').length} lines)`)
    }, { needs: ['npm install the tarballs into a fresh project'] })
  }

  await step('types: a consumer type-checks against the installed .d.ts (nodenext)', async () => {
    writeFileSync(join(ctx.project, 'tsconfig.json'), `${JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [], strict: true, noEmit: true, skipLibCheck: false },
      files: ['checks/consumer.ts'],
    }, null, 2)}\n`)
    const tsc = join(requireFromRoot.resolve('typescript/package.json'), '../bin/tsc')
    const r = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: ctx.project, env: cleanEnv() })
    if (r.code !== 0) throw new Error(`tsc:\n${indent((r.stdout + r.stderr).trim())}`)
    const version = (await run(process.execPath, [tsc, '--version'])).stdout.trim()
    log(`  ok   checks/consumer.ts type-checks (${version}, strict, skipLibCheck false)`)
  }, { needs: ['npm install the tarballs into a fresh project'] })

  await step('browser: @heap/python-lite bundled by esbuild, run in headless chromium', async () => {
    if (SKIP_BROWSER) {
      log('  skipped (--skip-browser)')
      return 'skip'
    }
    const { bundle, runPage } = await import('./browser.mjs')
    const b = await bundle(ctx.project)
    log(`  bundle: browser/bundle.js ${formatBytes(b.size)} minified, ${formatBytes(b.gzipSize)} gzipped`)
    if (b.warnings.length) throw new Error(`esbuild warnings:\n${indent(b.warnings.join('\n'))}`)
    const page = await runPage(ctx.project)
    log(`  ${page.userAgent}`)
    const problems = [...page.errors]
    for (const p of PROGRAMS) {
      const shown = page.texts.find((t) => t.filename === p.filename)
      const res = page.results.find((x) => x.filename === p.filename)
      log(`  ${p.filename}: page shows ${JSON.stringify(shown?.text ?? null)}`)
      if (res?.error) problems.push(`${p.filename}: ${res.error}`)
      else if (!shown || shown.text.replace(/\n+$/, '') !== p.stdout.replace(/\n+$/, '')) problems.push(`${p.filename}: expected ${JSON.stringify(p.stdout)}`)
      else if (res && res.exitCode !== 0) problems.push(`${p.filename}: exit code ${res.exitCode}`)
    }
    if (problems.length) throw new Error(problems.join('\n'))
  }, { needs: ['npm install the tarballs into a fresh project'] })

  await step('CLI: npm i -g from the tarball, then heap --version and heap run outside the monorepo', async () => {
    const prefix = join(ctx.tmp, 'global')
    const work = join(ctx.tmp, 'work')
    const home = join(ctx.tmp, 'home')
    for (const d of [prefix, work, home]) mkdirSync(d)
    const cli = ctx.tarballs.find((t) => t.manifest.bin)
    if (!cli) throw new Error('no package with a "bin"')
    const cliFile = cli.file.split('/').pop()
    cpSync(cli.file, join(work, cliFile))
    const env = cleanEnv({ HOME: home, PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin` })
    log(`  $ npm install -g ${cliFile}        # prefix ${prefix}, @heap/* dependencies from the packed tarballs`)
    const inst = await runOk('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--no-update-notifier', '--prefer-online', `--${SCOPE}:registry=${ctx.registry.url}`, `./${cliFile}`], { cwd: work, env })
    log(indent(lastLines(inst.stdout + inst.stderr, 4), '  '))
    const globalDir = join(prefix, 'lib', 'node_modules')
    const du = await run('du', ['-sh', globalDir])
    log(`  installed size: ${du.stdout.split('\t')[0] || '?'} (${globalDir})`)
    for (const p of PROGRAMS) writeFileSync(join(work, p.filename), p.source)
    const problems = []
    const heap = async (argv, expected) => {
      const r = await run(ctx.offline[0] ?? 'heap', [...ctx.offline.slice(1), ...(ctx.offline.length ? ['heap'] : []), ...argv], { cwd: work, env, timeoutMs: 120_000 })
      log(`  $ heap ${argv.join(' ')}`)
      if (r.stdout) log(indent(r.stdout.replace(/\n$/, ''), '  '))
      if (r.stderr) log(indent(r.stderr.replace(/\n$/, ''), '  ! '))
      log(`  [exit ${r.code}]`)
      if (r.code !== 0) problems.push(`heap ${argv.join(' ')}: exit ${r.code}`)
      else if (r.stdout !== expected) problems.push(`heap ${argv.join(' ')}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(r.stdout)}`)
    }
    log(`  (cwd ${work}, no package.json or node_modules around; ${offlineNote})`)
    await heap(['--version'], `${cli.version}\n`)
    for (const p of PROGRAMS) {
      log(`  $ cat ${p.filename}`)
      log(indent(p.source.replace(/\n$/, ''), '  '))
      await heap(['run', p.filename], p.stdout)
    }
    if (problems.length) throw new Error(problems.join('\n'))
  }, { needs: ['npm install the tarballs into a fresh project'] })
}

/** `^x.y.z` / `~x.y.z` / `x.y.z` acceptance, enough for workspace ranges after `pnpm pack`. */
function rangeAccepts(range, version) {
  const m = /^([\^~]?)(\d+)\.(\d+)\.(\d+)$/.exec(range)
  const v = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  if (!m || !v) return range === version || range === '*'
  const [a, b, c] = m.slice(2).map(Number)
  const [x, y, z] = v.slice(1).map(Number)
  const cmp = x - a || y - b || z - c
  if (m[1] === '') return cmp === 0
  if (cmp < 0) return false
  if (m[1] === '~') return x === a && y === b
  return a > 0 ? x === a : b > 0 ? x === 0 && y === b : x === 0 && y === 0 && z === c
}

/** The first ```js block of a README and the ```text block after it (what it prints). */
function readmeExample(markdown) {
  const m = /```js\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/.exec(markdown)
  return m ? { code: m[1], expected: m[2] } : null
}

function lastLines(text, n) {
  return text.trim().split('\n').filter((l) => !/Unknown user config/.test(l)).slice(-n).join('\n')
}

try {
  await main()
} catch (e) {
  log(`\npackaging test crashed: ${e instanceof Error ? e.stack : e}`)
  results.push({ name: 'packaging test', status: 'FAIL', ms: 0 })
} finally {
  await ctx.registry?.close()
  if (ctx.tmp) {
    if (KEEP) log(`\n(kept ${ctx.tmp})`)
    else rmSync(ctx.tmp, { recursive: true, force: true })
  }
}

log('\n=== packaging summary ===')
for (const r of results) log(`${r.status.padEnd(7)} ${r.name}${r.ms ? ` (${(r.ms / 1000).toFixed(1)}s)` : ''}`)
const passed = results.filter((r) => r.status === 'ok').length
const failed = results.filter((r) => r.status === 'FAIL').length
const skipped = results.filter((r) => r.status === 'skipped').length
log(`packaging: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
// A step skipped because an earlier one failed is a failure; --skip-browser alone is not.
process.exitCode = failed > 0 || results.some((r) => r.status === 'skipped' && !(SKIP_BROWSER && r.name.startsWith('browser'))) ? 1 : 0
