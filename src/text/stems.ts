/**
 * Light stemming for matching a term across inflections: `rate limiting`,
 * `rate-limit`, `rate limited` and `ratelimiter` all become the stems
 * `rate limit`. This is deliberately small (a few suffix rules, no
 * dictionary): both sides of a comparison go through the same function, so
 * a stem only has to be consistent, not a real word.
 */
import {boundedMemo} from './memo.js'
import {allMatches} from './all-matches.js'
import {letterRe} from './letter-re.js'

export interface StemToken {
  /** The stem (lower case). */
  stem: string
  /** The word as written. */
  word: string
  /** Offsets of the word in the input text. */
  start: number
  end: number
}

/** A word: letters and digits, with inner apostrophes (`don't`). Hyphens, slashes and dots split words. */
export const WORD_RE = letterRe(String.raw`[\p{L}\p{N}]+(?:['’][\p{L}]+)*`, 'gu')

/** Words dropped before matching, so `added an index` matches `add index`. */
export const STEM_STOPWORDS: ReadonlySet<string> = new Set(['a', 'an', 'the'])

/**
 * Suffix rules, tried in order; the first that applies wins. `min` is the
 * shortest stem the rule may leave behind.
 */
export const SUFFIX_RULES: ReadonlyArray<{suffix: string; replace: string; min: number}> = [
  {suffix: 'isations', replace: 'iz', min: 3},
  {suffix: 'izations', replace: 'iz', min: 3},
  {suffix: 'isation', replace: 'iz', min: 3},
  {suffix: 'ization', replace: 'iz', min: 3},
  {suffix: 'ations', replace: 'at', min: 3},
  {suffix: 'ation', replace: 'at', min: 3},
  {suffix: 'ising', replace: 'iz', min: 3},
  {suffix: 'izing', replace: 'iz', min: 3},
  {suffix: 'ised', replace: 'iz', min: 3},
  {suffix: 'ized', replace: 'iz', min: 3},
  {suffix: 'ises', replace: 'iz', min: 3},
  {suffix: 'izes', replace: 'iz', min: 3},
  {suffix: 'ise', replace: 'iz', min: 3},
  {suffix: 'ize', replace: 'iz', min: 3},
  {suffix: 'ies', replace: 'y', min: 2},
  {suffix: 'ied', replace: 'y', min: 2},
  {suffix: 'ing', replace: '', min: 3},
  {suffix: 'ers', replace: '', min: 4},
  {suffix: 'er', replace: '', min: 4},
  {suffix: 'ed', replace: '', min: 3},
  {suffix: 'es', replace: '', min: 3},
  {suffix: 's', replace: '', min: 3},
  {suffix: 'e', replace: '', min: 3},
]

/** Words whose ending only looks like a suffix. */
export const STEM_EXCEPTIONS: Readonly<Record<string, string>> = {
  https: 'https',
  cors: 'cors',
  redis: 'redis',
  status: 'status',
  process: 'process',
  access: 'access',
  less: 'less',
  analysis: 'analysis',
  always: 'always',
  sentry: 'sentry',
  never: 'never',
  ever: 'ever',
  user: 'user',
  users: 'user',
  server: 'server',
  servers: 'server',
  header: 'header',
  headers: 'header',
  layer: 'layer',
  layers: 'layer',
  docker: 'docker',
  browser: 'browser',
  browsers: 'browser',
}

const DOUBLE_CONSONANT_RE = /([b-df-hj-np-tv-z])\1$/
const KEEP_DOUBLE = new Set(['ll', 'ss', 'zz', 'ff'])

/** The stem of one word (any case); memoised (a document repeats its words). */
export const stem: (word: string) => string = boundedMemo((word) => computeStem(word), 1000)

function computeStem(word: string): string {
  const lower = word.toLowerCase().replace(/’/g, "'")
  if (Object.hasOwn(STEM_EXCEPTIONS, lower)) return STEM_EXCEPTIONS[lower]
  if (/\d/.test(lower) || lower.length <= 3) return lower
  for (const rule of SUFFIX_RULES) {
    if (!lower.endsWith(rule.suffix)) continue
    const base = lower.slice(0, -rule.suffix.length)
    if (base.length < rule.min) continue
    if (rule.suffix === 's' && /(?:ss|us|is)$/.test(lower)) return lower
    let out = base + rule.replace
    // `logging` → `logg` → `log`; `splitting` → `split`.
    const double = DOUBLE_CONSONANT_RE.exec(out)
    if (double && out.length > 3 && !KEEP_DOUBLE.has(double[0]) && (rule.suffix === 'ing' || rule.suffix === 'ed' || rule.suffix === 'er' || rule.suffix === 'ers')) out = out.slice(0, -1)
    return out
  }
  return lower
}

/** Stemmed words of `text` with their offsets; stop words dropped. */
export function stemTokens(text: string): StemToken[] {
  const out: StemToken[] = []
  for (const match of allMatches(text, WORD_RE)) {
    const word = match[0]
    if (STEM_STOPWORDS.has(word.toLowerCase())) continue
    out.push({stem: stem(word), word, start: match.index, end: match.index + word.length})
  }
  return out
}

/** A term prepared for matching: its stems, and the stem of its words run together. */
export interface StemTerm {
  stems: string[]
  /** `rate limit` → `ratelimit`; `null` for one-word terms. */
  joined: string | null
}

/** A term written as words: `Rate-limiting` → stems `['rate', 'limit']`, joined `ratelimit`. */
export function compileTerm(term: string): StemTerm {
  const tokens = stemTokens(term)
  return {stems: tokens.map((token) => token.stem), joined: tokens.length > 1 ? stem(tokens.map((token) => token.word).join('')) : null}
}

export interface StemMatch {
  /** Offsets in the text of the first and last matched word. */
  start: number
  end: number
}

/**
 * Every place where `term` (a list of stems) occurs in `tokens` as
 * consecutive words, or run together as one word (`ratelimit`, `precommit`).
 */
export function findStemSequence(tokens: readonly StemToken[], compiled: StemTerm): StemMatch[] {
  const out: StemMatch[] = []
  const {stems: term, joined} = compiled
  if (term.length === 0) return out
  for (let i = 0; i < tokens.length; i++) {
    if (joined !== null && tokens[i].stem === joined) {
      out.push({start: tokens[i].start, end: tokens[i].end})
      continue
    }
    if (i + term.length > tokens.length) continue
    let ok = true
    for (let k = 0; k < term.length; k++) {
      if (tokens[i + k].stem !== term[k]) {
        ok = false
        break
      }
    }
    if (ok) out.push({start: tokens[i].start, end: tokens[i + term.length - 1].end})
  }
  return out
}
