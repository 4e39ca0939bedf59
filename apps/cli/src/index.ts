/**
 * The `heap` command: like `python` where it mirrors python, and it shows what python hides.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { PROFILES } from '@heap/python-lite'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { runCommand } from './commands/run.js'
import { brokenPipe } from './broken-pipe.js'
import { replCommand } from './commands/repl.js'
import { profilesCommand } from './commands/profiles.js'
import { tourCommand } from './commands/tour.js'
import { checkCommand } from './commands/check.js'
import { compareCommand } from './commands/compare.js'

const require = createRequire(import.meta.url)

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(require.resolve('@heap/cli/package.json'), 'utf8')) as { version: string }
    return pkg.version
  } catch {
    return '0.0.0'
  }
}

const PROFILE_IDS = PROFILES.map((p) => p.id)
const PYTHON_HELP = `the CPython version to simulate: ${PROFILE_IDS.slice(0, -1).join(', ')} or ${PROFILE_IDS.at(-1)}`

/** Checks a `--python` value (or a comma-separated list of them) against the known profiles. */
function parseProfiles(list: boolean) {
  return (value: string): string => {
    for (const v of list ? value.split(',').map((s) => s.trim()) : [value]) {
      if (!PROFILE_IDS.includes(v)) throw new InvalidArgumentError(`unknown version '${v}' (choose from ${PROFILE_IDS.join(', ')})`)
    }
    return value
  }
}

const DEBUG_BUILD_HELP = 'behave as a debug build of CPython (--with-pydebug): a decref that makes a refcount negative aborts with _Py_NegativeRefcount, freed memory reads as 0xDD, sys.gettotalrefcount() exists'

const TRACE_HELP = 'print a timeline of heap events; --trace=KINDS picks some of alloc,incref,decref,dealloc,free,track,untrack,finalize,weakref-clear,gc (all when none are given)'

/**
 * `--trace` takes its kinds only as `--trace=KINDS`, so that `heap run --trace prog.py` traces prog.py instead of
 * reading `prog.py` as a list of kinds.
 */
function bareTraceToAll(argv: readonly string[]): string[] {
  const end = argv.indexOf('--')
  return argv.map((a, i) => (a === '--trace' && (end === -1 || i < end) ? '--trace=all' : a))
}

function traceFormatOption(): Option {
  return new Option('--trace-format <format>', 'timeline format: text, or json (one event per line, for tools)').choices(['text', 'json']).default('text')
}

function pythonOption(): Option {
  return new Option('-p, --python <version>', PYTHON_HELP).default('3.11').argParser(parseProfiles(false))
}

function quietOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e
      if (stream === process.stdout) brokenPipe.stdout()
      else process.exit(0)
    })
  }
}

export async function main(argv: string[]): Promise<number> {
  quietOnBrokenPipe()
  let exitCode = 0
  const program = new Command()
  program
    .name('heap')
    .description("Run Python programs under a simulation of CPython's memory management, and see why they print what they print.")
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })

  program
    .command('run')
    .description('run a Python file, like `python FILE`')
    .addOption(pythonOption())
    .option('--trace [kinds]', TRACE_HELP)
    .addOption(traceFormatOption())
    .option('--graph <file>', 'write heap snapshots (at each breakpoint() and at exit) as Graphviz .dot or .svg')
    .option('--explain', 'after a simulated crash, report what the unsafe calls broke')
    .option('--debug-build', DEBUG_BUILD_HELP)
    .argument('<file>', 'the program')
    .argument('[args...]', 'arguments passed in sys.argv')
    .allowUnknownOption(false)
    .action(async (file: string, args: string[], opts) => {
      exitCode = await runCommand(file, args, opts)
    })

  program
    .command('repl')
    .description('an interactive prompt, like `python` with no arguments')
    .addOption(pythonOption())
    .option('--debug-build', DEBUG_BUILD_HELP)
    .option('--trace [kinds]', TRACE_HELP)
    .addOption(traceFormatOption())
    .action(async (opts) => {
      exitCode = await replCommand(opts)
    })

  program
    .command('check')
    .description('check doctest-style transcripts (.txt, Markdown ```pycon blocks) against the simulation')
    .addOption(pythonOption())
    .argument('<files...>', 'transcript files')
    .action(async (files: string[], opts) => {
      exitCode = await checkCommand(files, opts)
    })

  program
    .command('compare')
    .description('run a program under several CPython versions and show the outputs side by side')
    .addOption(new Option('-p, --python <versions>', 'comma-separated versions, e.g. 3.8,3.11,3.14').makeOptionMandatory().argParser(parseProfiles(true)))
    .argument('<file>', 'the program')
    .action(async (file: string, opts) => {
      exitCode = await compareCommand(file, opts)
    })

  program
    .command('tour')
    .description("a guided tour of CPython's memory management, running every example")
    .addOption(pythonOption())
    .option('--no-interactive', 'run straight through without waiting for Enter')
    .action(async (opts) => {
      exitCode = await tourCommand(opts)
    })

  program
    .command('profiles')
    .description('list the simulated CPython versions and what differs between them')
    .action(() => {
      exitCode = profilesCommand()
    })

  try {
    await program.parseAsync(bareTraceToAll(argv), { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0
      return e.exitCode === 1 ? 2 : e.exitCode
    }
    throw e
  }
  return exitCode
}
