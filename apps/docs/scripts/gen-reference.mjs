#!/usr/bin/env node
// Generates the reference pages before the site is built:
//  - reference/generated/api-<package>.md: every export of each published package's entry point, read from its
//    built `.d.ts` with the TypeScript compiler's checker (signature, doc comment, @cpython tags);
//  - reference/generated/versions-table.md: every profile field whose value differs between the shipped profiles,
//    with the field's own doc comment (from the `CPythonProfile` interface) and the explanation in
//    scripts/profile-notes.mjs. A differing field that has neither fails the build.
// Usage: node scripts/gen-reference.mjs
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { PROFILES } from '@heap/core'
import { FIELD_NOTES, noteFor } from './profile-notes.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const docsRoot = join(here, '..')
const repoRoot = join(docsRoot, '..', '..')
const outDir = join(docsRoot, 'reference', 'generated')
const apiDir = join(docsRoot, 'reference', 'api')
mkdirSync(outDir, { recursive: true })
mkdirSync(apiDir, { recursive: true })

const QUICK_START = `## Running a program and looking inside

What this site's examples do, in a few lines (in the browser they run in a Web Worker):

\`\`\`ts
import { runSource, snapshotToDot } from '@heap/python-lite'

const r = runSource(source, {
  filename: 'example.py',
  profile: '3.12',                       // any id of PROFILES
  maxSteps: 5_000_000, timeoutMs: 8_000, // a budget: exit status 124 when it runs out
  observe: { trace: true, snapshots: 'both', gcSteps: true },
})
r.stdout; r.stderr; r.exitCode           // what CPython 3.12 would print
r.events                                 // the timeline: alloc, incref, decref, dealloc, gc phases …
r.snapshots?.map((s) => snapshotToDot(s)) // Graphviz pictures of the heap (breakpoint() calls and exit)
r.gcSteps                                // the first gc.collect(), phase by phase, with gc_refs and the lists
\`\`\``

const API_INTRO =
  'Every export of the published packages, generated at build time from their type declarations (`dist/index.d.ts`) ' +
  'with the TypeScript compiler. Functions that mirror a CPython function name it (`@cpython`). The `/internal` and ' +
  '`/testing` entry points are for the packages themselves and are not listed.'

/** The published packages whose public entry point is documented. */
export const API_PACKAGES = [
  { name: '@heap/core', dir: 'packages/core', slug: 'core' },
  { name: '@heap/gc', dir: 'packages/gc', slug: 'gc' },
  { name: '@heap/unsafe', dir: 'packages/unsafe', slug: 'unsafe' },
  { name: '@heap/python-lite', dir: 'packages/python-lite', slug: 'python-lite' },
]

// --- API ---------------------------------------------------------------------------------------------------------

function docText(parts) {
  return ts.displayPartsToString(parts ?? []).trim()
}

function tagText(tag) {
  return typeof tag.text === 'string' ? tag.text : docText(tag.text)
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed })

/** A declaration's text without bodies or comments (members of classes and interfaces kept). */
function declarationText(decl) {
  const sf = decl.getSourceFile()
  let text = printer.printNode(ts.EmitHint.Unspecified, decl, sf)
  text = text.replace(/^export /, '').replace(/^declare /, '')
  return text
}

function kindOf(decl) {
  if (ts.isFunctionDeclaration(decl)) return 'function'
  if (ts.isClassDeclaration(decl)) return 'class'
  if (ts.isInterfaceDeclaration(decl)) return 'interface'
  if (ts.isTypeAliasDeclaration(decl)) return 'type'
  if (ts.isEnumDeclaration(decl)) return 'enum'
  if (ts.isVariableDeclaration(decl)) return 'const'
  if (ts.isModuleDeclaration(decl)) return 'namespace'
  return 'export'
}

function escapeMd(s) {
  // Vue would read `{{ }}` (even inside inline code) as an interpolation: such code spans become v-pre elements.
  return s
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`([^`]*(?:\{\{|\}\})[^`]*)`/g, (_m, code) => `<code v-pre>${code}</code>`)
}

