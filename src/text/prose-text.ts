/**
 * Prose text with an exact map back to source offsets.
 *
 * Markdown text nodes do not equal their source slice: escapes (`YOUR\_ROLE`),
 * character references (`&amp;`), blockquote markers and continuation-line
 * indentation disappear from the value. `ProseText` keeps, for every UTF-16
 * unit of its text, the source offset where it starts and ends, so a match
 * in the text becomes an exact source range.
 */

/** Stands in for a code span, inline HTML or JSX expression inside prose. */
export const OBJECT_CHAR = '\uFFFC'

export interface SourceRange {
  start: number
  end: number
}

export class ProseText {
  readonly text: string
  private readonly starts: Int32Array
  private readonly ends: Int32Array

  constructor(text: string, starts: Int32Array, ends: Int32Array) {
    this.text = text
    this.starts = starts
    this.ends = ends
  }

  /** Source range of the text slice `[from, to)`. */
  range(from: number, to: number): SourceRange {
    if (this.text.length === 0) return {start: 0, end: 0}
    const a = Math.max(0, Math.min(from, this.text.length - 1))
    const b = Math.max(a, Math.min(to, this.text.length) - 1)
    return {start: this.starts[a], end: this.ends[b]}
  }

  /** Source offset where text index `i` starts. */
  offsetAt(i: number): number {
    if (this.text.length === 0) return 0
    if (i >= this.text.length) return this.ends[this.text.length - 1]
    return this.starts[Math.max(0, i)]
  }

  get isEmpty(): boolean {
    return this.text.trim() === ''
  }
}

/** Builds a `ProseText` piece by piece. */
export class ProseTextBuilder {
  private text = ''
  private starts: number[] = []
  private ends: number[] = []

  /** Adds a text node value aligned to its source slice `[start, end)`. */
  addAligned(value: string, source: string, start: number, end: number): void {
    const map = alignToSource(value, source, start, end)
    this.text += value
    for (let i = 0; i < value.length; i++) {
      this.starts.push(map[i])
      this.ends.push(i + 1 < value.length ? Math.max(map[i] + 1, Math.min(map[i + 1], nextBoundary(source, map[i], end))) : end)
    }
  }

  /** Adds text that stands for a whole source range (a code span, a break). */
  addAtomic(value: string, start: number, end: number): void {
    this.text += value
    for (let i = 0; i < value.length; i++) {
      this.starts.push(start)
      this.ends.push(end)
    }
  }

  build(): ProseText {
    return new ProseText(this.text, Int32Array.from(this.starts), Int32Array.from(this.ends))
  }
}

/** End of the source unit that starts at `offset`: one char, or a whole `&…;` reference. */
function nextBoundary(source: string, offset: number, limit: number): number {
  if (source[offset] === '&') {
    const semi = source.indexOf(';', offset)
    if (semi > offset && semi - offset <= 32 && semi < limit) return semi + 1
  }
  return offset + 1
}

/**
 * Greedy alignment of a node value to its source slice. Returns, for each
 * value index, the source offset it came from. Source characters with no
 * counterpart (escapes, `>` markers, indentation) are skipped; a character
 * reference maps as a unit.
 */
export function alignToSource(value: string, source: string, start: number, end: number): Int32Array {
  const map = new Int32Array(value.length)
  if (source.slice(start, end) === value) {
    for (let i = 0; i < value.length; i++) map[i] = start + i
    return map
  }
  let j = start
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]
    let found = -1
    let k = j
    while (k < end) {
      const s = source[k]
      if (s === ch) {
        found = k
        break
      }
      if (s === '&') {
        const semi = source.indexOf(';', k)
        if (semi > k && semi - k <= 32 && semi < end) {
          // A character reference decodes to one or two UTF-16 units.
          found = k
          const units = decodedLength(source.slice(k, semi + 1))
          for (let u = 0; u < units && i + u < value.length; u++) map[i + u] = k
          i += Math.max(0, units - 1)
          j = semi + 1
          break
        }
      }
      k++
    }
    if (found === -1) {
      map[i] = Math.min(j, Math.max(start, end - 1))
      continue
    }
    if (source[found] === '&' && source[found] !== ch) continue
    map[i] = found
    j = found + 1
  }
  return map
}

function decodedLength(reference: string): number {
  const numeric = /^&#(x[0-9a-f]+|[0-9]+);$/i.exec(reference)
  if (numeric) {
    const code = numeric[1][0].toLowerCase() === 'x' ? Number.parseInt(numeric[1].slice(1), 16) : Number(numeric[1])
    return code > 0xffff ? 2 : 1
  }
  return 1
}
