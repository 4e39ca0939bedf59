// Tiny assertion helpers for the checks that run inside the temporary project (they import only what the
// installed tarballs provide).
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

let count = 0

export function ok(description, fn) {
  try {
    const detail = fn()
    count++
    console.log(`ok - ${description}${detail === undefined ? '' : `: ${detail}`}`)
  } catch (e) {
    console.log(`not ok - ${description}`)
    console.log(String(e && e.stack ? e.stack : e).replace(/^/gm, '    '))
    process.exitCode = 1
  }
}

export function equal(actual, expected, what = 'value') {
  if (!Object.is(actual, expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
}

export function check(condition, message) {
  if (!condition) throw new Error(message)
}

/** The package resolves to the temporary project's node_modules, not to a workspace link. */
export function resolvesInstalled(specifier) {
  ok(`${specifier} resolves to the installed tarball`, () => {
    const path = realpathSync(fileURLToPath(import.meta.resolve(specifier)))
    const project = realpathSync(process.cwd())
    check(path.startsWith(`${project}/node_modules/`), `resolved to ${path}, outside ${project}/node_modules`)
    const monorepo = process.env.HEAP_MONOREPO
    if (monorepo) check(!path.startsWith(realpathSync(monorepo)), `resolved into the monorepo: ${path}`)
    return path.slice(project.length + 1)
  })
}

export function done(name) {
  console.log(`${name}: ${count} checks passed${process.exitCode ? ', some failed' : ''}`)
}
