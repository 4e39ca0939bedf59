/** The front end: tokenizer, parser and SyntaxError messages. */
export { parse, Parser, describe } from './parser.js'
export type { ParseOptions, Mode } from './parser.js'
export { Tokenizer } from './tokenizer.js'
export type { Token, TokenType } from './tokenizer.js'
export { SYNTAX_MESSAGES } from './messages.js'
export type { SyntaxMessages } from './messages.js'
