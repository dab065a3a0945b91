/**
 * Normalisation shared by template profiles and the documents compared with
 * them: sentence fingerprints (case, markdown, punctuation and whitespace
 * folded into a word list) and heading keys (emoji, numbering, parentheticals
 * and filler words folded away, mojibake repaired).
 *
 * Both sides of every comparison go through these functions, so they only
 * have to be consistent, not linguistically exact.
 */
import {boundedMemo} from '../text/memo.js'
import {OBJECT_CHAR} from '../text/prose-text.js'
import {normaliseHeading} from '../text/section-roles.js'
import {allMatches} from '../text/all-matches.js'
import {letterRe} from '../text/letter-re.js'

/** One word of a fingerprint. */
export interface FingerprintToken {
  /** Lower-case word; `OBJECT_CHAR` for a code span or other atom. */
  word: string
  /**
   * A stand-in rather than a word: a template token (`GOAL_1`, `YOUR_ROLE`),
   * a bare template word in capitals (`TECH`, `REASON`) or an atom.
   * Wildcards count as words for the 5-word minimum but match anything.
   */
  wild: boolean
  /** Offsets of the word in the input text. */
  start: number
  end: number
}

/** A word: letters, digits and underscores (so `GOAL_1` stays one word), or an atom. */
export const FINGERPRINT_WORD_RE = letterRe(String.raw`[\p{L}\p{N}_]+(?:['’][\p{L}]+)*|\uFFFC`, 'gu')

const ASCII_RE = /^[\u0000-\u007f]*$/

/** Template tokens in capitals with underscores: `YOUR_PROJECT_NAME`, `GOAL_1`, `NON_GOAL_2`. */
export const TEMPLATE_TOKEN_WORD_RE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/

/**
 * Bare template words that stand in for content when written in capitals
 * (`| TECH | REASON | ALTERNATIVE |`). Lower-case or capitalised uses are words.
 */
export const TEMPLATE_CAPS_WORDS: ReadonlySet<string> = new Set([
  'TECH',
  'REASON',
  'ALTERNATIVE',
  'FEATURE',
  'SOLUTION',
  'DIFFICULTY',
  'CHALLENGE',
  'LEARNING',
  'IMPROVEMENT',
  'PLACEHOLDER',
  'TBD',
  'TODO',
])

/** True for a word that is a template stand-in rather than content. */
export function isTemplateStandIn(word: string): boolean {
  const first = word.charCodeAt(0)
  // Every stand-in starts with a capital A–Z or is the atom.
  if (first < 65 || first > 90) return word === OBJECT_CHAR
  return TEMPLATE_TOKEN_WORD_RE.test(word) || TEMPLATE_CAPS_WORDS.has(word)
}

/**
 * The words of `text` for fingerprinting: Unicode-normalised (NFKC), lower
 * case, apostrophes dropped (`don't` = `dont`), every other punctuation and
 * markdown mark a separator. Offsets point into `text`.
 */
export function fingerprintTokens(text: string): FingerprintToken[] {
  const out: FingerprintToken[] = []
  for (const match of allMatches(text, FINGERPRINT_WORD_RE)) {
    const raw = match[0]
    const folded = foldWord(raw)
    out.push({word: folded.toLowerCase(), wild: isTemplateStandIn(folded), start: match.index, end: match.index + raw.length})
  }
  return out
}

