/**
 * Quantity detection: the one place that decides whether text holds a number
 * that measures something. Every rule asks here.
 *
 * A quantity is
 * - digits with or without a unit: `120 ms`, `40%`, `3x`, `×3`, `$49`, `€2k`,
 *   `1.2M`, `2,000`, ranges `3-5`, durations `2 weeks`, times `3.2s`;
 * - a number word: `zero` … `twenty` (`one` only before a unit), tens,
 *   `hundred`, `single-digit`, `half`,
 *   `twice`, `double`, `triple`, `dozens`, `hundreds`, `thousands`, `millions`,
 *   `an order of magnitude`;
 * - a before→after pair of units: `from weeks to days`, `hours → minutes`.
 *
 * Not quantities:
 * - digits inside identifiers: `p95`, `Q4`, `Web3`, `B2B`, `S3`, `v2`,
 *   `OAuth2`, `GPT-4`, `2FA`, `3D`, hashes, versions `1.2.3`, issue refs `#12`;
 * - numbered labels: `Metric 1`, `Goal 2`, `Phase 3`, `Step 4`, a list
 *   number at the start of the text (`1. Setup`), product versions after a
 *   known product name (`Python 3`, `Node 20`);
 * - a number that opens a proper name in running text: `at 6 River Systems`;
 * - dates and clock times: a bare year `2023` (a year counts only when a unit
 *   follows, as in `2023 users`), `2023-05-01`, `05/01/2023`, `May 12`,
 *   `Q4 2023`, ordinals `3rd`, `10:30`, `9am`;
 * - placeholders: `X ms`, `z%`, `$X`, `N months` (letters are never numbers).
 */
import {allMatches} from './all-matches.js'
import {letterRe, LOWER_START_RE, UPPER_START_RE} from './letter-re.js'

export type QuantityKind = 'percent' | 'multiplier' | 'money' | 'measure' | 'count' | 'range' | 'word' | 'transition'

export interface Quantity {
  start: number
  end: number
  text: string
  kind: QuantityKind
}

/** Units that may follow a number, directly (`120ms`) or after a space (`120 ms`). Lower case. */
export const UNITS: readonly string[] = [
  // time
  'ns', 'µs', 'us', 'ms', 's', 'sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes',
  'h', 'hr', 'hrs', 'hour', 'hours', 'd', 'day', 'days', 'wk', 'wks', 'week', 'weeks', 'mo', 'mos', 'month', 'months',
  'yr', 'yrs', 'year', 'years', 'sprint', 'sprints', 'quarter', 'quarters',
  // size
  'b', 'kb', 'mb', 'gb', 'tb', 'pb', 'kib', 'mib', 'gib', 'tib', 'byte', 'bytes', 'kilobytes', 'megabytes', 'gigabytes', 'terabytes',
  // rate
  'rps', 'qps', 'tps', 'ops', 'fps', 'rpm', 'kbps', 'mbps', 'gbps', 'hz', 'khz', 'mhz', 'ghz',
  // scale
  'k', 'm', 'mm', 'bn', 'million', 'millions', 'billion', 'billions', 'thousand', 'thousands', 'hundred', 'hundreds', 'trillion',
  // ratios and points
  'x', 'times', 'fold', 'percent', 'pct', 'pp', 'bps', 'points', 'pts', 'px', 'vcpu', 'vcpus', 'cpus', 'cores', 'nodes',
  // money
  'usd', 'eur', 'gbp', 'dollars', 'euros', 'cents',
]
const UNIT_SET: ReadonlySet<string> = new Set(UNITS)
const PERCENT_WORDS: ReadonlySet<string> = new Set(['percent', 'pct', 'pp'])
const MULTIPLIER_WORDS: ReadonlySet<string> = new Set(['x', 'times', 'fold'])

/**
 * Counted nouns: they make a year-like number a count (`2000 users`, not the
 * year 2000) and a hyphenated number a measure (`5-person team`). Lower case.
 */
