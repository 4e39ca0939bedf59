#!/usr/bin/env node
// Browser end-to-end tests of the built site (.vitepress/dist): Debian's chromium driven by playwright-core.
// Every page is opened; on the guide, an example is edited and run, the profile switched, two profiles compared,
// the heap graph, the timeline and the GC stepper used; the playground's shareable address and Stop are checked.
// Screenshots go to test/screenshots/ (gitignored).
// Usage: node test/e2e.mjs [--headed-slowmo]   (CHROMIUM=/path overrides /usr/bin/chromium)
/* global document */ // (inside page.waitForFunction callbacks, which run in the browser)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { serve } from './serve.mjs'
import { pageFiles, pyconBlocks } from '../scripts/record-examples.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const docsRoot = join(here, '..')
const dist = join(docsRoot, '.vitepress', 'dist')
const shots = join(here, 'screenshots')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'

if (!existsSync(join(dist, 'index.html'))) {
  console.error('e2e: .vitepress/dist is missing — run `pnpm --filter @heap/docs build` first')
  process.exit(1)
}
if (!existsSync(executablePath)) {
  console.error(`e2e: ${executablePath} not found — install Debian's chromium (apt-get install -y chromium)`)
  process.exit(1)
}
mkdirSync(shots, { recursive: true })

let passed = 0
let failed = 0
const failures = []
async function test(name, fn) {
  const t0 = Date.now()
  try {
    await fn()
    passed++
    console.log(`ok   ${name} (${Date.now() - t0} ms)`)
  } catch (e) {
    failed++
    failures.push(name)
    console.log(`FAIL ${name}\n     ${(e instanceof Error ? e.stack ?? e.message : String(e)).split('\n').slice(0, 6).join('\n     ')}`)
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg)
}

/** The pages of the site, from the Markdown sources (plus the generated API pages), with their ```pycon counts. */
function pages() {
  const files = [...pageFiles(), ...readdirSync(join(docsRoot, 'reference', 'api')).map((f) => join(docsRoot, 'reference', 'api', f))]
  return files
    .map((p) => {
      const rel = relative(docsRoot, p).replace(/\\/g, '/')
      return { md: rel, url: '/' + rel.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '.html'), examples: pyconBlocks(readFileSync(p, 'utf8')).length }
    })
    .sort((a, b) => a.md.localeCompare(b.md))
}