function cpythonLinks(tags) {
  return tags.filter((t) => t.name === 'cpython').map((t) => '`' + tagText(t) + '`')
}

export function collectApi(pkg) {
  const entry = join(repoRoot, pkg.dir, 'dist', 'index.d.ts')
  if (!existsSync(entry)) throw new Error(`gen-reference: ${entry} is missing — build the packages first (pnpm turbo run build --filter='!@heap/docs')`)
  const program = ts.createProgram([entry], { noEmit: true, skipLibCheck: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 })
  const checker = program.getTypeChecker()
  const sf = program.getSourceFile(entry)
  const mod = checker.getSymbolAtLocation(sf)
  const items = []
  for (const exp of checker.getExportsOfModule(mod)) {
    let sym = exp
    if (sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym)
    const decls = (sym.declarations ?? []).filter((d) => !ts.isSourceFile(d))
    if (decls.length === 0) continue
    const decl = decls[0]
    const node = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl
    const doc = docText(sym.getDocumentationComment(checker))
    const tags = sym.getJsDocTags(checker)
    if (tags.some((t) => t.name === 'internal')) continue
    const signature = ts.isVariableDeclaration(decl)
      ? `const ${exp.name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(sym, decl), undefined, ts.TypeFormatFlags.NoTruncation)}`
      : decls.map((d) => declarationText(d)).join('\n')
    void node
    items.push({ name: exp.name, kind: kindOf(decl), doc, cpython: cpythonLinks(tags), signature })
  }
  items.sort((a, b) => a.name.localeCompare(b.name))
  return items
}

const KIND_ORDER = ['function', 'class', 'const', 'interface', 'type', 'enum', 'namespace', 'export']
const KIND_TITLES = { function: 'Functions', class: 'Classes', const: 'Constants', interface: 'Interfaces', type: 'Types', enum: 'Enums', namespace: 'Namespaces', export: 'Other exports' }

function readme(pkg) {
  const p = join(repoRoot, pkg.dir, 'package.json')
  return JSON.parse(readFileSync(p, 'utf8')).description ?? ''
}

function apiPage(pkg, items) {
  const out = []
  out.push(`# ${pkg.name}`, '', readme(pkg), '')
  out.push(`Generated from \`${pkg.dir}/dist/index.d.ts\`: ${items.length} exports. Import them by name: \`import { … } from '${pkg.name}'\`.`, '')
  for (const kind of KIND_ORDER) {
    const group = items.filter((i) => i.kind === kind)
    if (group.length === 0) continue
    out.push(`## ${KIND_TITLES[kind]}`, '')
    for (const it of group) {
      out.push(`### ${it.name} {#${it.name}}`, '')
      out.push('```ts', it.signature.length > 4000 ? it.signature.slice(0, 4000) + '\n// …' : it.signature, '```', '')
      if (it.doc) out.push(escapeMd(it.doc), '')
      if (it.cpython.length > 0) out.push(`CPython: ${it.cpython.join(', ')}`, '')
    }
  }
  return out.join('\n')
}

// --- versions ----------------------------------------------------------------------------------------------------

/** Doc comments of the profile interface's fields, by dotted path ('gc.thresholds'). */
export function profileFieldDocs() {
  const entry = join(repoRoot, 'packages/core/dist/index.d.ts')
  const program = ts.createProgram([entry], { noEmit: true, skipLibCheck: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 })
  const checker = program.getTypeChecker()
  const mod = checker.getSymbolAtLocation(program.getSourceFile(entry))
  let profileSym = checker.getExportsOfModule(mod).find((s) => s.name === 'CPythonProfile')
  if (profileSym.flags & ts.SymbolFlags.Alias) profileSym = checker.getAliasedSymbol(profileSym)
  const docs = new Map()
  const decl = profileSym.declarations[0]
  const walk = (type, prefix, depth) => {
    for (const prop of checker.getPropertiesOfType(type)) {
      const path = prefix ? `${prefix}.${prop.name}` : prop.name
      const d = docText(prop.getDocumentationComment(checker)).replace(/\s*\n\s*/g, ' ')
      if (d) docs.set(path, d)
      const pt = checker.getTypeOfSymbolAtLocation(prop, decl)
      if (depth < 4 && pt.flags & ts.TypeFlags.Object && !checker.isArrayType(pt) && !checker.isTupleType(pt) && checker.getPropertiesOfType(pt).length > 0 && !checker.getIndexInfosOfType(pt).length) walk(pt, path, depth + 1)
    }
  }
  walk(checker.getDeclaredTypeOfSymbol(profileSym), '', 0)
  return docs
}

