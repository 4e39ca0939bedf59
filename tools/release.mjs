#!/usr/bin/env node
// `pnpm release`: build, test, check the tarballs, publish with changesets.
//
//   pnpm release --dry-run                everything except publishing (`pnpm -r publish --dry-run`)
//   pnpm release --dry-run --skip-tests   only build, pack-and-install checks and the publish dry run
//   pnpm release                          the real thing: refuses unless the tree is clean, the changesets are
//                                         versioned, npm is logged in and no placeholder URL is left
//
// The flow (docs/releases.md): changesets accumulate in .changeset/; `pnpm changeset version` bumps the five
// packages together (one fixed group) and writes their CHANGELOG.md files; that commit is reviewed and merged;
// then `pnpm release` publishes the new versions and tags them.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, publishablePackages } from './packaging/lib.mjs'

const args = new Set(process.argv.slice(2))
const DRY = args.has('--dry-run')
const SKIP_TESTS = args.has('--skip-tests')
for (const a of args) {
  if (!['--dry-run', '--skip-tests'].includes(a)) fail(`unknown option ${a} (use --dry-run, --skip-tests)`)
}
if (SKIP_TESTS && !DRY) fail('--skip-tests is only for --dry-run')

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' }
const done = []

function fail(message) {
  console.error(`\nrelease: ${message}`)
  process.exit(1)
}

function sh(cmd, argv, { allowFail = false, quiet = false } = {}) {
  if (!quiet) console.log(`$ ${cmd} ${argv.join(' ')}`)
  const r = spawnSync(cmd, argv, { cwd: ROOT, env, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' })
  if (r.status !== 0 && !allowFail) fail(`\`${cmd} ${argv.join(' ')}\` exited ${r.status}`)
  return r
}

function stepDone(name) {
  done.push(name)
  console.log(`\nrelease: ✓ ${name}\n`)
}

const packages = publishablePackages()
const pending = readdirSync(join(ROOT, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')
console.log(`release${DRY ? ' (dry run: nothing is published)' : ''}: ${packages.map((p) => `${p.name}@${p.version}`).join(', ')}\n`)

// 1. Preconditions.
sh('pnpm', ['changeset', 'status', '--verbose'], { allowFail: true })
if (pending.length) {
  const msg = `${pending.length} changeset(s) not versioned yet (${pending.join(', ')}): run \`pnpm changeset version\`, review and commit the versions and CHANGELOGs first`
  if (!DRY) fail(msg)
  console.log(`\nnote: ${msg}. The dry run continues with the current versions.\n`)
}
if (!DRY) {
  const status = sh('git', ['status', '--porcelain'], { quiet: true })
  if (status.stdout.trim()) fail('the working tree is not clean: commit first')
  const placeholders = packages.filter((p) => ['package.json', 'README.md'].some((f) => readFileSync(join(p.dir, f), 'utf8').includes('example.invalid')))
  if (placeholders.length) fail(`placeholder URLs (example.invalid) in ${placeholders.map((p) => p.rel).join(', ')}: set the real repository and docs URLs`)
  const whoami = sh('npm', ['whoami'], { allowFail: true, quiet: true })
  if (whoami.status !== 0) fail('not logged in to npm (`npm whoami` failed): publishing happens from the release machine only')
}
stepDone('preconditions')

// 2. Build.
sh('pnpm', ['build'])
stepDone('build')

// 3. Test.
if (SKIP_TESTS) console.log('release: tests skipped (--skip-tests)\n')
else {
  sh('pnpm', ['typecheck'])
  sh('pnpm', ['lint'])
  sh('pnpm', ['test'])
  stepDone('typecheck, lint, test')
}

// 4. The tarballs: publint, attw, install from the tarballs and run.
sh(process.execPath, [join(ROOT, 'tools/packaging/test.mjs')])
stepDone('packaging test')

// 5. Publish.
if (DRY) {
  sh('pnpm', ['-r', 'publish', '--dry-run', '--no-git-checks'])
  // changeset publish skips versions the registry already has.
  for (const p of packages) {
    const r = sh('npm', ['view', `${p.name}@${p.version}`, 'version'], { allowFail: true, quiet: true })
    const state = r.status === 0 && r.stdout.trim() ? 'already on the registry: changeset publish would skip it' : 'not on the registry: changeset publish would publish it'
    console.log(`  ${p.name}@${p.version}: ${state}`)
  }
  stepDone('publish (dry run)')
} else {
  sh('pnpm', ['changeset', 'publish'])
  stepDone('publish')
  console.log('release: now push the tags: git push --follow-tags')
}
console.log(`release${DRY ? ' (dry run)' : ''}: done — ${done.join(', ')}`)