export const COUNT_NOUNS: ReadonlySet<string> = new Set([
  'person', 'people', 'user', 'users', 'customer', 'customers', 'engineer', 'engineers', 'developer', 'developers',
  'member', 'members', 'employee', 'employees', 'request', 'requests', 'req', 'queries', 'query', 'event', 'events',
  'ticket', 'tickets', 'order', 'orders', 'transaction', 'transactions', 'server', 'servers', 'instance', 'instances',
  'file', 'files', 'test', 'tests', 'line', 'lines', 'record', 'records', 'row', 'rows', 'download', 'downloads',
  'signup', 'signups', 'visitor', 'visitors', 'page', 'pages', 'step', 'steps', 'item', 'items', 'message', 'messages',
  'hour', 'hours', 'commit', 'commits', 'deploy', 'deploys', 'deployment', 'deployments', 'star', 'stars', 'hit', 'hits',
])
/** Units glued to the digits whose letters are case-sensitive (`1.2M`, `3B`, `4K`). */
const GLUED_CASED_UNITS: ReadonlySet<string> = new Set(['M', 'B', 'K', 'T', 'X'])

/**
 * Number words. `one` and `single` are left out on purpose: "one of", "no
 * one", "a single place", "a single source of truth" are rarely measures;
 * they count only before a unit (`one week`, `a single day`) or as
 * `single-digit`.
 */
export const NUMBER_WORDS: readonly string[] = [
  'zero', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
  'single-digit', 'half', 'twice', 'double', 'doubled', 'doubling', 'triple', 'tripled', 'tripling', 'quadruple', 'quadrupled',
  'halved', 'halving', 'tenfold', 'twofold', 'threefold', 'hundredfold',
  'dozen', 'dozens', 'hundreds', 'thousands', 'millions', 'billions',
]
/** Number-word phrases that are idioms, not measures. */
export const NUMBER_WORD_IDIOMS_RE =
  /\b(?:single[- ](?:sign[- ]on|source|page|point|responsibility|pane|threaded|handedly|tenant|file|command|click|line|place|repo(?:sitory)?)|double[- ](?:click(?:ed|ing|s)?|check(?:ed|ing|s)?|edged|down|standard|quotes?|dip(?:ping)?|booking)|half[- ](?:baked|hearted|joking(?:ly)?)|(?:a|the|my|our|his|her) other half|two[- ]way|two[- ]factor|zero[- ](?:trust|downtime deploy(?:s|ments?)?|config(?:uration)?|copy))\b/gi

/** `one` and `a single` count only before a unit: `one week`, `a single day`. */
const ONE_WITH_UNIT_RE = /\b(?:one|a single)\s+(?:second|minute|hour|day|week|month|quarter|year|sprint)s?\b/gi
/** `an order of magnitude`, `two orders of magnitude`. */
const ORDER_OF_MAGNITUDE_RE = /\borders? of magnitude\b/gi

/** Time units used in before→after pairs, smallest first. */
export const TIME_SCALE: readonly string[] = ['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years']
/** `from weeks to days`, `from hours to minutes`, `days → hours`. */
export const TRANSITION_RE =
  /\b(?:from\s+)?(milliseconds|seconds|minutes|hours|days|weeks|months|quarters|years)\s*(?:to|→|->|=>|down to|into)\s*(?:mere\s+|just\s+|a few\s+)?(milliseconds|seconds|minutes|hours|days|weeks|months|quarters|years)\b/gi

/** Words after which a bare number is a label: `Metric 1`, `Phase 2`, `Step 3`. Lower case. */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  'metric', 'metrics', 'goal', 'goals', 'non-goal', 'phase', 'step', 'stage', 'option', 'alternative', 'story', 'sprint',
  'milestone', 'iteration', 'version', 'release', 'figure', 'fig', 'table', 'section', 'part', 'chapter', 'appendix',
  'issue', 'pr', 'ticket', 'item', 'case', 'scenario', 'example', 'level', 'tier', 'round', 'week', 'day', 'q',
  'question', 'task', 'challenge', 'decision', 'requirement', 'feature', 'test', 'experiment', 'hypothesis', 'lesson',
  'rule', 'rfc', 'iso', 'adr', 'epic', 'gen', 'generation', 'series', 'model', 'type', 'class', 'grade', 'no', 'number',
  'mark', 'season', 'episode', 'volume', 'vol', 'page', 'line', 'lines', 'row', 'column', 'slide', 'module', 'lab',
  'unit', 'lecture', 'assignment', 'project', 'problem', 'exercise', 'app', 'team', 'squad', 'player', 'region', 'zone',
])

