/**
 * Patterns with Unicode letter and digit classes (`\p{L}`, `\p{N}`, `\p{Lu}`,
 * `\p{Ll}`) that cost what ASCII classes cost on text without other letters.
 *
 * V8 builds a Unicode property class from ICU tables each time it parses a
 * pattern and again when it compiles it: about 0.1 to 0.5 ms per pattern,
 * against 0.01 ms for `[A-Za-z0-9]`. This linter has over a hundred such
 * patterns, so on a short run (one file from an editor or a hook) building
 * them took a tenth of the time.
 *
 * `letterRe(source, flags)` gives a RegExp that matches exactly what
 * `new RegExp(source, flags)` matches. It runs an ASCII twin of the pattern
 * (each letter class replaced by its ASCII part) on any string with no
 * letter or digit outside ASCII and at most `MAX_SCANNED` long, and the
 * pattern as written (built the first time it is needed) on any other
 * string. The two agree on such strings: there `\p{L}` and `[A-Za-z]` (and
 * `\p{N}` and `[0-9]`, `\p{Lu}` and `[A-Z]`, `\p{Ll}` and `[a-z]`) hold the
 * same characters. With the `i` flag, the test
 * for "other letters" uses the `i` flag too, so that characters which only
 * match a letter class under case folding (U+0345) also take the exact path.
 *
 * Only those four classes are rewritten; a pattern with any other property
 * escape is refused (use a plain RegExp for it).
 */

const NON_ASCII_RE = /[^\0-\x7f]/
const REWRITES: Readonly<Record<string, string>> = {L: 'A-Za-z', N: '0-9', Lu: 'A-Z', Ll: 'a-z'}

/** The ASCII twin of `source`: `\p{L}`, `\p{N}`, `\p{Lu}`, `\p{Ll}` replaced by their ASCII ranges. */
export function asciiTwin(source: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') {
      const next = source[i + 1]
      if (next === 'p' || next === 'P') {
        const close = source.indexOf('}', i)
        const name = source[i + 2] === '{' && close > 0 ? source.slice(i + 3, close) : ''
        const ranges = next === 'p' ? REWRITES[name] : undefined
        if (ranges === undefined) throw new SyntaxError(`letterRe: unsupported property escape in /${source}/ (only \\p{L}, \\p{N}, \\p{Lu}, \\p{Ll})`)
        out += inClass ? ranges : `[${ranges}]`
        i = close
        continue
      }
      out += ch + (next ?? '')
      i++
      continue
    }
    if (ch === '[' && !inClass) inClass = true
    else if (ch === ']' && inClass) inClass = false
    out += ch
  }
  return out
}

/**
 * Strings longer than this take the exact pattern without a look. The look
 * costs a scan of the whole string, and patterns anchored at the start are
 * run on the tails of long texts (`text.slice(end)`), so scanning those on
 * every call would make linear work quadratic. On a long string the cost of
 * building the exact pattern, paid once, is small beside the matching.
 */
export const MAX_SCANNED = 2048

let otherLetterRe: RegExp | null = null
let otherLetterFoldedRe: RegExp | null = null
let lastText = ''
let lastFolded = false
let lastAnswer = false

/** True when `text` has a letter or digit outside ASCII (under case folding when `folded`). */
export function hasOtherLetters(text: string, folded: boolean): boolean {
  if (!NON_ASCII_RE.test(text)) return false
  const re = folded ? (otherLetterFoldedRe ??= /(?![\0-\x7f])[\p{L}\p{N}]/iu) : (otherLetterRe ??= /(?![\0-\x7f])[\p{L}\p{N}]/u)
  return re.test(text)
}

/** Whether a pattern must run as written on `text`: a long string, or one with letters or digits outside ASCII. */
export function needsExact(text: string, folded: boolean): boolean {
  if (text.length > MAX_SCANNED) return true
  // A global pattern runs on the same string many times in a row.
  if (text === lastText && folded === lastFolded) return lastAnswer
  lastText = text
  lastFolded = folded
  lastAnswer = hasOtherLetters(text, folded)
  return lastAnswer
}

/**
 * A RegExp that matches as its exact pattern; see the module comment. Its
 * `source` is the exact pattern. Methods that copy a pattern (`split`,
 * `matchAll`) make another of these, so they keep the same behaviour.
 */
export class LetterRegExp extends RegExp {
  readonly exactSource: string
  #exact: RegExp | null = null

  constructor(pattern: string | RegExp, flags?: string) {
    const exactSource = pattern instanceof LetterRegExp ? pattern.exactSource : typeof pattern === 'string' ? pattern : pattern.source
    const resolved = flags ?? (pattern instanceof RegExp ? pattern.flags : '')
    // The rewrite reads classes as the u flag does (the v flag nests them).
    if (!resolved.includes('u')) throw new SyntaxError(`letterRe: /${exactSource}/ needs the u flag`)
    super(asciiTwin(exactSource), resolved)
    this.exactSource = exactSource
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input)
    if (!needsExact(text, this.ignoreCase)) return super.exec(text)
    const exact = (this.#exact ??= new RegExp(this.exactSource, this.flags))
    exact.lastIndex = this.lastIndex
    const match = exact.exec(text)
    this.lastIndex = exact.lastIndex
    return match
  }
}
Object.defineProperty(LetterRegExp.prototype, 'source', {
  get(this: LetterRegExp) {
    return this.exactSource
  },
  configurable: true,
})

/** `new RegExp(source, flags)`, cheap to build and run on text without letters outside ASCII. */
export function letterRe(source: string, flags: string): RegExp {
  return new LetterRegExp(source, flags)
}

/** The same pattern with other flags; a `letterRe` stays one. */
export function withFlags(re: RegExp, flags: string): RegExp {
  return re instanceof LetterRegExp ? new LetterRegExp(re.exactSource, flags) : new RegExp(re.source, flags)
}

/** Letter patterns several modules share: a letter anywhere; a capital or a small letter at the start; runs of anything but letters and digits. */
export const LETTER_RE = letterRe(String.raw`\p{L}`, 'u')
export const UPPER_START_RE = letterRe(String.raw`^\p{Lu}`, 'u')
export const LOWER_START_RE = letterRe(String.raw`^\p{Ll}`, 'u')
export const NON_WORD_RUN_RE = letterRe(String.raw`[^\p{L}\p{N}]+`, 'gu')
