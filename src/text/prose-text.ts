/**
 * Prose text with an exact map back to source offsets.
 *
 * Markdown text nodes do not equal their source slice: escapes (`YOUR\_ROLE`),
 * character references (`&amp;`), blockquote markers and continuation-line
 * indentation disappear from the value. `ProseText` knows, for every UTF-16
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
  /**
   * The map, as runs. Most text nodes equal their source slice, and for such
   * a run its first text index and source offset say everything (unit `k` of
   * the run starts at `source + k` and ends one later); only the other units
   * (escapes, character references, stand-ins for code and breaks) keep a
   * start and end offset each. Text index where each run starts, ascending:
   */
  readonly #runText: Int32Array
  /** The source offset of a verbatim run's first unit; -1 for a run with offsets per unit. */
  readonly #runSource: Int32Array
  /** For a run with offsets per unit, the index of its first unit in `#starts` and `#ends`. */
  readonly #runIndex: Int32Array
  readonly #starts: Int32Array
  readonly #ends: Int32Array

  constructor(text: string, runs: {text: Int32Array; source: Int32Array; index: Int32Array}, starts: Int32Array, ends: Int32Array) {
    this.text = text
    this.#runText = runs.text
    this.#runSource = runs.source
    this.#runIndex = runs.index
    this.#starts = starts
    this.#ends = ends
  }

  /** Source range of the text slice `[from, to)`. */
  range(from: number, to: number): SourceRange {
    if (this.text.length === 0) return {start: 0, end: 0}
    const a = Math.max(0, Math.min(from, this.text.length - 1))
    const b = Math.max(a, Math.min(to, this.text.length) - 1)
    return {start: this.#startOf(a), end: this.#endOf(b)}
  }

  /** Source offset where text index `i` starts. */
  offsetAt(i: number): number {
    if (this.text.length === 0) return 0
    if (i >= this.text.length) return this.#endOf(this.text.length - 1)
    return this.#startOf(Math.max(0, i))
  }

  get isEmpty(): boolean {
    return this.text.trim() === ''
  }

  /** The run holding text index `i` (a valid index). */
  #run(i: number): number {
    const runs = this.#runText
    let low = 0
    let high = runs.length - 1
    while (low < high) {
      const middle = (low + high + 1) >>> 1
      if (runs[middle] <= i) low = middle
      else high = middle - 1
    }
    return low
  }

  #startOf(i: number): number {
    const run = this.#run(i)
    const source = this.#runSource[run]
    return source >= 0 ? source + i - this.#runText[run] : this.#starts[this.#runIndex[run] + i - this.#runText[run]]
  }

  #endOf(i: number): number {
    const run = this.#run(i)
    const source = this.#runSource[run]
    return source >= 0 ? source + i - this.#runText[run] + 1 : this.#ends[this.#runIndex[run] + i - this.#runText[run]]
  }
}

/** Builds a `ProseText` piece by piece. */
export class ProseTextBuilder {
  private text = ''
  private runText: number[] = []
  private runSource: number[] = []
  private runIndex: number[] = []
  private starts: number[] = []
  private ends: number[] = []

  /** Adds a text node value aligned to its source slice `[start, end)`. */
  addAligned(value: string, source: string, start: number, end: number): void {
    if (value.length === 0) return
    if (end - start === value.length && source.startsWith(value, start)) {
      this.verbatim(value, start)
      return
    }
    const map = alignToSource(value, source, start, end)
    this.perUnit()
    this.text += value
    for (let i = 0; i < value.length; i++) {
      this.starts.push(map[i])
      this.ends.push(i + 1 < value.length ? Math.max(map[i] + 1, Math.min(map[i + 1], nextBoundary(source, map[i], end))) : end)
    }
  }

  /** Adds text that stands for a whole source range (a code span, a break). */
  addAtomic(value: string, start: number, end: number): void {
    if (value.length === 0) return
    this.perUnit()
    this.text += value
    for (let i = 0; i < value.length; i++) {
      this.starts.push(start)
      this.ends.push(end)
    }
  }

  build(): ProseText {
    return new ProseText(this.text, {text: Int32Array.from(this.runText), source: Int32Array.from(this.runSource), index: Int32Array.from(this.runIndex)}, Int32Array.from(this.starts), Int32Array.from(this.ends))
  }

  /** Text equal to the source from `start`: a verbatim run, or more of the last one when it ends right there. */
  private verbatim(value: string, start: number): void {
    const last = this.runText.length - 1
    const continues = last >= 0 && this.runSource[last] >= 0 && this.runSource[last] + this.text.length - this.runText[last] === start
    if (!continues) {
      this.runText.push(this.text.length)
      this.runSource.push(start)
      this.runIndex.push(-1)
    }
    this.text += value
  }

  /** Opens a run with offsets per unit, unless the last run is one (its units run on in the arrays). */
  private perUnit(): void {
    const last = this.runText.length - 1
    if (last >= 0 && this.runSource[last] < 0) return
    this.runText.push(this.text.length)
    this.runSource.push(-1)
    this.runIndex.push(this.starts.length)
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