/** Product and language names whose following number is a version: `Python 3`, `Node 20`. Lower case. */
export const VERSIONED_NAMES: ReadonlySet<string> = new Set([
  'python', 'node', 'node.js', 'nodejs', 'java', 'php', 'ruby', 'rails', 'django', 'react', 'vue', 'angular', 'next.js',
  'nextjs', 'swift', 'kotlin', 'scala', 'perl', 'postgres', 'postgresql', 'mysql', 'mongodb', 'redis', 'elasticsearch',
  'windows', 'macos', 'ios', 'android', 'ubuntu', 'debian', 'centos', 'rhel', 'fedora', 'iphone', 'ipad', 'pixel',
  'galaxy', 'xbox', 'playstation', 'ps', 'http', 'http/', 'tls', 'ssl', 'ipv', 'html', 'css', 'es', 'ecmascript',
  'typescript', 'go', 'rust', 'c', 'c++', 'c#', '.net', 'dotnet', 'unity', 'unreal', 'webpack', 'vite', 'babel',
  'laravel', 'spring', 'jdk', 'jre', 'gpt', 'claude', 'llama', 'gemini', 'figma', 'bootstrap', 'tailwind', 'svelte',
  'kubernetes', 'k8s', 'docker', 'terraform', 'ansible', 'jenkins', 'gradle', 'maven', 'excel', 'office', 'word',
  'wordpress', 'drupal', 'magento', 'shopify', 'web', 'industry', 'covid', 'covid-19', 'y2k', 'apollo', 'mark',
])

/** Month names and abbreviations, for dates such as `May 12` or `12 March`. */
export const MONTH_RE = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i

/** A number, optionally with a currency sign; thousands separators and decimals included. */
export const NUMBER_RE = /([$€£¥₹]|\b(?:USD|EUR|GBP)\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/g
/** Letters, digits or reference marks right before a number make it part of an identifier (`p95`, `GPT-4`, `#12`, `§3`, `1.2.3`). */
const IDENTIFIER_BEFORE_RE = letterRe(String.raw`(?:[\p{L}\p{N}_#§@]|\p{L}[-_.]|\d\.)$`, 'u')
/** A version continues after the number: `1.2.3`, `2.x`. */
const VERSION_AFTER_RE = /^\.(?:\d|[xX]\b)/
/** A run of digits joined by separators, judged as one token: `2023-05-01`, `10:30`, `3-5`, `1.2.3`. */
const NUMERIC_RUN_RE = /^(?:[$€£¥₹]|\b(?:USD|EUR|GBP)\s?)?\d(?:[\d.,:/\-–—]*\d)?/
/** A hyphenated word after the number: `2-week`, `3-tier`. */
const HYPHEN_WORD_RE = letterRe(String.raw`^-(\p{L}+)\b`, 'u')
/** A rate after a measure: `/month`, `/s`, `/req`. */
const RATE_SUFFIX_RE = letterRe(String.raw`^\/\p{L}+`, 'u')
/** Two capitalised words after a number: `6 River Systems`. */
const PROPER_NAME_AFTER_RE = letterRe(String.raw`^\s\p{Lu}[\p{L}'’-]*\s\p{Lu}[\p{L}'’-]*`, 'u')
/** ISO and slash dates: `2023-05-01`, `05/01/2023`, `1/2/24`. */
export const DATE_RE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})/
/** A clock time: `10:30`, `9:05pm`, `9am`. */
export const CLOCK_RE = letterRe(String.raw`^(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?(?![\p{L}]))`, 'iu')
/** Ordinals: `1st`, `2nd`, `3rd`, `24th`. */
const ORDINAL_SUFFIX_RE = /^(?:st|nd|rd|th)\b/i
/** A bare year. */
export const YEAR_RE = /^(?:19|20)\d{2}$/
/** Letters glued to the end of a number (`120ms`, `2FA`). */
const GLUED_LETTERS_RE = letterRe(String.raw`^[\p{L}µ]+`, 'u')
/** A unit after a space (`120 ms`, `2 weeks`, `40 %`), or a rate (`/s`, `/month`). */
const SPACED_UNIT_RE = letterRe(String.raw`^\s?(%|[\p{L}µ]+(?:\/[\p{L}]+)?)`, 'u')
/** A range continuation: `-5`, `–5`, ` to 5`. */
const RANGE_TAIL_RE = /^(?:\s?[-–—]\s?|\s+to\s+)([$€£¥₹]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/
/** An upper-case letter. */
const UPPER_RE = letterRe(String.raw`\p{Lu}`, 'u')
/** The word after a number: `2024 users`, `12 March`. */
const NEXT_WORD_RE = letterRe(String.raw`^\s(\p{L}+)`, 'u')
/** A word made of letters and inner hyphens, before a position. */
const WORD_BEFORE_RE = letterRe(String.raw`([\p{L}][\p{L}\p{N}.#+/-]*)\s*$`, 'u')
/**
 * How far back from a number the `…_BEFORE_RE` patterns look. A pattern
 * anchored with `$` is tried from every position of its input, so giving it
 * all the text before each number made a text with many numbers quadratic;
 * no word or label they look for is this long.
 */
const LOOK_BACK = 80

/** The text just before `start`, as much as the `…_BEFORE_RE` patterns need. */
function textBefore(text: string, start: number): string {
  return text.slice(Math.max(0, start - LOOK_BACK), start)
}

/** Only spaces or tabs between the start of the text or of a line and `start`. */
function atLineStart(text: string, start: number): boolean {
  let i = start
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--
  return i === 0 || text[i - 1] === '\n'
}

/** Every quantity in `text`, in order, with `[start, end)` offsets into `text`. */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = []
  const push = (start: number, end: number, kind: QuantityKind): void => {
    found.push({start, end, text: text.slice(start, end), kind})
  }
  const idioms = spans(text, NUMBER_WORD_IDIOMS_RE)

  let skipUntil = 0
  for (const match of allMatches(text, NUMBER_RE)) {
    // The rest of a run like `2023-05-01`, `10:30` or `3-5` was judged with its first number.
    if (match.index < skipUntil) continue
    const run = NUMERIC_RUN_RE.exec(text.slice(match.index))
    skipUntil = match.index + (run ? run[0].length : match[0].length)
    const quantity = digitQuantity(text, match)
    if (quantity) push(quantity.start, quantity.end, quantity.kind)
  }
  for (const match of allMatches(text, TRANSITION_RE)) {
    const a = TIME_SCALE.indexOf(match[1].toLowerCase())
    const b = TIME_SCALE.indexOf(match[2].toLowerCase())
    if (a !== b) push(match.index, match.index + match[0].length, 'transition')
  }
  for (const re of [ONE_WITH_UNIT_RE, ORDER_OF_MAGNITUDE_RE, NUMBER_WORD_RE]) {
    for (const match of allMatches(text, re)) {
      const start = match.index
      const end = start + match[0].length
      if (idioms.some(([a, b]) => start < b && end > a)) continue
      push(start, end, 'word')
    }
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end)
  // Drop quantities nested in an earlier, longer one.
  const out: Quantity[] = []
  for (const q of found) {
    const last = out[out.length - 1]
    if (last && q.start < last.end) continue
    out.push(q)
  }
  return out
}