/** A fingerprint word before lower-casing: NFKC for non-ASCII, apostrophes dropped. */
function foldWord(raw: string): string {
  const normal = ASCII_RE.test(raw) ? raw : raw.normalize('NFKC')
  return normal.includes("'") || normal.includes('’') ? normal.replace(/['’]/g, '') : normal
}

/** The normalised form of a sentence: its fingerprint words joined by single spaces. */
export function normaliseSentence(text: string): string {
  return fingerprintTokens(text)
    .map((token) => token.word)
    .join(' ')
}

/**
 * Words dropped from heading keys, so `Results & Impact` = `Results and Impact`
 * and `The Challenge` = `Challenge`.
 */
export const HEADING_FILLER_WORDS: ReadonlySet<string> = new Set(['the', 'and', 'a', 'an', 'our', 'of'])

/**
 * A parenthetical in a heading: `Summary (Excerpt)`, `Non-Goals (Scope Boundaries)`.
 * Tried only where a run of spaces starts (`(?<!\s)`), with the same matches as
 * `\s*\([^()]*\)`, which retried from every space of a long run and so took
 * quadratic time.
 */
const HEADING_PARENTHETICAL_RE = /(?<!\s)\s*\([^()]*\)/g

/**
 * The comparison key of a heading: mojibake repaired, parentheticals,
 * emoji, numbering, punctuation and filler words folded away. Memoised:
 * each heading is compared with every template.
 */
export const headingKey: (title: string) => string = boundedMemo((title) => computeHeadingKey(title), 500)

function computeHeadingKey(title: string): string {
  const text = repairMojibake(title).replace(HEADING_PARENTHETICAL_RE, ' ')
  const words = normaliseHeading(text).replace(/-/g, ' ').split(' ').filter((word) => word && !HEADING_FILLER_WORDS.has(word))
  return dropStrayNonAscii(words).join(' ')
}

/** A word with no ASCII letter or digit (`üéø`, an emoji left over after a lossy save). */
const NO_ASCII_WORD_RE = /^[^a-z0-9]+$/i

/**
 * Drops words without any ASCII letter or digit from a heading that has ASCII
 * words: mangled emoji that could not be repaired (`The Challenge üéØ` saved
 * without its first byte). A heading written entirely in another script is kept.
 */
function dropStrayNonAscii(words: string[]): string[] {
  const ascii = words.filter((word) => !NO_ASCII_WORD_RE.test(word))
  return ascii.length ? ascii : words
}

let macRomanReverse: Map<string, number> | null = null
let cp1252Reverse: Map<string, number> | null = null

function reverseTable(encoding: string): Map<string, number> {
  const decoder = new TextDecoder(encoding)
  const table = new Map<string, number>()
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const ch = decoder.decode(Uint8Array.of(byte))
    if (ch !== '\uFFFD' && !table.has(ch)) table.set(ch, byte)
  }
  return table
}

/** A run of non-ASCII characters (candidate mojibake). */
const NON_ASCII_RUN_RE = /[^\u0000-\u007f]{2,}/g
const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Repairs UTF-8 text that was once decoded as Mac Roman or Windows-1252
 * (`üéØ` → `🎯`, `Ã©` → `é`). A run is replaced only when every character
 * maps back to a byte and the bytes are valid UTF-8; anything else is kept.
 */
export function repairMojibake(text: string): string {
  if (/^[\u0000-\u007f]*$/.test(text)) return text
  macRomanReverse ??= reverseTable('macintosh')
  cp1252Reverse ??= reverseTable('windows-1252')
  return text.replace(NON_ASCII_RUN_RE, (run) => reencode(run, cp1252Reverse!) ?? reencode(run, macRomanReverse!) ?? run)
}

function reencode(run: string, table: Map<string, number>): string | null {
  const bytes: number[] = []
  for (const ch of run) {
    const byte = table.get(ch)
    if (byte === undefined) return null
    bytes.push(byte)
  }
  try {
    const decoded = strictUtf8.decode(Uint8Array.from(bytes))
    // A real repair shortens the text (several bytes became one character)
    // and does not start with a lone combining mark.
    return decoded.length < run.length && !/^\p{M}/u.test(decoded) ? decoded : null
  } catch {
    return null
  }
}

/** Bracketed and angle-bracket prompts: `[Project Name]`, `<add your repo URL>`. */
const PROMPT_GROUP_RE = /\[[^\[\]\n]*\]|<[^<>\n]*>/g
/** Words that carry no content of their own next to stand-ins. */
const STAND_IN_FILLER: ReadonlySet<string> = new Set(['e', 'g', 'eg', 'i', 'ie', 'and', 'or', 'the', 'a', 'an', 'x', 'y', 'z', 'n', 'etc', 'vs'])

/**
 * True when every word of `text` is a stand-in: bracketed prompts, template
 * tokens, capitals-only template words, atoms and variable letters
 * (`[Component 1]: [Description and responsibility]`, `TECH`, `X ms`). Such
 * text is left to `no-placeholders`.
 */
export function isOnlyStandIns(text: string): boolean {
  const rest = text.replace(PROMPT_GROUP_RE, ' ')
  // Stops at the first real word (most blocks start with one).
  for (const match of allMatches(rest, FINGERPRINT_WORD_RE)) {
    const folded = foldWord(match[0])
    if (isTemplateStandIn(folded)) continue
    const word = folded.toLowerCase()
    if (STAND_IN_FILLER.has(word) || /^\d+$/.test(word) || STAND_IN_UNIT_RE.test(word)) continue
    return false
  }
  return true
}

/** Units and counts that stand next to variable letters (`X ms`, `N people`). */
const STAND_IN_UNIT_RE = /^(?:ms|s|req|gb|mb|kb|week|weeks|month|months|people)$/

/** A heading as shown in messages: mojibake repaired, emoji and atoms dropped (`The Challenge üéØ` → `The Challenge`). */
export function displayTitle(title: string): string {
  const words = repairMojibake(title)
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3\uFFFC\uF8FF]/gu, '')
    .split(/\s+/)
    .filter(Boolean)
  const kept = words.filter((word) => !/^[^\p{ASCII}]+$/u.test(word) || !/[\u0080-\u00ff\u0152-\u02dc\u2013-\u2122\u2202-\u25ca\ufb01\ufb02]/u.test(word))
  return (kept.length ? kept : words).join(' ')
}
