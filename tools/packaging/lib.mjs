// Shared helpers for the packaging checks: which packages are published, packing them with pnpm, reading
// tarballs, a throwaway npm registry for the @heap scope, and running commands.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const SCOPE = '@heap'

/** The workspace's publishable packages (not `private`), in dependency order. */
export function publishablePackages() {
  const found = []
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(ROOT, group)).sort()) {
      const dir = join(ROOT, group, name)
      const file = join(dir, 'package.json')
      if (!existsSync(file)) continue
      const manifest = JSON.parse(readFileSync(file, 'utf8'))
      if (manifest.private) continue
      found.push({ name: manifest.name, version: manifest.version, dir, rel: `${group}/${name}`, manifest })
    }
  }
  // Dependencies first, so that a failure names the lowest package.
  const byName = new Map(found.map((p) => [p.name, p]))
  const ordered = []
  const visit = (p, stack = []) => {
    if (ordered.includes(p)) return
    if (stack.includes(p)) throw new Error(`dependency cycle: ${[...stack, p].map((x) => x.name).join(' -> ')}`)
    for (const dep of Object.keys(p.manifest.dependencies ?? {})) if (byName.has(dep)) visit(byName.get(dep), [...stack, p])
    ordered.push(p)
  }
  for (const p of found) visit(p)
  return ordered
}

/** The fixed version group of .changeset/config.json that holds the published packages. */
export function fixedGroup() {
  const config = JSON.parse(readFileSync(join(ROOT, '.changeset/config.json'), 'utf8'))
  return (config.fixed ?? []).find((g) => g.some((n) => n.startsWith(`${SCOPE}/`))) ?? []
}

/**
 * Runs a command; resolves with { code, stdout, stderr }. Output is captured (and echoed when `echo` is set).
 * `input` is written to stdin. Never rejects for a non-zero exit: callers decide.
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, echo = false, input, timeoutMs = 600_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (d) => {
      stdout += d
      if (echo) process.stdout.write(d)
    })
    child.stderr.on('data', (d) => {
      stderr += d
      if (echo) process.stderr.write(d)
    })
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolvePromise({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr })
    })
    if (input !== undefined) child.stdin.end(input)
    else child.stdin.end()
  })
}

/** Like `run`, but throws with the command's output when it exits non-zero. */
export async function runOk(cmd, args, opts = {}) {
  const r = await run(cmd, args, opts)
  if (r.code !== 0) {
    const out = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-40).join('\n')
    throw new Error(`\`${cmd} ${args.join(' ')}\` exited ${r.code}${out ? `:\n${indent(out)}` : ''}`)
  }
  return r
}

export function indent(text, by = '    ') {
  return text.replace(/^/gm, by)
}

/** The files a package's `exports`, `main`, `types` and `bin` point at (to say "run pnpm build" early). */
export function entryFiles(manifest) {
  const files = new Set()
  const walk = (v) => {
    if (typeof v === 'string') files.add(v.replace(/^\.\//, ''))
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(manifest.exports)
  walk(manifest.main)
  walk(manifest.types)
  walk(manifest.bin)
  files.delete('package.json')
  return [...files].filter((f) => !f.includes('*'))
}

/** Packs one package with `pnpm pack` (which rewrites `workspace:` ranges) into `dest`; returns tarball facts. */
export async function pack(pkg, dest) {
  const missing = entryFiles(pkg.manifest).filter((f) => !existsSync(join(pkg.dir, f)))
  if (missing.length) throw new Error(`${pkg.name}: ${missing.join(', ')} missing — run \`pnpm build\` first`)
  const r = await runOk('pnpm', ['pack', '--json', '--pack-destination', dest], { cwd: pkg.dir })
  const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')))
  return describeTarball(json.filename)
}

/** Reads a .tgz: its manifest, file list, sizes and the hashes a registry announces. */
export function describeTarball(file) {
  const bytes = readFileSync(file)
  const entries = readTar(gunzipSync(bytes))
  const manifestEntry = entries.find((e) => e.path === 'package/package.json')
  if (!manifestEntry) throw new Error(`${file}: no package/package.json`)
  const manifest = JSON.parse(manifestEntry.data.toString('utf8'))
  return {
    file,
    name: manifest.name,
    version: manifest.version,
    manifest,
    packedSize: bytes.length,
    unpackedSize: entries.reduce((n, e) => n + e.size, 0),
    files: entries.map((e) => ({ path: e.path.replace(/^package\//, ''), size: e.size })),
    integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    shasum: createHash('sha1').update(bytes).digest('hex'),
  }
}

/** A minimal ustar reader (regular files only; pax headers are applied for long names). */
export function readTar(buf) {
  const entries = []
  let offset = 0
  let paxPath = null
  while (offset + 512 <= buf.length) {
    const header = buf.subarray(offset, offset + 512)
    if (header.every((b) => b === 0)) break
    const str = (start, len) => header.subarray(start, start + len).toString('utf8').replace(/\0.*$/s, '')
    const size = parseInt(str(124, 12).trim() || '0', 8)
    const type = String.fromCharCode(header[156] || 48)
    const prefix = str(345, 155)
    let path = prefix ? `${prefix}/${str(0, 100)}` : str(0, 100)
    const data = buf.subarray(offset + 512, offset + 512 + size)
    offset += 512 + Math.ceil(size / 512) * 512
    if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))
      paxPath = m ? m[1] : null
      continue
    }
    if (type === 'g') continue
    if (paxPath) {
      path = paxPath
      paxPath = null
    }
    if (type === '0' || type === '\0') entries.push({ path, size, data })
  }
  return entries
}

/**
 * An npm registry for the @heap scope only, on 127.0.0.1, serving the packed tarballs: what the public registry
 * will serve after `changeset publish`. npm is pointed at it with `--@heap:registry=<url>`, so every @heap/*
 * dependency resolves to a tarball under test and everything else comes from the usual registry.
 */
export async function startScopeRegistry(tarballs) {
  const byName = new Map(tarballs.map((t) => [t.name, t]))
  const served = []
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0])
    served.push(path)
    const tarball = /^\/-\/tarballs\/(.+\.tgz)$/.exec(path)
    if (tarball) {
      const t = tarballs.find((x) => x.file.endsWith(`/${tarball[1]}`))
      if (t) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' })
        res.end(readFileSync(t.file))
        return
      }
    }
    const t = byName.get(path.slice(1))
    if (t) {
      const { port } = server.address()
      const base = `http://127.0.0.1:${port}`
      const fileName = t.file.slice(t.file.lastIndexOf('/') + 1)
      const version = {
        ...t.manifest,
        _id: `${t.name}@${t.version}`,
        dist: { tarball: `${base}/-/tarballs/${fileName}`, integrity: t.integrity, shasum: t.shasum },
      }
      const packument = { _id: t.name, name: t.name, 'dist-tags': { latest: t.version }, versions: { [t.version]: version } }
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(packument))
      return
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: 'Not found' }))
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    close: () => new Promise((r) => server.close(() => r())),
  }
}

export function formatBytes(n) {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`
  return `${(n / 1024 / 1024).toFixed(2)} MB`
}

/** A small table: rows of strings, first row the header. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  return rows
    .map((r, ri) => {
      const line = r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')
      return ri === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line
    })
    .join('\n')
}