const server = await serve(dist)
const userDataDir = mkdtempSync(join(tmpdir(), 'heap-e2e-'))
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1280, height: 900 },
})
// The site is self-contained: any request leaving 127.0.0.1 fails the test.
const external = []
await context.route('**/*', (route) => {
  const u = new URL(route.request().url())
  if (u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue()
  external.push(u.href)
  return route.abort()
})
const page = context.pages()[0] ?? (await context.newPage())
const pageErrors = []
page.on('pageerror', (e) => pageErrors.push(e.message))

async function open(url) {
  pageErrors.length = 0
  await page.goto(server.url + url, { waitUntil: 'load' })
  // Vue has hydrated once the live examples' editors exist.
  await page.waitForFunction(() => document.querySelectorAll('[data-heap-example]').length === document.querySelectorAll('[data-heap-example] .cm-editor').length)
}

/** Replaces the text of the n-th example's editor. */
async function typeInto(example, text) {
  await example.locator('.cm-content').click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(text)
}

/** Runs the example and waits until this run's results are shown. */
async function runAndWait(example) {
  const before = Number((await example.getAttribute('data-runs')) ?? '0')
  await example.locator('[data-test=run]').click()
  await page.waitForFunction(([el, n]) => Number(el.getAttribute('data-runs')) > n, [await example.elementHandle(), before], { timeout: 30_000 })
  await example.locator('[data-test=outputs]').waitFor({ state: 'visible' })
}

// A cycle built at module level (no function calls), so it shows whatever layers the interpreter has.
// `kept` refers to itself too, but its name keeps it reachable: it survives the collection.
const CYCLE = ['import gc', 'gc.disable()', 'class Node:', '    pass', '', 'kept = Node()', 'kept.partner = kept', 'a = Node()', 'b = Node()', 'a.partner = b', 'b.partner = a', 'del a, b', 'gc.collect()', 'print("collected by heap")', ''].join('\n')

try {
  for (const p of pages()) {
    await test(`page ${p.url} loads with its ${p.examples} live example(s)`, async () => {
      await open(p.url)
      const title = await page.locator('h1').first().textContent()
      assert(title && title.trim().length > 0, 'no <h1>')
      const n = await page.locator('[data-heap-example]').count()
      const expected = p.examples + (p.md === 'playground.md' ? 1 : 0)
      assert(n === expected, `${n} live examples, ${expected} expected`)
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`)
      if (p.md === 'guide/reference-counting.md') await page.screenshot({ path: join(shots, 'page-reference-counting.png'), fullPage: false })
      if (p.md === 'reference/versions.md') {
        const rows = await page.locator('.vp-doc table tr').count()
        assert(rows > 40, `versions table has ${rows} rows`)
        await page.screenshot({ path: join(shots, 'versions.png') })
      }
    })
  }

  await test('an example is edited, run, switched to another profile and compared', async () => {
    await open('/guide/cycles.html')
    const ex = page.locator('[data-heap-example]').first()
    await ex.scrollIntoViewIfNeeded()
    // Before a run the example shows its transcript as recorded from CPython.
    const recorded = await ex.locator('.heap-recorded').textContent()
    assert(recorded.includes('Recorded from CPython 3.11.7') && recorded.includes('>>> gc.collect()'), 'the recorded transcript is shown')
    await ex.screenshot({ path: join(shots, 'example-recorded.png') })
    await typeInto(ex, CYCLE)
    await runAndWait(ex)
    const out = await ex.locator('[data-test=output]').first().textContent()
    assert(out.includes('>>> print("collected by heap")'), 'the session transcript shows the typed line')
    assert(out.includes('collected by heap'), 'the output shows what the program printed')
    assert((await ex.locator('[data-test=exit-code]').first().textContent()) === '0', 'exit code 0')
    await ex.locator('[data-test=profile]').selectOption('3.8')
    await runAndWait(ex)
    assert((await ex.locator('.heap-output-col .heap-caption').first().textContent()).includes('3.8'), 'ran under 3.8')
    await ex.locator('[data-test=compare]').check()
    await ex.locator('[data-test=compare-profile]').selectOption('3.12')
    await runAndWait(ex)
    assert((await ex.locator('.heap-output-col').count()) === 2, 'two columns side by side')
    const captions = await ex.locator('.heap-output-col .heap-caption').allTextContents()
    assert(captions[0].includes('3.8') && captions[1].includes('3.12'), `captions: ${captions.join(' | ')}`)
    await ex.screenshot({ path: join(shots, 'example-compare.png') })
  })

  await test('the heap graph shows the cycle greyed before the collection', async () => {
    const ex = page.locator('[data-heap-example]').first()
    await ex.locator('[data-test=compare]').uncheck()
    await ex.locator('[data-test=profile]').selectOption('3.11')
    await runAndWait(ex)
    await ex.locator('[data-test=tab-heap]').click()
    const options = await ex.locator('[data-test=snapshot] option').allTextContents()
    const i = options.findIndex((o) => o.startsWith('del a, b'))
    assert(i >= 0, `a snapshot after "del a, b" (have: ${options.join(' | ')})`)
    await ex.locator('[data-test=snapshot]').selectOption({ index: i })
    await ex.locator('.heap-graph[data-ready=yes] svg').waitFor({ timeout: 30_000 })
    const nodes = await ex.locator('.heap-graph svg g.node').allTextContents()
    const partners = nodes.filter((t) => t.includes('Node'))
    assert(partners.length === 3, `three Node objects drawn (got ${nodes.length} nodes: ${nodes.join(' | ').slice(0, 300)})`)
    const grey = await ex.locator('.heap-graph svg g.node polygon[fill="#e5e7eb"], .heap-graph svg g.node path[fill="#e5e7eb"]').count()
    assert(grey === 2, `the two unreachable objects are greyed, the kept one is not (${grey})`)
    const edges = await ex.locator('.heap-graph svg g.edge').count()
    assert(edges >= 4, `the references between them, and the name kept, are drawn (${edges})`)
    await ex.screenshot({ path: join(shots, 'heap-graph.png') })
  })

  await test('the timeline steps through the events', async () => {
    const ex = page.locator('[data-heap-example]').first()
    await ex.locator('[data-test=tab-timeline]').click()
    const pos0 = await ex.locator('[data-test=event-pos]').textContent()
    assert(/^1 \/ \d+$/.test(pos0) && Number(pos0.split('/ ')[1]) > 10, `events recorded: ${pos0}`)
    for (let k = 0; k < 5; k++) await ex.locator('[data-test=event-next]').click()
    assert((await ex.locator('[data-test=event-pos]').textContent()).startsWith('6 /'), 'five steps forward')
    const cur = await ex.locator('.heap-events li.current').textContent()
    assert(/alloc|incref|decref|track|untrack|dealloc|gc/.test(cur), `the current event is described: ${cur}`)
    await ex.locator('.heap-graph[data-ready=yes] svg').waitFor({ timeout: 30_000 })
    await ex.screenshot({ path: join(shots, 'timeline.png') })
  })

  await test('the GC stepper walks the collection phase by phase', async () => {
    const ex = page.locator('[data-heap-example]').first()
    await ex.locator('[data-test=tab-gc]').click()
    const phases = await ex.locator('.heap-phases .heap-chip').allTextContents()
    for (const ph of ['update_refs', 'subtract_refs', 'move_unreachable', 'finalize_garbage', 'delete_garbage', 'done']) assert(phases.includes(ph), `phase ${ph} (have ${phases.join(', ')})`)
    await ex.locator('[data-test=gc-next]').click()
    assert((await ex.locator('[data-test=gc-step]').textContent()).includes('update_refs'), 'first step: update_refs')
    await ex.locator('.heap-graph[data-ready=yes] svg').waitFor({ timeout: 30_000 })
    const refs = await ex.locator('.heap-graph svg g.node').allTextContents()
    assert(refs.some((t) => t.includes('gc_refs=1')), 'gc_refs copied from the reference counts')
    await ex.locator('[data-test=gc-next]').click()
    const sub = await ex.locator('.heap-graph svg g.node').allTextContents()
    await ex.locator('.heap-graph[data-ready=yes] svg').waitFor()
    assert((await ex.locator('[data-test=gc-step]').textContent()).includes('subtract_refs'), 'second step: subtract_refs')
    void sub
    // Every reference to the three is from a container of the collected generation — the cycle's from each other,
    // kept's from itself and from the module's globals dict — so nothing is left from outside.
    await page.waitForFunction(() => {
      const refs = [...document.querySelectorAll('[data-heap-example] .heap-graph svg g.node')].filter((n) => n.textContent.includes('Node')).map((n) => /gc_refs=(\d+)/.exec(n.textContent)?.[1])
      return refs.length === 3 && refs.every((r) => r === '0')
    })
    await ex.screenshot({ path: join(shots, 'gc-subtract-refs.png') })
    await ex.locator('.heap-phases .heap-chip', { hasText: 'move_unreachable' }).click()
    const list = await ex.locator('[data-test=gc-list-unreachable]').textContent()
    assert(list.includes('2 shown'), `two objects moved to unreachable: ${list}`)
    const young = await ex.locator('[data-test=gc-list-young]').textContent()
    // ... but the globals dict is reachable from the interpreter, and kept through it: it stays.
    assert(young.includes('1 shown'), `the kept object stays in the collected generation: ${young}`)
    await ex.locator('.heap-graph[data-ready=yes] svg').waitFor()
    await ex.screenshot({ path: join(shots, 'gc-move-unreachable.png') })
    await ex.locator('.heap-phases .heap-chip', { hasText: /^done$/ }).click()
    // After delete_garbage only the kept object is left.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-heap-example] .heap-graph svg g.node')].filter((n) => n.textContent.includes('Node')).length === 1)
    await ex.screenshot({ path: join(shots, 'gc-done.png') })
  })

  await test('the playground keeps program and profiles in a shareable address', async () => {
    await open('/playground.html')
    const ex = page.locator('[data-heap-example]')
    await typeInto(ex, 'x = [1, 2, 3]\nprint("shared")\n')
    await ex.locator('[data-test=profile]').selectOption('3.13')
    await ex.locator('[data-test=compare]').check()
    await ex.locator('[data-test=compare-profile]').selectOption('legacy')
    const url = page.url()
    assert(url.includes('#p='), 'state in the address')
    await page.goto('about:blank')
    await page.goto(url)
    await page.waitForFunction(() => document.querySelector('[data-heap-example] .cm-editor'))
    await page.waitForFunction(() => document.querySelector('[data-heap-example] .cm-content')?.textContent.includes('print("shared")'))
    assert((await ex.locator('[data-test=profile]').inputValue()) === '3.13', 'profile restored')
    assert((await ex.locator('[data-test=compare]').isChecked()) && (await ex.locator('[data-test=compare-profile]').inputValue()) === 'legacy', 'compare restored')
    await runAndWait(ex)
    const outs = await ex.locator('[data-test=output]').allTextContents()
    assert(outs.length === 2 && outs.every((o) => o.includes('shared')), `both profiles ran: ${outs.join(' | ')}`)
    await page.screenshot({ path: join(shots, 'playground.png') })
  })

  await test('Stop ends a runaway program at once', async () => {
    const ex = page.locator('[data-heap-example]')
    await ex.locator('[data-test=compare]').uncheck()
    // Each step allocates a large list, so the step budget lasts for seconds and only Stop can end it in time.
    await typeInto(ex, 'while True:\n    x = [0] * 10000\n')
    await ex.locator('[data-test=run]').click()
    await ex.locator('[data-test=running]').waitFor()
    await page.waitForTimeout(300)
    const t0 = Date.now()
    await ex.locator('[data-test=stop]').click()
    await ex.locator('[data-test=outputs]').waitFor({ timeout: 5000 })
    assert(Date.now() - t0 < 3000, 'stopped quickly')
    assert((await ex.locator('[data-test=output]').textContent()).includes('stopped'), 'says it was stopped')
  })

  await test('the step budget stops a long program by itself', async () => {
    const ex = page.locator('[data-heap-example]')
    await typeInto(ex, 'while True:\n    pass\n')
    await runAndWait(ex)
    const out = await ex.locator('[data-test=output]').textContent()
    assert(out.includes('budget ran out'), `budget message: ${out}`)
    assert((await ex.locator('[data-test=exit-code]').textContent()) === '124', 'exit code 124')
  })

  await test('no request left 127.0.0.1', async () => {
    assert(external.length === 0, `external requests: ${external.slice(0, 5).join(', ')}`)
  })
} finally {
  await context.close()
  await server.close()
  rmSync(userDataDir, { recursive: true, force: true })
}

console.log(`\n${passed} passed, ${failed} failed`)
if (failed > 0) {
  console.log(`failed: ${failures.join('; ')}`)
  process.exit(1)
}
