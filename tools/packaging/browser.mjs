/* global document, navigator */
// The browser step of the packaging test: bundle the installed @heap/python-lite for the browser with esbuild,
// serve the page on 127.0.0.1 with node:http, load it in headless Debian chromium through playwright-core, and
// read what the page printed.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' }

export function findChromium() {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate
  }
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

/** Bundles browser/entry.js of `projectDir` into browser/bundle.js; returns sizes and esbuild's warnings. */
export async function bundle(projectDir) {
  const dir = join(projectDir, 'browser')
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: [join(dir, 'entry.js')],
    outfile: join(dir, 'bundle.js'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'silent',
    // Resolve from the temporary project only.
    nodePaths: [],
  })
  const code = readFileSync(join(dir, 'bundle.js'))
  return {
    warnings: result.warnings.map((w) => `${w.location ? `${w.location.file}:${w.location.line}: ` : ''}${w.text}`),
    size: statSync(join(dir, 'bundle.js')).size,
    gzipSize: gzipSync(code).length,
  }
}

function serve(root) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '')
    const file = join(root, path === '/' ? 'index.html' : path)
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    res.end(readFileSync(file))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/**
 * Runs the page and returns { results, texts, errors }: the runSource results the page recorded, the text of
 * each program's output block as shown, and console errors / uncaught exceptions.
 */
export async function runPage(projectDir, { timeoutMs = 60_000 } = {}) {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('chromium not found (apt-get install chromium; .ci/run does it)')
  const server = await serve(join(projectDir, 'browser'))
  const profileDir = mkdtempSync(join(tmpdir(), 'heap-chromium-'))
  let ctx
  try {
    ctx = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    const page = await ctx.newPage()
    const errors = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`)
    })
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.stack ?? e.message}`))
    await page.goto(`http://127.0.0.1:${server.address().port}/`)
    await page.waitForFunction(() => document.body.dataset.done === '1', null, { timeout: timeoutMs }).catch((e) => {
      errors.push(`the page did not finish: ${e.message.split('\n')[0]}`)
    })
    const texts = await page.$$eval('pre.stdout', (els) => els.map((el) => ({ filename: el.dataset.filename, text: el.innerText })))
    const json = await page.$eval('#results', (el) => el.textContent)
    const userAgent = await page.evaluate(() => navigator.userAgent)
    return { results: json ? JSON.parse(json) : [], texts, errors, userAgent }
  } finally {
    await ctx?.close().catch(() => {})
    await new Promise((r) => server.close(() => r()))
    rmSync(profileDir, { recursive: true, force: true })
  }
}