/** True when `text` holds at least one quantity. */
export function hasQuantity(text: string): boolean {
  return findQuantities(text).length > 0
}

const NUMBER_WORD_RE = new RegExp(`\\b(?:${NUMBER_WORDS.join('|')})\\b`, 'gi')

function spans(text: string, re: RegExp): Array<[number, number]> {
  return allMatches(text, re).map((m) => [m.index, m.index + m[0].length])
}

function digitQuantity(text: string, match: RegExpMatchArray): {start: number; end: number; kind: QuantityKind} | null {
  const currency = match[1] ?? ''
  const digits = match[2]
  const start = match.index!
  const numStart = start + currency.length
  let end = numStart + digits.length
  const before = textBefore(text, start)
  const after = text.slice(end)

  // Identifiers and versions: `p95`, `v1.2.3`, `GPT-4`, `#12`, `§3`.
  if (!currency && IDENTIFIER_BEFORE_RE.test(before)) return null
  if (VERSION_AFTER_RE.test(after)) return null
  if (DATE_RE.test(text.slice(numStart))) return null
  if (!currency && CLOCK_RE.test(text.slice(numStart))) return null

  let kind: QuantityKind = currency ? 'money' : 'count'
  const glued = GLUED_LETTERS_RE.exec(after)
  const hyphenated = HYPHEN_WORD_RE.exec(after)
  if (glued) {
    const letters = glued[0]
    if (ORDINAL_SUFFIX_RE.test(after)) return null
    if (letters === 's' && YEAR_RE.test(digits)) return null // `1990s`
    const unit = gluedUnit(letters)
    if (!unit) return null
    end += letters.length
    kind = currency ? 'money' : unit === 'x' ? 'multiplier' : 'measure'
  } else if (hyphenated) {
    // `2-week sprint`, `10-fold`, `5-person team` measure; `3-tier`, `2-factor` are labels.
    const word = hyphenated[1].toLowerCase()
    if (!UNIT_SET.has(word) && !COUNT_NOUNS.has(word)) return null
    end += hyphenated[0].length
    kind = word === 'fold' || word === 'times' || word === 'x' ? 'multiplier' : 'measure'
  } else if (after.startsWith('%')) {
    end += 1
    kind = 'percent'
  } else if (after.startsWith('×')) {
    end += 1
    kind = 'multiplier'
  } else {
    const range = RANGE_TAIL_RE.exec(after)
    if (range && YEAR_RE.test(digits) && YEAR_RE.test(range[2])) return null // `2022-2024`
    if (range) {
      if (!currency && labelBefore(before)) return null
      end += range[0].length
      kind = 'range'
      const rest = text.slice(end)
      if (rest.startsWith('%')) end += 1
      else {
        const unit = GLUED_LETTERS_RE.exec(rest) ?? SPACED_UNIT_RE.exec(rest)
        if (unit && UNIT_SET.has(unit[unit.length - 1].toLowerCase())) end += unit[0].length
      }
    } else {
      const spaced = SPACED_UNIT_RE.exec(after)
      const unit = spaced ? spaced[1].toLowerCase() : ''
      const unitWord = unit.split('/')[0]
      if (spaced && (unit === '%' || UNIT_SET.has(unitWord))) {
        end += spaced[0].length
        kind = currency ? 'money' : unit === '%' || PERCENT_WORDS.has(unitWord) ? 'percent' : MULTIPLIER_WORDS.has(unitWord) ? 'multiplier' : 'measure'
      } else if (!currency && isLabelOrName(text, start, digits, after)) {
        return null
      }
    }
  }
  // `×3`: the sign before the number.
  if (before.endsWith('×')) return {start: start - 1, end, kind: 'multiplier'}
  // A rate suffix: `$49/month`, `200/s`.
  const rate = RATE_SUFFIX_RE.exec(text.slice(end))
  if (rate) end += rate[0].length
  return {start, end, kind}
}

