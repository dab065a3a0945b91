/**
 * What a placeholder left over from a template looks like, as named patterns
 * and word lists. `no-placeholders` composes these over the document index;
 * every function here takes plain strings so it can be tested on its own.
 *
 * Kinds of placeholder:
 * - `prompt`: a bracketed or angle-bracketed prompt (`[Project Name]`, `<add your repo URL>`)
 * - `token`: a template token (`YOUR_PROJECT_NAME`, `GOAL_1`, `TRADE_OFF`)
 * - `word`: a bare template word standing alone as a value (`TECH`, `REASON`)
 * - `todo`: a to-do marker (`TODO`, `TBD`, `FIXME`, `XXX`, `Lorem ipsum`)
 * - `quantity`: a variable quantity (`X ms`, `z%`, `$X`, `N months`)
 * - `date`, `number`: masks (`YYYY-MM-DD`, `NNNN`, `X,XXX`) and bare `X`/`Y` value cells
 * - `standIn`: a numbered stand-in that is a whole value (`Goal 1`, `Metric 2`)
 */
import {allMatches} from './all-matches.js'
import {letterRe} from './letter-re.js'

export type PlaceholderKind = 'prompt' | 'token' | 'word' | 'todo' | 'quantity' | 'date' | 'number' | 'standIn'

export interface PlaceholderMatch {
  kind: PlaceholderKind
  /** Index into the searched text. */
  start: number
  end: number
  text: string
}

/** The `expected` part of a message for each kind. */
export const EXPECTED_BY_KIND: Readonly<Record<PlaceholderKind, string>> = {
  prompt: 'real content',
  token: 'real content',
  word: 'real content',
  todo: 'finished text',
  quantity: 'a measured value',
  date: 'a real date',
  number: 'a real number',
  standIn: 'real content',
}

const URL_WORDS_RE = /(?:\b|_)(?:url|link|href|website)(?:\b|_)/i
const DATE_WORDS_RE = /\bY{4}\b|(?:\b|_)date(?:\b|_)/i

/** `expected` for a placeholder, refined by what the placeholder asks for (`<URL>` → a real URL). */
export function expectedFor(kind: PlaceholderKind, text: string): string {
  if (kind === 'prompt' || kind === 'token') {
    if (URL_WORDS_RE.test(text)) return 'a real URL'
    if (DATE_WORDS_RE.test(text)) return 'a real date'
  }
  return EXPECTED_BY_KIND[kind]
}

// ---------------------------------------------------------------------------
// Shared helpers

const WORD_CHAR_RE = letterRe(String.raw`[\p{L}\p{N}_]`, 'u')
const LATIN_START_RE = /^[A-Za-z]/
const LETTER_WORD_RE = /[A-Za-z]{2,}/g
const NON_LATIN_LETTER_RE = /[^\P{L}A-Za-z\u00C0-\u024F]/u
const OBJECT_CHAR = '\uFFFC'

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR_RE.test(ch)
}

function letterWords(text: string): number {
  return text.match(LETTER_WORD_RE)?.length ?? 0
}

/** Start index of the sentence that contains `index` (after the last `.`, `!`, `?` or newline). */
function sentenceAround(text: string, index: number, end: number): string {
  let a = index
  while (a > 0 && !/[.!?\n]/.test(text[a - 1])) a--
  let b = end
  while (b < text.length && !/[.!?\n]/.test(text[b])) b++
  return text.slice(a, b)
}