function isPlain(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Leaf values of a profile by dotted path; records (messages, evidence, tables) stay grouped. */
function leaves(obj, prefix, out, grouped) {
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k
    if (isPlain(v) && !grouped.some((g) => path === g)) leaves(v, path, out, grouped)
    else out.set(path, v)
  }
  return out
}

/** Fields that are tables of their own: compared key by key but shown as one row each. */
const GROUPED = ['messages', 'evidence', 'objects.exceptions.fields', 'objects.exceptions.keywords', 'gc.debugFlags']
/** Fields that describe the profile rather than the behaviour, and the measured start-up image (hundreds of counts). */
const SKIPPED = new Set(['id', 'summary', 'evidence', 'startupImage'])

function show(v) {
  if (v === null) return '—'
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 100000 ? v.toLocaleString('en-US').replace(/,/g, '\u2009') : String(v)
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

function cell(v, path = '') {
  const text = path === 'cpython.hexversion' ? '0x' + v.toString(16).padStart(8, '0') : show(v)
  return '`' + text.replace(/\n/g, '⏎').replace(/\|/g, '\\|').replace(/`/g, "'") + '`'
}

export function profileDifferences() {
  const docs = profileFieldDocs()
  const flat = PROFILES.map((p) => leaves(p, '', new Map(), GROUPED))
  const paths = [...new Set(flat.flatMap((m) => [...m.keys()]))]
  const rows = []
  const missing = []
  for (const path of paths) {
    if (SKIPPED.has(path.split('.')[0]) || SKIPPED.has(path)) continue
    const values = flat.map((m) => m.get(path))
    const keys = values.map((v) => JSON.stringify(v))
    if (keys.every((k) => k === keys[0])) continue
    const table = GROUPED.includes(path)
    const own = FIELD_NOTES[path]
    const note = noteFor(path)
    const doc = docs.get(path)
    if (note === undefined && doc === undefined) missing.push(path)
    const group = own === undefined && note !== undefined ? Object.keys(FIELD_NOTES).find((k) => k.endsWith('.*') && path.startsWith(k.slice(0, -1))).slice(0, -2) : null
    rows.push({ path, values, table, note: note ?? '', doc: doc ?? '', group })
  }
  return { rows, missing }
}

/** For grouped tables: which keys differ, with each profile's value. */
function tableDiff(values) {
  const keys = [...new Set(values.flatMap((v) => (isPlain(v) ? Object.keys(v) : [])))].sort()
  const out = []
  for (const k of keys) {
    const vs = values.map((v) => (isPlain(v) ? v[k] : undefined))
    const ks = vs.map((x) => JSON.stringify(x ?? null))
    if (ks.every((x) => x === ks[0])) continue
    out.push({ key: k, values: vs })
  }
  return out
}

const SECTIONS = [
  ['cpython', 'The release'],
  ['pointerSize', 'The build'],
  ['objects', 'Objects'],
  ['memory', 'Memory'],
  ['eval', 'The evaluation loop'],
  ['gc', 'The cycle collector'],
  ['output', 'Output and tracebacks'],
  ['unsafe', 'Unsafe operations (ctypes)'],
  ['messages', 'Messages'],
]

function versionsTable() {
  const { rows, missing } = profileDifferences()
  if (missing.length > 0) {
    throw new Error(`gen-reference: these profile fields differ between versions but have no explanation (add a doc comment in packages/core/src/profiles/types.ts or an entry in scripts/profile-notes.mjs):\n  ${missing.join('\n  ')}`)
  }
  const heads = PROFILES.map((p) => p.id)
  const out = [`<!-- generated by scripts/gen-reference.mjs from the profiles of @heap/core; do not edit -->`, '']
  out.push('| Profile | Follows | In one line |', '|---|---|---|')
  for (const p of PROFILES) out.push(`| \`${p.id}\` | CPython ${p.cpython.version} | ${escapeMd(p.summary).replace(/\|/g, '\\|').replace(/_/g, '\\_')} |`)
  out.push('', `${rows.length} fields differ between the ${PROFILES.length} profiles (${heads.join(', ')}); fields that are the same everywhere are not listed.`, '')
  for (const [prefix, title] of SECTIONS) {
    const group = rows.filter((r) => r.path === prefix || r.path.startsWith(prefix + '.'))
    if (group.length === 0) continue
    out.push(`## ${title}`, '')
    const done = new Set()
    for (const r of group) {
      if (r.group !== null) {
        if (done.has(r.group)) continue
        done.add(r.group)
        const members = group.filter((x) => x.group === r.group)
        out.push(`### \`${r.group}\``, '', r.note, '')
        out.push(`| field | ${heads.join(' | ')} |`, `|---|${heads.map(() => '---').join('|')}|`)
        for (const m of members) {
          const name = m.path.slice(r.group.length + 1)
          const d = m.doc ? ` <span class="field-doc">${escapeMd(m.doc).replace(/\|/g, '\\|')}</span>` : ''
          out.push(`| \`${name}\`${d} | ${m.values.map((v) => (v === undefined ? '(none)' : cell(v))).join(' | ')} |`)
        }
        out.push('')
        continue
      }
      const expl = [r.note, r.doc && r.doc !== r.note ? `<span class="field-doc">${escapeMd(r.doc)}</span>` : ''].filter(Boolean).join(' ')
      out.push(`### \`${r.path}\``, '')
      if (expl) out.push(expl, '')
      if (r.table) {
        const diffs = tableDiff(r.values)
        out.push(`| key | ${heads.join(' | ')} |`, `|---|${heads.map(() => '---').join('|')}|`)
        for (const d of diffs.slice(0, 60)) out.push(`| \`${d.key}\` | ${d.values.map((v) => (v === undefined ? '(none)' : cell(v))).join(' | ')} |`)
        if (diffs.length > 60) out.push('', `…and ${diffs.length - 60} more keys.`)
      } else {
        out.push(`| ${heads.join(' | ')} |`, `|${heads.map(() => '---').join('|')}|`)
        out.push(`| ${r.values.map((v) => (v === undefined ? '(none)' : cell(v, r.path))).join(' | ')} |`)
      }
      out.push('')
    }
  }
  return { text: out.join('\n'), count: rows.length }
}

// --- main --------------------------------------------------------------------------------------------------------

/** The profile list the site's components read (also needed to type-check them). */
function writeProfiles() {
  const genDir = join(docsRoot, '.vitepress', 'generated')
  mkdirSync(genDir, { recursive: true })
  const profiles = PROFILES.map((p) => ({ id: p.id, version: p.cpython.version, summary: p.summary }))
  writeFileSync(join(genDir, 'profiles.json'), JSON.stringify(profiles, null, 2) + '\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--profiles-only')) writeProfiles()
else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeProfiles()
  const index = ['<!-- generated by scripts/gen-reference.mjs; do not edit -->', '', '# Package API', '', API_INTRO, '', '| Package | What it is | Exports |', '|---|---|---|']
  for (const pkg of API_PACKAGES) {
    const items = collectApi(pkg)
    writeFileSync(join(apiDir, `${pkg.slug}.md`), apiPage(pkg, items))
    index.push(`| [${pkg.name}](./${pkg.slug}) | ${readme(pkg)} | ${items.length} |`)
    console.log(`gen-reference: ${pkg.name}: ${items.length} exports`)
  }
  index.push('', QUICK_START)
  writeFileSync(join(apiDir, 'index.md'), index.join('\n') + '\n')
  const v = versionsTable()
  writeFileSync(join(outDir, 'versions-table.md'), v.text)
  console.log(`gen-reference: versions: ${v.count} differing fields`)
}
