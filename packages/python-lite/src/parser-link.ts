/** Installs the interpreter's parser into the compiler. */
import { setParser } from './compiler/index.js'
import { parse } from './syntax/index.js'

setParser((source, opts) =>
  parse(source, { filename: opts.filename, mode: opts.mode, profile: opts.profile, warn: opts.warn, invalidEscapeWarning: opts.invalidEscapeWarning, printStatement: opts.printStatement }),
)
