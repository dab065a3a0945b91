/**
 * Backing detail for a claimed practice: what turns "Caching strategy" into
 * something a reviewer can check. Numbers, code spans and links are found
 * by the caller (they need the quantity detector and the document index);
 * this module finds named tools and concrete where/how clauses
 * (`on every POST/PATCH`, `in CI`, `via middleware`, `per IP`, `behind the gateway`,
 * `on both User and Shop models`) and enumerations of specifics.
 */
import {findToolNames, isTitleCase} from './tool-names.js'
import {allMatches} from './all-matches.js'
import {letterRe} from './letter-re.js'

/** Scope words after a preposition: `on every request`, `for all endpoints`, `on both models`. */
export const SCOPE_CLAUSE_RE = /\b(?:on|for|in|at|across|to|from|of)\s+(?:every|all|each|both|any)\b/i

/** Places in a system where a practice runs. */
export const PLACE_WORDS: readonly string[] = [
  'ci', 'production', 'prod', 'staging', 'middleware', 'gateway', 'api gateway', 'edge', 'load balancer', 'reverse proxy', 'proxy',
  'pre-commit', 'pipeline', 'build', 'build time', 'deploy', 'startup', 'login', 'signup', 'checkout', 'database', 'db',
  'browser', 'server', 'backend', 'frontend', 'orm', 'repository layer', 'service layer', 'data layer', 'controller', 'controllers',
  'environment variables', 'env vars', 'secret manager', 'secrets manager', 'vault',
]

const escapeWords = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]+')

/** `in CI`, `at the edge`, `behind the load balancer`, `in the middleware`. */
export const PLACE_CLAUSE_RE = new RegExp(
  `\\b(?:in|at|on|behind|inside|within|before|after|during)\\s+(?:the\\s+|our\\s+|each\\s+|a\\s+)?(?:${PLACE_WORDS.map(escapeWords).join('|')})\\b`,
  'i',
)

/** Who uses or enforces it: `for load balancer probes`, `probed by the load balancer`, `enforced by the gateway`. */
export const CONSUMER_WORDS: readonly string[] = ['load balancer', 'reverse proxy', 'proxy', 'gateway', 'api gateway', 'ci', 'pipeline', 'middleware', 'edge', 'cdn', 'kubernetes', 'orchestrator', 'uptime monitor']

export const CONSUMER_CLAUSE_RE = new RegExp(`\\b(?:for|by)\\s+(?:the\\s+|our\\s+|a\\s+)?(?:${CONSUMER_WORDS.map(escapeWords).join('|')})\\b`, 'i')

/** `server-side`, `client-side`, `at build time`, `on merge`, `on push`, `before merge`. */
export const SIDE_CLAUSE_RE = /\b(?:server|client|edge)[\s-]side\b|\b(?:on|before|after)\s+(?:merge|push|commit|deploy|release)\b/i

/** `per IP`, `per user`, `by route`, `per endpoint`. */
export const PER_CLAUSE_RE = /\b(?:per|by)\s+(?:ip|ip address|user|route|page|endpoint|tenant|account|api key|key|session|request|client|customer|region)s?\b/i

/** `via …`, `using …`, `enforced by …`: a how-clause unless its object is vague. */
export const HOW_CLAUSE_RE = /\b(?:via|using|powered by|backed by|enforced by|handled by)\s+(\S+(?:\s+\S+)?)/gi

/** Objects of a how-clause that say nothing concrete. */
export const VAGUE_OBJECTS_RE = /^(?:best|standard|industry|proper|appropriate|modern|various|several|some|many|common|good|sensible|a\s+variety|the\s+usual|usual)\b/i

/** `including internal service communication`: an explicit scope. */
export const INCLUDING_CLAUSE_RE = letterRe(String.raw`\bincluding\s+\p{L}[\p{L}-]*`, 'iu')

export type BackingKind = 'tool' | 'where' | 'list'

export interface BackingOptions {
  /**
   * Range of the practice's own name: its words are not a place or a list
   * of specifics. A tool named there still counts (`TypeScript for type
   * safety`, `ESLint + Prettier`): naming the tool is the detail.
   */
  head?: {start: number; end: number}
}

/** The first kind of backing detail found in `text`, or `null`. */
export function findBacking(text: string, options: BackingOptions = {}): BackingKind | null {
  if (findToolNames(text, {titleCase: isTitleCase(text)}).length > 0) return 'tool'
  const rest = options.head ? text.slice(0, options.head.start) + ' '.repeat(options.head.end - options.head.start) + text.slice(options.head.end) : text
  if (SCOPE_CLAUSE_RE.test(rest) || PLACE_CLAUSE_RE.test(rest) || CONSUMER_CLAUSE_RE.test(rest) || SIDE_CLAUSE_RE.test(rest) || PER_CLAUSE_RE.test(rest) || INCLUDING_CLAUSE_RE.test(rest)) return 'where'
  for (const match of allMatches(rest, HOW_CLAUSE_RE)) {
    if (!VAGUE_OBJECTS_RE.test(match[1])) return 'where'
  }
  if (isEnumeration(rest)) return 'list'
  return null
}

/** Three letters in a row: an item with a word in it. */
const THREE_LETTERS_RE = letterRe(String.raw`\p{L}{3,}`, 'u')

/** Three or more comma-separated specifics (`WebP format, responsive sizes, CDN delivery`). */
export function isEnumeration(text: string): boolean {
  for (const run of text.split(/[.;:()—–]|\s--\s/)) {
    const items = run
      // `(?<!\s)`: a run of spaces is tried once, not from each of its spaces (quadratic).
      .split(/,\s*(?:and\s+|or\s+)?|(?<!\s)\s+and\s+/)
      .map((item) => item.trim())
      .filter((item) => THREE_LETTERS_RE.test(item))
    if (items.length >= 3) return true
  }
  return false
}