/** A unit glued to digits (`120ms`, `1.2M`, `3x`), or `null` for identifier letters (`2FA`, `3D`). */
function gluedUnit(letters: string): string | null {
  if (GLUED_CASED_UNITS.has(letters)) return letters.toLowerCase()
  if (letters.length === 1 && UPPER_RE.test(letters)) return null
  const lower = letters.toLowerCase()
  return UNIT_SET.has(lower) ? lower : null
}

/** The word right before `before`'s end is a label word: `Metric 1`, `Step 3-5`, `No. 4`. */
function labelBefore(before: string): boolean {
  const prev = WORD_BEFORE_RE.exec(before)
  if (!prev) return false
  const word = prev[1].replace(/\.$/, '').toLowerCase()
  return LABEL_WORDS.has(word) || VERSIONED_NAMES.has(word)
}

/** A bare number (no unit, no currency) that is a year, a label, a version, a list number or part of a name. */
function isLabelOrName(text: string, start: number, digits: string, after: string): boolean {
  const before = textBefore(text, start)
  if (YEAR_RE.test(digits)) {
    const noun = NEXT_WORD_RE.exec(after)
    return !(noun && COUNT_NOUNS.has(noun[1].toLowerCase()))
  }
  // List numbering at the start of the text or a line: `1. Setup`, `2) Deploy`.
  if (atLineStart(text, start) && /^[.):]\s/.test(after)) return true
  if (labelBefore(before)) return true
  const prev = WORD_BEFORE_RE.exec(before)
  const prevWord = prev ? prev[1] : ''
  if (MONTH_RE.test(prevWord) && UPPER_START_RE.test(prevWord) && /^\d{1,2}$/.test(digits)) return true
  // `12 March`
  const nextWord = NEXT_WORD_RE.exec(after)
  if (nextWord && MONTH_RE.test(nextWord[1]) && UPPER_START_RE.test(nextWord[1]) && /^\d{1,2}$/.test(digits)) return true
  // A proper name opened by a number in running text: `at 6 River Systems`.
  const names = PROPER_NAME_AFTER_RE.exec(after)
  if (names && LOWER_START_RE.test(prevWord)) return true
  return false
}
