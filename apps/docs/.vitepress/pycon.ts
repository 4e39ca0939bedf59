/**
 * ```pycon blocks become live examples: the recorded transcript is rendered as it is (so the page reads without
 * JavaScript and search indexes it) inside <HeapExample>, which replays it under heap on demand.
 *
 * Info string: `pycon [VERSION] [unchecked: REASON]`. VERSION (a profile id: 3.8, 3.11, 3.12, 3.13) says which
 * CPython recorded the transcript (default 3.11); `unchecked:` marks a transcript `heap check` skips, with the
 * reason shown on the page.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { MarkdownRenderer } from 'vitepress'
import { parsePyconInfo } from '../scripts/pycon-info.mjs'

const profiles = JSON.parse(readFileSync(fileURLToPath(new URL('./generated/profiles.json', import.meta.url)), 'utf8')) as { id: string; version: string }[]

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function b64(json: unknown): string {
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64')
}

/** Prompts and typed lines are styled apart from what the interpreter printed. */
function transcriptHtml(t: string): string {
  return t
    .split('\n')
    .map((l) => (/^(>>>|\.\.\.)( |$)/.test(l) ? `<span class="seg-prompt">${escapeHtml(l.slice(0, 4))}</span><span class="seg-input">${escapeHtml(l.slice(4))}</span>` : `<span class="seg-stdout">${escapeHtml(l)}</span>`))
    .join('\n')
}

export function pyconPlugin(md: MarkdownRenderer): void {
  const fallback = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!
    const info = parsePyconInfo(token.info)
    if (info === null) return fallback(tokens, idx, options, env, self)
    const transcript = token.content.replace(/\n$/, '')
    const version = profiles.find((p) => p.id === info.profile)?.version ?? info.profile
    const data = b64({ transcript, mode: 'repl', profile: info.profile, recordedWith: version, unchecked: info.unchecked ?? undefined })
    return `<HeapExample data="${data}"><pre v-pre class="heap-transcript">${transcriptHtml(transcript)}</pre></HeapExample>\n`
  }
}
