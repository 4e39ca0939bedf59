/** Interactive sessions: transcripts as a terminal shows them, rebuilt from the output and the typed lines. */
import type { OutputChunk } from '@heap/python-lite'

export type Segment = { readonly kind: 'prompt' | 'input' | 'stdout' | 'stderr'; readonly text: string }

/** The typed lines of a ```pycon transcript (prompts removed). */
export function transcriptInputs(transcript: string): string[] {
  return transcript
    .split('\n')
    .filter((l) => l.startsWith('>>>') || l.startsWith('...'))
    .map((l) => l.replace(/^(>>>|\.\.\.) ?/, ''))
}

/**
 * The session as a terminal shows it: each prompt the interpreter wrote (on stderr) is followed by the line typed
 * at it. The prompt printed at end of input gets no line and is dropped with the newline after it.
 */
export function sessionSegments(chunks: readonly OutputChunk[], inputs: readonly string[]): Segment[] {
  const out: Segment[] = []
  let next = 0
  for (const c of chunks) {
    if (c.stream === 'stdout') {
      out.push({ kind: 'stdout', text: c.text })
      continue
    }
    for (const part of c.text.split(/(>>> |\.\.\. )/)) {
      if (part === '') continue
      if (part === '>>> ' || part === '... ') {
        if (next >= inputs.length) continue
        out.push({ kind: 'prompt', text: part }, { kind: 'input', text: inputs[next++] + '\n' })
      } else out.push({ kind: 'stderr', text: part })
    }
  }
  // The newline written at end of input follows the dropped last prompt.
  const last = out[out.length - 1]
  if (last && last.kind === 'stderr' && last.text === '\n') out.pop()
  return out
}

/** The session as plain text, prompts included (what a recorded ```pycon block holds). */
export function segmentsText(segs: readonly Segment[]): string {
  return segs.map((s) => s.text).join('')
}

/** Addresses differ between runs and implementations; trailing blanks do not count (as `heap check` compares). */
export function normalize(s: string): string {
  return s.replace(/0x[0-9a-fA-F]+/g, '0x…').replace(/[ \t]+$/gm, '').replace(/\n+$/, '')
}

/** The recorded transcript with the `...` line of an ended block written as CPython's prompt shows it. */
export function recordedText(transcript: string): string {
  return transcript.replace(/^\.\.\.$/gm, '... ').replace(/^>>>$/gm, '>>> ')
}
