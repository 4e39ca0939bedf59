// Bundled by esbuild (platform browser) from the installed @heap/python-lite tarball, then run in chromium.
/* global document */
import { runSource } from '@heap/python-lite'
import { PROGRAMS } from '../checks/programs.mjs'

const results = []
for (const p of PROGRAMS) {
  const section = document.createElement('section')
  const title = document.createElement('h2')
  title.textContent = p.filename
  const out = document.createElement('pre')
  out.className = 'stdout'
  out.dataset.filename = p.filename
  try {
    const r = runSource(p.source, { profile: '3.11', filename: p.filename })
    out.textContent = r.stdout + r.stderr
    results.push({ filename: p.filename, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode })
  } catch (e) {
    out.textContent = `error: ${e && e.stack ? e.stack : e}`
    results.push({ filename: p.filename, error: String(e && e.stack ? e.stack : e) })
  }
  section.append(title, out)
  document.body.append(section)
}
document.getElementById('results').textContent = JSON.stringify(results)
document.body.dataset.done = '1'
