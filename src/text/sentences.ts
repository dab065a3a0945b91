/**
 * Sentence splitting over plain prose text with exact offsets.
 *
 * The offsets index the input string itself, so a sentence of a block's
 * `ProseText.text` maps straight onto source positions with
 * `ProseText.range(start, end)`. Code spans and other atoms appear as
 * U+FFFC (`OBJECT_CHAR`) and are treated as ordinary word characters.
 *
 * A boundary is a terminator (`.`, `!`, `?`, `…`, `...`) followed by optional
 * closing quotes/brackets and whitespace, unless the word before it is a
 * known abbreviation, an initial, a list number, or the next word starts in
 * lower case. A line break is a boundary when the line ends with `:`, when
 * the next line starts like a list item, or at a blank line.
 */
import {letterRe, LOWER_START_RE} from './letter-re.js'

export interface Sentence {
  /** Index of the first non-space character. */
  start: number
  /** Index after the last character (terminator and closing marks included). */
  end: number
  text: string
}

/**
 * Abbreviations that never end a sentence (compared lower case, without the
 * final period). Unit abbreviations (`ms`, `sec`) are left out on purpose:
 * `took 120 ms.` ends a sentence.
 */
export const NON_TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'e.g',
  'i.e',
  'eg',
  'ie',
  'cf',
  'viz',
  'vs',
  'v',
  'dr',
  'mr',
  'mrs',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'approx',
  'ca',
  'fig',
  'figs',
  'no',
  'nos',
  'vol',
  'p',
  'pp',
  'ch',
  'eq',
  'ref',
  'al',
  'resp',
  'incl',
  'esp',
  'dept',
  'lt',
  'capt',
  'rev',
])

/** Abbreviations that may end a sentence: a boundary only when the next word is capitalised. */
export const TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'llc', 'a.m', 'p.m', 'am', 'pm', 'b.v', 'gmbh'])

/** The word (letters, digits, dots) that ends right before a terminator. */
const WORD_BEFORE_RE = letterRe(String.raw`([\p{L}\p{N}\uFFFC][\p{L}\p{N}.\uFFFC'’-]*)$`, 'u')
/** Dotted acronyms such as `U.S` or `Ph.D` (before the final period). */
const DOTTED_ACRONYM_RE = letterRe(String.raw`^(?:\p{L}{1,2}\.)+\p{L}{1,2}$`, 'u')
/** A single capital letter: an initial (`J. R. Smith`). */
const INITIAL_RE = letterRe(String.raw`^\p{Lu}$`, 'u')
/** Closing marks allowed after a terminator and kept in the sentence. */
const CLOSERS_RE = /^["'”’»)\]}*_]+/u
/** A line that starts like a list item or a labelled entry. */
export const LIST_LINE_START_RE = /^[ \t]*(?:[-*+•–—▪◦‣·]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\[[ xX]\]\s)/
const TERMINATOR_RE = /[.!?…]/

/** Splits `text` into sentences with exact `[start, end)` offsets into `text`. */
export function splitSentences(text: string): Sentence[] {
  const cuts: number[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    const ch = text[i]
    if (ch === '\n') {
      if (lineBreakIsBoundary(text, i)) cuts.push(i)
      i++
      continue
    }
    if (!TERMINATOR_RE.test(ch)) {
      i++
      continue
    }
    // Run of terminators: `?!`, `...`, `.…`
    let j = i
    while (j < n && TERMINATOR_RE.test(text[j])) j++
    const closers = CLOSERS_RE.exec(text.slice(j))
    const after = j + (closers ? closers[0].length : 0)
    if (after < n && !/\s/.test(text[after])) {
      i = j
      continue
    }
    if (isBoundary(text, i, j, after)) cuts.push(after)
    i = after
  }
  return piecesBetween(text, cuts)
}

function isBoundary(text: string, termStart: number, termEnd: number, after: number): boolean {
  const next = nextWord(text, after)
  if (next === null) return true
  const terms = text.slice(termStart, termEnd)
  const crossesLine = text.slice(after, next.index).includes('\n')
  const nextStartsLower = LOWER_START_RE.test(next.word)
  if (terms.includes('?') || terms.includes('!')) return !nextStartsLower || crossesLine
  const ellipsis = terms.length > 1 || terms === '…'
  if (ellipsis) return !nextStartsLower
  // A single period.
  const before = WORD_BEFORE_RE.exec(text.slice(Math.max(0, termStart - 40), termStart))
  const word = before ? before[1] : ''
  const lower = word.toLowerCase()
  if (word && NON_TERMINAL_ABBREVIATIONS.has(lower)) return false
  if (word && TERMINAL_ABBREVIATIONS.has(lower)) return !nextStartsLower
  if (DOTTED_ACRONYM_RE.test(word)) {
    // `e.g.`-like lower-case forms never end; `U.S.` ends only before a line break.
    return crossesLine
  }
  if (INITIAL_RE.test(word) && !crossesLine) return false
  if (/^\d{1,3}$/.test(word) && isLineStart(text, termStart - word.length)) return false
  return !nextStartsLower
}

function lineBreakIsBoundary(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  const line = text.slice(lineStart, at).trimEnd()
  if (line === '') return false
  if (line.endsWith(':')) return true
  const rest = text.slice(at + 1)
  if (LIST_LINE_START_RE.test(rest)) return true
  if (/^[ \t]*\n/.test(rest)) return true
  return false
}

function isLineStart(text: string, index: number): boolean {
  for (let k = index - 1; k >= 0; k--) {
    const c = text[k]
    if (c === '\n') return true
    if (c !== ' ' && c !== '\t') return false
  }
  return true
}

function nextWord(text: string, from: number): {index: number; word: string} | null {
  const match = /\S+/.exec(text.slice(from))
  if (!match) return null
  // Skip opening quotes and brackets to see the word's first letter.
  const word = match[0].replace(/^["'“‘«(\[{*_]+/u, '')
  return {index: from + match.index, word}
}

function piecesBetween(text: string, cuts: number[]): Sentence[] {
  const out: Sentence[] = []
  let from = 0
  for (const cut of [...cuts, text.length]) {
    if (cut < from) continue
    let a = from
    let b = cut
    while (a < b && /\s/.test(text[a])) a++
    while (b > a && /\s/.test(text[b - 1])) b--
    if (b > a) out.push({start: a, end: b, text: text.slice(a, b)})
    from = cut
  }
  return out
}