/** Whether `index` sits inside a double-quoted stretch of `text`. */
function insideQuotes(text: string, index: number): boolean {
  const before = text.slice(0, index)
  const straight = (before.match(/"/g) ?? []).length
  if (straight % 2 === 1) return true
  return before.lastIndexOf('\u201C') > before.lastIndexOf('\u201D')
}

// ---------------------------------------------------------------------------
// Bracketed prompts: `[Project Name]`, `[Describe the problem you set out to solve]`

/** Text in square brackets on one line, no nested brackets. Group 1 is the content. */
export const BRACKET_PROMPT_RE = /\[([^[\]\n]{1,200})\]/g

/** Quotation elisions and editorial marks (`[...]`, `[sic]`, `[citation needed]`). */
export const EDITORIAL_BRACKET_RE =
  /^(?:\.{3}|…|sic!?|citation needed|clarification needed|emphasis (?:added|mine|in original)|redacted|inaudible|laughs?|laughter|applause|crosstalk|translated|translation mine|paraphrased|toc|_toc_)$/i

/** Editorial notes in brackets: `[Update: …]`, `[Edit 2024-01-02]`, `[Note - …]`. */
export const EDITORIAL_NOTE_RE = /^(?:edit(?:ed)?|update[ds]?|note|n\.b\.|p\.?s\.?|correction|addendum|disclaimer|spoiler|tl;?dr|aside)\b/i

/** Status and log tags that are content, not prompts (`[WIP]`, `[INFO]`, `[Beta]`). */
export const STATUS_TAGS: ReadonlySet<string> = new Set([
  'wip', 'draft', 'rfc', 'beta', 'alpha', 'preview', 'deprecated', 'new', 'outdated', 'archived', 'experimental',
  'obsolete', 'breaking', 'fixed', 'resolved', 'solved', 'closed', 'done', 'info', 'warn', 'warning', 'error',
  'debug', 'trace', 'fatal', 'ok', 'pass', 'passed', 'fail', 'failed', 'success', 'critical', 'skip', 'skipped',
  'enter', 'esc', 'tab', 'ctrl', 'shift', 'alt', 'cmd', 'space', 'backspace', 'delete', 'return',
])

/** Lower-case annotations in API docs: `(Boolean [optional])`. */
export const LOWERCASE_ANNOTATIONS: ReadonlySet<string> = new Set(['optional', 'required', 'default', 'deprecated', 'readonly', 'experimental'])

/** Citation keys of standards: `[RFC 6455]`, `[ISO 8601]`, `[PEP 8]`. */
export const STANDARD_CITATION_RE = /^(?:RFC|BCP|STD|ISO|IEC|IEEE|ECMA|ECMA-\d+|W3C|WHATWG|FIPS|NIST|CVE|GHSA|PEP|JSR|KEP|ADR|SEP|TC39)[- ]?[\w.-]*$/i

/** Upper-case words that are prompts even alone in brackets (`[NAME]`); other lone upper-case keys are citations (`[UNICODE]`). */
export const UPPERCASE_PROMPT_WORDS: ReadonlySet<string> = new Set(
  (
    'NAME DATE URL LINK TITLE COMPANY CLIENT PROJECT PRODUCT EMAIL PHONE ADDRESS ROLE TEAM DESCRIPTION SUMMARY IMAGE LOGO ' +
    'YEAR MONTH NUMBER VALUE AMOUNT PRICE PLACEHOLDER INSERT TEXT CONTENT DETAILS TECHNOLOGY TECH FEATURE METRIC RESULT'
  ).split(' '),
)

/**
 * API and code notation in brackets: camelCase, snake_case and mixed-case
 * identifiers (`[optionsOrSettings]`, `[macro_escape]`, `[GSUtil]`), `a|b`
 * unions, paths (`a::b`) and calls (`[cfg(unix)]`).
 */
export const IDENTIFIER_NOTATION_RE = /^[a-z]+(?:[A-Z][a-z0-9]*)+$|^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[A-Za-z]+[a-z][A-Z][A-Za-z0-9]*$|^[A-Z]{2,}[a-z][A-Za-z0-9]*$|\||::|\w\(/

/** Intervals, arrays and letter lists: `[0, 1]`, `[1, 2, 3]`, `[a, b]`. */
export const LIST_LITERAL_RE = /^\s*[\w.+-]{1,4}(?:\s*[,;]\s*[\w.+-]{1,4})+\s*$/

/** Arrays of identifiers: `[arm, arm64/aarch64, x86_64]` (one token per item, some with digits, `_` or `/`). */
export const IDENTIFIER_LIST_RE = /^\s*[\w./+-]+(?:\s*,\s*[\w./+-]+)+\s*$/

/** Arrows that join diagram-like node labels in prose: `[Webhook] → [HTTP Request]`. */
export const ARROW_BEFORE_RE = /(?:→|⟶|⇒|->|=>|←|⟵|⇐|<-|<=|↔|<->|\|)\s*$/
export const ARROW_AFTER_RE = /^\s*(?:→|⟶|⇒|->|=>|←|⟵|⇐|<-|<=|↔|<->|\|)/

/**
 * An optional argument in a call signature: `walk(path, [options], callback)`,
 * `new Headers([init])`. The enclosing `(` follows a name; `([Date])` in prose does not.
 */
function isOptionalArgument(text: string, start: number, end: number): boolean {
  if (!/[(,]\s*$/.test(text.slice(Math.max(0, start - 3), start)) || !/^\s*[,)]/.test(text.slice(end, end + 3))) return false
  let depth = 0
  for (let i = start - 1; i >= 0 && i >= start - 120 && text[i] !== '\n'; i--) {
    if (text[i] === ')' || text[i] === ']') depth++
    else if (text[i] === '[' && depth > 0) depth--
    else if (text[i] === '(') {
      if (depth > 0) depth--
      else return isWordChar(text[i - 1])
    }
  }
  return false
}

/** Whether the bracketed `content` found at `start`…`end` of `text` is a template prompt. */
export function isBracketPrompt(text: string, start: number, end: number, options: {quoteAware?: boolean} = {}): boolean {
  const content = text.slice(start + 1, end - 1).trim()
  const before = text[start - 1]
  const after = text[end]
  // `array[0]`, `ref[1]`, `:::tip[Label]`, `![alt]`, `[a][b]`, `[^1]`: not prose prompts.
  // `#[derive]` is an attribute; `[[Page]]` is a wiki link.
  if (isWordChar(before) || before === ']' || before === '[' || before === '!' || before === '^' || before === ')' || before === '#') return false
  if (after === '[' || after === '(' || after === ']') return false
  if (content.length <= 1 || content.includes(OBJECT_CHAR)) return false
  if (!LATIN_START_RE.test(content)) {
    // `[2-3 paragraphs about the context]` still reads as a prompt.
    if (!/^\d/.test(content) || letterWords(content) < 3) return false
  }
  if (NON_LATIN_LETTER_RE.test(content)) return false
  if (EDITORIAL_BRACKET_RE.test(content) || EDITORIAL_NOTE_RE.test(content)) return false
  if (STATUS_TAGS.has(content.toLowerCase()) || LOWERCASE_ANNOTATIONS.has(content)) return false
  if (STANDARD_CITATION_RE.test(content) || IDENTIFIER_NOTATION_RE.test(content)) return false
  if (/^[A-Z][A-Z0-9_-]+$/.test(content) && !UPPERCASE_PROMPT_WORDS.has(content)) return false
  if (LIST_LITERAL_RE.test(content) || (IDENTIFIER_LIST_RE.test(content) && /[\d_/]/.test(content))) return false
  if (isOptionalArgument(text, start, end)) return false
  // A path pattern (`github.com/[owner]/[repo]`) or a quoted literal (`'[Circular]'`).
  if (before === '/' || after === '/') return false
  if (before !== undefined && after !== undefined && /["'‘“]/.test(before) && /["'’”]/.test(after)) return false
  if (/:\/\/|^www\./i.test(content)) return false
  if (ARROW_BEFORE_RE.test(text.slice(Math.max(0, start - 6), start)) || ARROW_AFTER_RE.test(text.slice(end, end + 6))) return false
  // A lower-case insertion inside a quotation: "we [the platform team] decided".
  if ((options.quoteAware ?? true) && /^[a-z]/.test(content) && content.includes(' ') && insideQuotes(text, start)) return false
  return true
}

// ---------------------------------------------------------------------------
// Angle-bracket prompts written as text: `<What / Who / Main outcome.>`, `<...>`

/**
 * Text in angle brackets that did not parse as HTML. An arrow (`->`, `=>`)
 * inside is allowed; the content neither starts nor ends with a space.
 */
export const ANGLE_PROMPT_RE = /<([^<>\s](?:[^<>\n]|[-=]>)*?[^<>\s=-]|[^<>\s])>/g

/** Generic type parameters written in prose. */
export const TYPE_PARAMETER_RE = /^[A-Z](?:\s*:|\s+(?:as|extends|implements|super|where)\b)/

/** Whether the angle-bracketed text at `start`…`end` of `text` is a prompt. */
export function isAnglePrompt(text: string, start: number, end: number, options: {quoteAware?: boolean} = {}): boolean {
  const content = text.slice(start + 1, end - 1)
  // A quoted instruction to the reader: "Landed in <commit hash>".
  if ((options.quoteAware ?? true) && /^[a-z]/.test(content) && insideQuotes(text, start)) return false
  if (isWordChar(text[start - 1]) || text[start - 1] === '<' || isWordChar(text[end])) return false
  if (/^(?:\.{2,}|…)$/.test(content)) return true
  if (content.includes(OBJECT_CHAR) || NON_LATIN_LETTER_RE.test(content)) return false
  // Type parameters: `<T as Trait>`, `<T extends Base>`, `<T: Clone>`.
  if (TYPE_PARAMETER_RE.test(content)) return false
  // One word: only an upper-case stand-in (`<URL>`); `\<br>` or `<username>` names a tag or a variable.
  if (!/[\s_-]/.test(content.trim())) return /^[A-Z]{2,}$/.test(content) && !HTML_ELEMENTS.has(content.toLowerCase())
  // `<K, V>` and `<1, 2>` are tuples; `<A, B, C>` is a prompt listing examples.
  if (LIST_LITERAL_RE.test(content)) return !/\d/.test(content) && content.split(/[,;]/).length >= 3
  if (!/^[A-Za-z0-9.]/.test(content) || letterWords(content) === 0) return false
  if (/^[\d.]/.test(content) && letterWords(content) < 3) return false
  if (/:\/\/|^www\.|^[^\s@]+@[^\s@]+$/i.test(content)) return false
  return true
}

// ---------------------------------------------------------------------------
// Angle-bracket prompts that parsed as HTML: `<Project Name>`, `<add your repo URL>`, `<URL>`

/** An opening tag with bare words only (no `=`, quotes or `/`). Group 1 the name, group 2 the words. */
export const HTML_PROMPT_TAG_RE = /<([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s<>="'/]+)*)\s*>/g

/** HTML element names (current and legacy); a prompt does not start with one unless its words are not attributes. */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br button canvas caption center ' +
    'cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font ' +
    'footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link ' +
    'main map mark marquee menu meta meter nav nobr noscript object ol optgroup option output p param picture pre progress q ' +
    'rp rt ruby s samp script search section select slot small source span strike strong style sub summary sup svg table ' +
    'tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr math'
  ).split(' '),
)

/** Attributes written without a value on real HTML (`<details open>`, `<video controls muted>`). */
export const BOOLEAN_ATTRIBUTES: ReadonlySet<string> = new Set(
  (
    'allowfullscreen async autofocus autoplay border checked compact controls crossorigin default defer disabled download ' +
    'formnovalidate hidden inert ismap itemscope loop multiple muted nomodule noresize noshade novalidate nowrap open ' +
    'playsinline readonly required reversed scoped selected'
  ).split(' '),
)

/**
 * Prompts inside an HTML node's source: opening tags whose words are not an
 * element with boolean attributes. `closed` holds tag names that have a
 * closing tag in the document (components such as `<Note>…</Note>`);
 * `precededBy` is the source character before the node.
 */
export function findHtmlPrompts(value: string, closed: ReadonlySet<string>, precededBy = ''): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = []
  for (const match of allMatches(value, HTML_PROMPT_TAG_RE)) {
    const name = match[1]
    const words = match[2].trim() === '' ? [] : match[2].trim().split(/\s+/)
    const start = match.index
    // `Vec<T>`, `Option<String>`: generics, not prompts.
    if (isWordChar(start === 0 ? precededBy : value[start - 1])) continue
    if (closed.has(name)) continue
    if (NON_LATIN_LETTER_RE.test(match[0]) || TYPE_PARAMETER_RE.test(match[0].slice(1, -1).trim())) continue
    if (HTML_ELEMENTS.has(name.toLowerCase())) {
      // `<details open>`, `<div x-cloak>`: markup. `<link to docs>`: a prompt that starts with an element name.
      if (words.every((word) => BOOLEAN_ATTRIBUTES.has(word.toLowerCase()))) continue
      if (words.length === 1 && /^[a-z][a-z-]*$/.test(words[0])) continue
    } else if (words.length === 0 && !/^[A-Z]{2,}$/.test(name)) {
      // `<Intro>`, `<username>`: a component or a reader's variable, not clearly a prompt.
      continue
    }
    found.push({kind: 'prompt', start, end: start + match[0].length, text: match[0]})
  }
  return found
}

// ---------------------------------------------------------------------------
// Template tokens: `YOUR_PROJECT_NAME`, `GOAL_1`, `NON_GOAL_2`, `ALT_1`, `TRADE_OFF`

/** Upper-case words joined by underscores (markdown escapes already removed). */
export const TEMPLATE_TOKEN_RE = letterRe(String.raw`(?<![\p{L}\p{N}_$\\])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\p{L}\p{N}_])`, 'gu')

/** A part that marks a token as a placeholder wherever it appears. */
export const TOKEN_MARKER_PARTS: ReadonlySet<string> = new Set(['YOUR', 'MY', 'PLACEHOLDER', 'INSERT', 'TODO', 'TBD'])

/**
 * Template nouns: a token made only of these (`TRADE_OFF`, `PERFORMANCE_IMPROVEMENT`)
 * or of these plus a number (`GOAL_1`, `CHALLENGE_5`) is a template token.
 * Technical nouns (`NAME`, `URL`, `KEY`) are left out so `DATABASE_URL` and
 * `IMAGE_NAME` stay environment variables.
 */
export const TEMPLATE_TOKEN_NOUNS: ReadonlySet<string> = new Set(
  (
    'GOAL NON ALT ALTERNATIVE CHALLENGE FEATURE LEARNING LESSON IMPROVEMENT PERFORMANCE TRADE OFF TECH TECHNOLOGY REASON ' +
    'RATIONALE SOLUTION DIFFICULTY ROLE METRIC RESULT OUTCOME IMPACT RISK DECISION REQUIREMENT CONSTRAINT COMPONENT ' +
    'MILESTONE BENEFIT ITEM POINT PROBLEM APPROACH SUMMARY ACHIEVEMENT RECOMMENDATION TAKEAWAY INSIGHT HIGHLIGHT SKILL ' +
    'OBJECTIVE DELIVERABLE RESPONSIBILITY PROJECT'
  ).split(' '),
)

/** Extra nouns allowed in the stem of a numbered token (`IMAGE_1`, `LINK_2`). */
export const NUMBERED_TOKEN_NOUNS: ReadonlySet<string> = new Set(
  'NAME TITLE DESCRIPTION LINK URL IMAGE SCREENSHOT EXAMPLE STEP TOOL TAG KEYWORD CATEGORY PRO CON USE CASE PAIN'.split(' '),
)

/** Things a template names (`PROJECT_NAME`, `COMPANY_DESCRIPTION`); with a describing part they are stand-ins. */
export const TOKEN_SUBJECTS: ReadonlySet<string> = new Set(['PROJECT', 'COMPANY', 'CLIENT', 'PRODUCT', 'AUTHOR', 'CUSTOMER'])
export const TOKEN_DESCRIBERS: ReadonlySet<string> = new Set(['NAME', 'TITLE', 'DESCRIPTION', 'SUMMARY', 'TAGLINE'])

/** Whether an upper-case underscore token is a template placeholder rather than a constant or environment variable. */
export function isTemplateToken(token: string): boolean {
  const parts = token.split('_')
  if (parts.some((part) => TOKEN_MARKER_PARTS.has(part))) return true
  if (parts.length === 2 && TOKEN_SUBJECTS.has(parts[0]) && TOKEN_DESCRIBERS.has(parts[1])) return true
  const last = parts[parts.length - 1]
  const numbered = /^(?:\d{1,2}|[A-Z])$/.test(last)
  const stem = numbered ? parts.slice(0, -1) : parts
  if (stem.length === 0 || (!numbered && stem.length < 2)) return false
  return stem.every((part) => TEMPLATE_TOKEN_NOUNS.has(part) || (numbered && NUMBERED_TOKEN_NOUNS.has(part)))
}

/** A mustache variable in capitals (`{{PROJECT_NAME}}`, `{{ CLIENT }}`); lower-case `{{ site.url }}` is site templating. */
export const MUSTACHE_TOKEN_RE = /\{\{\s*[A-Z][A-Z0-9_]*\s*\}\}/g

/** A token introduced as something the reader substitutes: "Replace YOUR_API_KEY with …". */
export const READER_SUBSTITUTION_RE = /\b(?:replace|substitute|swap)\b/i

// ---------------------------------------------------------------------------
// To-do markers

export const TODO_MARKER_RE = letterRe(String.raw`(?<![\p{L}\p{N}_-])(?:TODO|TBD|TBA|FIXME|XXX|TKTK)(?![\p{L}\p{N}_-]|\.[A-Za-z])`, 'gu')
export const LOREM_IPSUM_RE = /\blorem ipsum\b/gi

/** Nouns after a marker that make it a mention (`a TODO app`, `FIXME comments`). */
export const TODO_MENTION_FOLLOWERS_RE =
  /^\s*(?:apps?|applications?|lists?|items?|comments?|tags?|markers?|notes?|examples?|components?|tasks?|counts?|entries|entry|tests?|options?|mode|flags?|status|states?)\b/i
/** Articles and determiners before a marker that make it a noun (`the TODO in the loop`). */
export const TODO_MENTION_BEFORE_RE = /\b(?:a|an|the|this|that|these|those|each|every|any|no|our|your|its|their)\s+$/i

/** A word in quotation marks is mentioned, not used: `"YYYY-MM-DD"`, `'TODO'`. */
function isQuotedMention(text: string, start: number, end: number): boolean {
  const before = text[start - 1]
  const after = text[end]
  return before !== undefined && after !== undefined && /["'‘“`]/.test(before) && /["'’”`]/.test(after)
}

function isTodoMarker(text: string, start: number, end: number): boolean {
  if (isQuotedMention(text, start, end)) return false
  if (TODO_MENTION_FOLLOWERS_RE.test(text.slice(end, end + 16))) return false
  if (TODO_MENTION_BEFORE_RE.test(text.slice(Math.max(0, start - 8), start))) return false
  return true
}

// ---------------------------------------------------------------------------
// Variable quantities: `X ms`, `y ms`, `z%`, `X weeks/months`, `N months`, `$X`, `XX%`, `Xms`, `X/week`

/** Units after a variable letter (with or without a space). */
export const QUANTITY_UNITS: readonly string[] = [
  'ms', 'µs', 'us', 'ns', 'secs?', 'seconds?', 'mins?', 'minutes?', 'hrs?', 'hours?', 'days?', 'weeks?', 'months?',
  'years?', 'quarters?', 'KB', 'MB', 'GB', 'TB', 'PB', 'Kb', 'Mb', 'Gb', 'kB', 'KiB', 'MiB', 'GiB', 'TiB', 'Mbps', 'Gbps',
  'req/s', 'req/sec', 'req/min', 'reqs?', 'requests', 'rps', 'RPS', 'qps', 'QPS', 'tps', 'TPS', 'ops/s', 'ops', 'fps',
  'FPS', 'users', 'people', 'customers', 'clients', 'engineers', 'developers', 'members', 'employees', 'visitors',
  'signups', 'downloads', 'installs', 'orders', 'transactions', 'sessions', 'queries', 'events', 'messages', 'tickets',
  'incidents', 'bugs', 'errors', 'times', 'points', 'pts', 'stars', 'lines', 'LOC', 'files', 'services', 'nodes',
  'servers', 'instances', 'pods', 'containers', 'regions', 'countries', 'USD', 'EUR', 'GBP', 'dollars', 'hours/week',
]

/** Units that `N` takes: durations and percentages (`N months`); `N` with other nouns is algorithm prose. */
export const N_UNITS_RE = /^(?:%|(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?|quarters?)\b)/

const VAR = String.raw`(?:[XYZN]{1,3}|[xyz])(?:[.,][XYZN]{1,3})*`
const PER = String.raw`/(?:s|sec|min|hr|hour|day|week|month|year|user|request)\b`
const UNIT = String.raw`(?:\s?%|${PER}|\s?(?:${QUANTITY_UNITS.join('|')})(?:/(?:s|sec|min|hour|day|week|month|year|weeks|months|years))?(?![\p{L}\p{N}_]))`

/**
 * A variable letter with a unit (`X ms`, `X-Y ms`), or money (`$X`, `$XK`,
 * `$X,XXX`; not TeX `$X$`). The letter is not glued to a word or number
 * (`10x`, `Xcode`).
 */
export const VARIABLE_QUANTITY_RE = letterRe(
  String.raw`(?<![\p{L}\p{N}_$€£.\-/])(?:${VAR}(?:\s?[-–]\s?${VAR})?${UNIT}|[$€£]X{1,3}(?:[.,]X{1,3})*(?:[KMB]|\s?(?:k|million|billion|thousand))?(?![\p{L}\p{N}_$]))`,
  'gu',
)

/** Capitalised words that name something before a letter (`Gen Z users`, `Series X`, `Model Y`). */
export const LETTER_NAME_PREFIXES: ReadonlySet<string> = new Set(
  (
    'gen generation series model project company client customer team version type plan phase option windows mac os xbox ' +
    'iphone galaxy pixel android day part figure fig table appendix section vitamin route chapter level tier grade class'
  ).split(' '),
)

/** Words before `N` that make it a configured interval (`every N minutes`). */
const N_INTERVAL_BEFORE_RE = /\b(?:every|each|per|last|first|next)\s+$/i

function isVariableQuantity(text: string, start: number, end: number): boolean {
  const match = text.slice(start, end)
  const previous = /([A-Za-z]+)\.?\s+$/.exec(text.slice(Math.max(0, start - 24), start))
  if (previous && LETTER_NAME_PREFIXES.has(previous[1].toLowerCase())) return false
  if (match.startsWith('N')) {
    const unit = match.replace(/^N+(?:\s?[-–]\s?N+)?\s?/, '')
    if (!N_UNITS_RE.test(unit)) return false
    if (N_INTERVAL_BEFORE_RE.test(text.slice(Math.max(0, start - 8), start))) return false
  }
  // `2 x 3 GB`: a multiplication sign, not a variable.
  if (/^[xyz]/.test(match) && /\d\s*$/.test(text.slice(Math.max(0, start - 4), start))) return false
  return true
}

// ---------------------------------------------------------------------------
// Date and number masks

/** `YYYY-MM-DD`, `MM/DD/YYYY`, `DD.MM.YYYY`, `YYYY-MM`, `YYYY`, `2024-XX-XX`, `20XX`. */
export const DATE_MASK_RE =
  letterRe(String.raw`(?<![\p{L}\p{N}_])(?:Y{4}[-/.]MM(?:[-/.]DD)?(?:[ T]HH:MM(?::SS)?)?|(?:MM|DD)[-/.](?:DD|MM)[-/.](?:Y{4}|YY)|MM[-/]Y{4}|Y{4}|\d{4}-(?:XX|MM)(?:-(?:XX|DD))?|(?:19|20)XX)(?![\p{L}\p{N}_])`, 'gu')

/** `NNNN`, `X,XXX`, `XX,XXX`, `XXX-XXX-XXXX`. */
export const NUMBER_MASK_RE = letterRe(String.raw`(?<![\p{L}\p{N}_$€£])(?:N{3,}|X{1,3}(?:,X{3})+|X{3}-X{3}-X{4})(?![\p{L}\p{N}_])`, 'gu')

/** A sentence that describes a format rather than leaving a value blank ("dates use the YYYY-MM-DD format"). */
export const FORMAT_DESCRIPTION_RE = /\bformat|\bpattern\b|\bISO[ -]?8601\b|\bstrftime\b|\bparse/i

// ---------------------------------------------------------------------------
// Finding all inline placeholders in a prose string

interface Candidate extends PlaceholderMatch {
  priority: number
}

/**
 * Every placeholder in `text` (a block's prose, a front-matter string):
 * bracketed and angle-bracketed prompts, template tokens, to-do markers,
 * variable quantities and masks. Overlapping matches keep the earliest, then
 * the longest.
 */
export function findInlinePlaceholders(text: string, options: {quoteAware?: boolean} = {}): PlaceholderMatch[] {
  const candidates: Candidate[] = []
  const add = (kind: PlaceholderKind, start: number, end: number, priority: number): void => {
    candidates.push({kind, start, end, text: text.slice(start, end), priority})
  }
  for (const m of matchAllHinted(text, BRACKET_PROMPT_RE)) {
    const end = m.index + m[0].length
    if (isBracketPrompt(text, m.index, end, options)) add('prompt', m.index, end, 0)
  }
  for (const m of matchAllHinted(text, ANGLE_PROMPT_RE)) {
    const end = m.index + m[0].length
    if (isAnglePrompt(text, m.index, end, options)) add('prompt', m.index, end, 0)
  }
  for (const m of matchAllHinted(text, TEMPLATE_TOKEN_RE)) {
    if (!isTemplateToken(m[0])) continue
    const end = m.index + m[0].length
    if (m[0].split('_').includes('YOUR') && READER_SUBSTITUTION_RE.test(sentenceAround(text, m.index, end))) continue
    add('token', m.index, end, 1)
  }
  for (const m of matchAllHinted(text, MUSTACHE_TOKEN_RE)) add('token', m.index, m.index + m[0].length, 0)
  for (const m of matchAllHinted(text, VARIABLE_QUANTITY_RE)) {
    const end = m.index + m[0].length
    if (isVariableQuantity(text, m.index, end)) add('quantity', m.index, end, 2)
  }
  for (const m of matchAllHinted(text, DATE_MASK_RE)) {
    const end = m.index + m[0].length
    if (FORMAT_DESCRIPTION_RE.test(sentenceAround(text, m.index, end)) || isQuotedMention(text, m.index, end)) continue
    add('date', m.index, end, 3)
  }
  for (const m of matchAllHinted(text, NUMBER_MASK_RE)) add('number', m.index, m.index + m[0].length, 3)
  for (const m of matchAllHinted(text, TODO_MARKER_RE)) {
    const end = m.index + m[0].length
    if (isTodoMarker(text, m.index, end)) add('todo', m.index, end, 4)
  }
  for (const m of matchAllHinted(text, LOREM_IPSUM_RE)) add('todo', m.index, m.index + m[0].length, 4)
  return resolveOverlaps(candidates)
}

/**
 * A cheap test that every match of a pattern needs to pass (a character or
 * literal the pattern cannot match without): most text has none, and the
 * full pattern, with its look-behind and long alternations, is skipped.
 * `test/text/placeholder-hints.test.ts` checks each hint never misses a match.
 */
/** A variable letter not glued to a word, or a currency sign before `X`: where `VARIABLE_QUANTITY_RE` can match. */
const VARIABLE_QUANTITY_HINT_RE = letterRe(String.raw`(?<![\p{L}\p{N}_$€£.\-/])[XYZNxyz]|[$€£]X`, 'u')
export const PATTERN_HINTS: ReadonlyMap<RegExp, (text: string) => boolean> = new Map<RegExp, (text: string) => boolean>([
  [BRACKET_PROMPT_RE, (text) => text.includes('[')],
  [ANGLE_PROMPT_RE, (text) => text.includes('<')],
  [TEMPLATE_TOKEN_RE, (text) => text.includes('_')],
  [MUSTACHE_TOKEN_RE, (text) => text.includes('{{')],
  [VARIABLE_QUANTITY_RE, (text) => VARIABLE_QUANTITY_HINT_RE.test(text)],
  [DATE_MASK_RE, (text) => text.includes('YYYY') || text.includes('MM') || text.includes('DD') || text.includes('XX')],
  [NUMBER_MASK_RE, (text) => text.includes('NNN') || text.includes(',XXX') || text.includes('XXX-')],
  [TODO_MARKER_RE, (text) => /T(?:ODO|BD|BA|KTK)|FIXME|XXX/.test(text)],
  [LOREM_IPSUM_RE, (text) => /lorem/i.test(text)],
])

const NO_MATCHES: readonly RegExpExecArray[] = []

/** Every match of `re` in `text`, or none at once when the pattern's hint rules a match out. */
function matchAllHinted(text: string, re: RegExp): Iterable<RegExpExecArray> {
  const hint = PATTERN_HINTS.get(re)
  return hint && !hint(text) ? NO_MATCHES : allMatches(text, re)
}

function resolveOverlaps(candidates: Candidate[]): PlaceholderMatch[] {
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.priority - b.priority)
  const kept: PlaceholderMatch[] = []
  let reach = -1
  for (const {priority: _priority, ...candidate} of candidates) {
    if (candidate.start < reach) continue
    kept.push(candidate)
    reach = candidate.end
  }
  return kept
}

// ---------------------------------------------------------------------------
// Whole values: bare template words, numbered stand-ins, bare letters

/** Template words that are placeholders when they stand alone as a value in capitals (`| TECH |`, `* FEATURE -- …`). */
export const BARE_TEMPLATE_WORDS: ReadonlySet<string> = new Set(
  (
    'TECH TECHNOLOGY REASON RATIONALE ALTERNATIVE ALTERNATIVES FEATURE SOLUTION DIFFICULTY CHALLENGE APPROACH OUTCOME ' +
    'LEARNING IMPROVEMENT BENEFIT DECISION TRADEOFF PLACEHOLDER'
  ).split(' '),
)

/** A capitalised word at the start of a value, followed by the end or by guidance (`--`, `—`, `:`, `(`). */
export const BARE_WORD_VALUE_RE = /^\s*([A-Z]{3,})(?=\s*(?:$|--|—|–|:|\(|,|;|\/))/

/** The bare template word at the start of `value`, if any. */
export function findBareTemplateWord(value: string): PlaceholderMatch | null {
  const match = BARE_WORD_VALUE_RE.exec(value)
  if (!match || !BARE_TEMPLATE_WORDS.has(match[1])) return null
  const start = match[0].length - match[1].length
  return {kind: 'word', start, end: match[0].length, text: match[1]}
}

/**
 * Nouns that templates number as stand-ins (`Goal 1`, `Metric 2`, `Key Feature 3`).
 * Sequence nouns (`Step`, `Phase`, `Story`, `Day`, `Part`) are content and not listed.
 */
export const STAND_IN_NOUNS: readonly string[] = [
  'goal', 'non-goal', 'metric', 'kpi', 'skill', 'feature', 'requirement', 'constraint', 'component', 'improvement',
  'lesson', 'success', 'change', 'vision', 'challenge', 'achievement', 'point', 'recommendation', 'takeaway', 'learning',
  'highlight', 'insight', 'benefit', 'outcome', 'result', 'deliverable', 'objective', 'responsibility', 'tool',
  'technology', 'item', 'keyword', 'tag', 'category', 'pro', 'con', 'risk', 'decision', 'approach', 'alternative',
  'option', 'screenshot', 'image', 'example', 'module', 'use case', 'pain point', 'problem', 'solution', 'bullet',
  'description', 'detail', 'task', 'question', 'answer', 'quote', 'testimonial', 'reference', 'resource', 'link',
]

/**
 * A whole value that is a numbered stand-in, after bullets, check marks and a
 * trailing colon are trimmed: up to two describing words, a stand-in noun, a
 * number (`Goal 1`, `Key Feature 2`, `Full code example 1`).
 */
export const STAND_IN_RE = new RegExp(
  String.raw`^(?:[A-Za-z][\w'-]*\s+){0,2}(?:${STAND_IN_NOUNS.join('|')})(?:\s+(?:name|title|description|item))?\s+(?:\d{1,2}|[A-C])$`,
  'i',
)

const VALUE_LEAD_RE = /^[\s✓✔✗✘☐☑•·*+-]+/

/**
 * `value` without leading bullets and ticks and trailing spaces and dots. The
 * end is trimmed with a loop: `[\s.]+$` retries from every space of a long
 * run and so takes quadratic time.
 */
function trimValue(value: string): string {
  const start = VALUE_LEAD_RE.exec(value)?.[0].length ?? 0
  let end = value.length
  while (end > start && /[\s.]/.test(value[end - 1])) end--
  return value.slice(start, end)
}

/** The numbered stand-in that makes up all of `value` (`Goal 1`, `✓ Pro 1`), if it is one. */
export function findNumberedStandIn(value: string): PlaceholderMatch | null {
  // `Example 1:` introduces what follows; it is a label, not a stand-in.
  if (/[:：]\s*$/.test(value)) return null
  const trimmed = trimValue(value)
  if (!STAND_IN_RE.test(trimmed)) return null
  const start = value.indexOf(trimmed)
  return {kind: 'standIn', start, end: start + trimmed.length, text: trimmed}
}

/** A value cell that is only a variable letter. */
export const BARE_LETTER_RE = /^\s*([XYZN])\s*$/

/** Column headers that hold measured values (`Value`, `Target`, `Before`, `After`). */
export const VALUE_HEADER_RE =
  /\b(?:value|target|before|after|result|baseline|current|actual|goal|improvement|change|delta|measured|count|total|average|avg|score|estimate|p\d{2})\b/i

// ---------------------------------------------------------------------------
// Link and image targets, code-fence languages, front matter

/** Whole link targets that are stand-ins: `url`, `link`, `#`, `...`. */
export const PLACEHOLDER_URL_RE =
  /^(?:url|link|href|path|todo|tbd|tba|xxx|\.{2,}|…|placeholder|here|insert[-_ ]?(?:url|link|here)|(?:your|my)[-_ ]?(?:url|link)|https?:\/\/)$/i

/**
 * Parts of a link target that are stand-ins: `link-to-diagram`, `<img1>`,
 * `your-username`, `YOUR_GITHUB_URL`, `via.placeholder.com`, `placeholder.png`. Square brackets are not: `pages/[slug].tsx`
 * is a real route file.
 */
export const PLACEHOLDER_URL_PART_RE =
  /(?:^|[/=#?])link[-_]to[-_]|(?:^|[/=#?.])(?:url|link)[-_]here\b|<[^<>]+>|(?:^|[/=.?#@])your[-_]?(?:username|user|name|org|organi[sz]ation|repo|repository|project|domain|site|company|app|handle|account|id|link|url)(?=$|[/.?#&:@])|\bYOUR_[A-Z]|(?:^|[/.=_-])placeholder(?=$|[/._-])/i

/** Link text that makes `#` a real target ("Back to top"). */
export const TOP_LINK_TEXT_RE = /\b(?:top|back|up)\b/i

/** Whether a link or image target is a placeholder. `text` is the link text. */
export function isPlaceholderUrl(url: string, text = ''): boolean {
  const target = url.trim()
  if (target === '') return true
  if (target === '#') return !TOP_LINK_TEXT_RE.test(text)
  if (PLACEHOLDER_URL_RE.test(target)) return true
  if (PLACEHOLDER_URL_PART_RE.test(target)) return true
  for (const token of target.match(TEMPLATE_TOKEN_RE) ?? []) if (isTemplateToken(token)) return true
  return false
}

/**
 * A code-fence info word that is a prompt: ```` ```[language] ````, ```` ```<lang> ````,
 * ```` ```language ````. Braces are not: ```` ```{note} ```` is a MyST directive.
 */
export const PLACEHOLDER_FENCE_LANGUAGE_RE = /^(?:\[[^\]]*\]|<[^>]*>|language|lang|your[-_]?language|code[-_]?language)$/i

/** Front-matter keys that take one value; a one-item `[list]` there is a bracketed prompt (`slug: [slug-for-url]`). */
export const SCALAR_FRONT_MATTER_KEYS: ReadonlySet<string> = new Set(
  (
    'slug title subtitle date description summary excerpt url permalink image cover thumbnail featuredimage featured_image ' +
    'og_image ogimage lastmod updated modified published publishdate publish_date publishedat pubdate layout canonical ' +
    'canonical_url role client company project timeline duration status'
  ).split(' '),
)

/** What a front-matter key expects, for the message (`slug` → a real slug). */
export const FRONT_MATTER_EXPECTED: ReadonlyArray<readonly [RegExp, string]> = [
  [/date|updated|modified|published|lastmod/i, 'a real date'],
  [/slug/i, 'a real slug'],
  [/^(?:url|permalink|canonical|canonical_url|link)$/i, 'a real URL'],
  [/image|cover|thumbnail|logo/i, 'a real image path'],
  [/keyword/i, 'real keywords'],
  [/tag/i, 'real tags'],
  [/categor/i, 'real categories'],
]

/** `expected` for a placeholder in front matter under `key`. */
export function expectedForFrontMatter(key: string, match: PlaceholderMatch): string {
  if (match.kind === 'date') return 'a real date'
  for (const [re, expected] of FRONT_MATTER_EXPECTED) if (re.test(key)) return expected
  return expectedFor(match.kind, match.text)
}

/** Numbered stand-ins in front-matter values: `keyword1, keyword2`, `tag-1`, `category_key_1`. */
export const FRONT_MATTER_STAND_IN_RE =
  letterRe(String.raw`(?<![\p{L}\p{N}_-])(?:[a-z]+[-_])*(?:keyword|tag|category|topic|author|item|key|label|value|link|image)[-_ ]?\d{1,2}(?![\p{L}\p{N}_-])`, 'giu')

/** A whole front-matter value that is a template default: `Your Name`, `your-username`, `Title goes here`. */
export const FRONT_MATTER_DEFAULT_VALUE_RE =
  /^(?:(?:your|my)[-_ ](?:name|full[-_ ]name|username|user[-_ ]?name|handle|email|company|title|role|website|site|url|github|twitter|org|organi[sz]ation|project|domain)|(?:insert|add|enter|put)\b.*\bhere|(?:post |page |study |article )?(?:title|subtitle|description|summary|excerpt)(?: goes)? here)$/i

/** Front-matter keys whose value is a link or an image path (`image: link-to-cover`). */
export const URL_FRONT_MATTER_KEY_RE = /(?:^|_)(?:url|link|href|permalink|canonical|image|cover|thumbnail|logo|banner|website|repo|repository|github|demo)$|Image$|Url$/i

/** A front-matter entry as the rule sees it (a top-level key with its value's source). */
export interface FrontMatterValue {
  key: string
  /** Source text of the value. */
  raw: string
  value: unknown
  items: ReadonlyArray<{raw: string; value: unknown}> | null
}

export interface FrontMatterMatch extends PlaceholderMatch {
  /** Index of the sequence item the match is in (offsets relative to its `raw`), or `null` for the value's `raw`. */
  item: number | null
}

/** Placeholders in one front-matter value. */
export function findFrontMatterPlaceholders(entry: FrontMatterValue): FrontMatterMatch[] {
  const found: FrontMatterMatch[] = []
  const items = entry.items
  if (items && entry.raw.trimStart().startsWith('[') && items.length === 1 && typeof items[0].value === 'string' && SCALAR_FRONT_MATTER_KEYS.has(entry.key.toLowerCase())) {
    const kind: PlaceholderKind = entry.raw.search(DATE_MASK_RE) >= 0 ? 'date' : 'prompt'
    return [{kind, start: 0, end: entry.raw.length, text: entry.raw, item: null}]
  }
  if (items) {
    items.forEach((item, index) => {
      if (Array.isArray(item.value)) {
        // A list inside a list of tags: `tags: [engineering, [technology]]`.
        if (item.value.length === 1 && typeof item.value[0] === 'string') found.push({kind: 'prompt', start: 0, end: item.raw.length, text: item.raw, item: index})
        return
      }
      if (typeof item.value === 'string') for (const match of stringPlaceholders(item.raw)) found.push(Object.assign(match, {item: index}))
    })
    return found
  }
  if (typeof entry.value === 'string' && entry.value.trim() !== '' && URL_FRONT_MATTER_KEY_RE.test(entry.key) && isPlaceholderUrl(entry.value)) {
    return [{kind: 'prompt', start: 0, end: entry.raw.length, text: entry.raw, item: null}]
  }
  if (typeof entry.value === 'string' || typeof entry.value === 'number') {
    for (const match of stringPlaceholders(entry.raw)) found.push(Object.assign(match, {item: null}))
  }
  return found
}

function stringPlaceholders(raw: string): PlaceholderMatch[] {
  const quoted = /^(["'])([\s\S]*)\1$/.exec(raw.trim())
  const offset = quoted ? raw.indexOf(quoted[1]) + 1 : 0
  const text = quoted ? quoted[2] : raw
  if (FRONT_MATTER_DEFAULT_VALUE_RE.test(text.trim())) return [{kind: 'prompt', start: offset, end: offset + text.length, text}]
  const found = findInlinePlaceholders(text, {quoteAware: false}).map((m) => ({...m, start: m.start + offset, end: m.end + offset}))
  for (const m of allMatches(text, FRONT_MATTER_STAND_IN_RE)) {
    const start = m.index + offset
    if (found.some((f) => f.start < start + m[0].length && start < f.end)) continue
    found.push({kind: 'standIn', start, end: start + m[0].length, text: m[0]})
  }
  return found.sort((a, b) => a.start - b.start)
}

// ---------------------------------------------------------------------------
// Helpers for the rule

/** A closing tag; its name marks a component (`</Note>`), so the opening tag is not a prompt. */
export const CLOSING_TAG_RE = /<\/([A-Za-z][A-Za-z0-9]*)\s*>/g

/** Names of every closing tag in `values` (the document's HTML nodes). */
export function closingTagNames(values: Iterable<string>): Set<string> {
  const names = new Set<string>()
  for (const value of values) for (const match of allMatches(value, CLOSING_TAG_RE)) names.add(match[1])
  return names
}

/** Whether `text` still holds words once the `matches` are taken out (real content next to the placeholders). */
export function hasContentBeyond(text: string, matches: readonly PlaceholderMatch[]): boolean {
  let rest = ''
  let at = 0
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    rest += text.slice(at, Math.max(at, match.start)) + ' '
    at = Math.max(at, match.end)
  }
  rest += text.slice(at)
  return letterWords(rest.replace(/\uFFFC/g, ' ')) > 0
}
