/**
 * Engineering practices that case-study checklists ask about (the "Best
 * Practices Applied" boxes of the templates), as data: for each practice,
 * the terms that name it — in a checklist item and in prose — and what a
 * ticked box should say to be backed.
 *
 * Terms are written as plain words and compared after light stemming
 * (src/text/stems.ts), so `rate limiting`, `rate-limited` and `ratelimiter`
 * are one term. Keep terms specific: a term that also names everyday
 * things (`index`, `cache headers`, `pipeline`) makes a prose mention look
 * like a claim it is not.
 */
import {compileTerm, findStemSequence, stemTokens, type StemTerm, type StemToken} from './stems.js'

export interface Practice {
  /** Short name used in messages (`rate-limit`). */
  key: string
  /** Terms that name the practice, in a checklist item or in prose. */
  terms: readonly string[]
  /** Terms that name it only in a checklist item (too loose for prose). */
  itemTerms?: readonly string[]
  /** When set, a prose mention counts only if the sentence also has one of these terms. */
  context?: readonly string[]
  /** Prose phrases that contain a term but are about something else. */
  except?: readonly string[]
  /** What a ticked box needs to say, after "expected". */
  expected: string
}

export const PRACTICES: readonly Practice[] = [
  {
    key: 'input-validation',
    terms: ['input validation', 'validate input', 'validate request', 'request validation', 'schema validation', 'input sanitization', 'sanitize input'],
    itemTerms: ['validation', 'sanitization'],
    expected: 'the validation library and where validation runs',
  },
  {
    key: 'sql-injection',
    terms: ['sql injection', 'parameterized query', 'prepared statement'],
    expected: 'how queries are built (parameterised queries, which ORM) and where',
  },
  {
    key: 'xss',
    terms: ['xss', 'cross site scripting', 'content security policy'],
    expected: 'the protection used (which headers, which encoding) and where',
  },
  {
    key: 'csrf',
    terms: ['csrf', 'xsrf', 'cross site request forgery'],
    expected: 'how tokens are issued and which requests check them',
  },
  {
    key: 'rate-limit',
    terms: ['rate limit', 'rate limiting', 'throttle request'],
    expected: 'the limits, what they apply to and where they are enforced',
  },
  {
    key: 'password-hashing',
    terms: ['password hashing', 'hash password', 'bcrypt', 'bcryptjs', 'argon2', 'argon2id', 'scrypt'],
    expected: 'the hashing algorithm and its cost settings',
  },
  {
    key: 'https',
    terms: ['https everywhere', 'enforce https', 'https only', 'redirect http to https', 'hsts', 'tls termination'],
    itemTerms: ['https'],
    expected: 'where TLS terminates and which traffic it covers',
  },
  {
    key: 'secrets',
    terms: ['environment variable', 'env var', 'secret manager', 'secrets manager', 'vault'],
    itemTerms: ['secrets'],
    context: ['secret', 'api key', 'credential', 'token', 'password', 'secret manager', 'secrets manager', 'vault'],
    expected: 'where secrets are stored and how they reach the app',
  },
  {
    key: 'indexing',
    terms: ['database indexing', 'database index', 'composite index', 'add index', 'create index', 'indexed column', 'covering index', 'partial index'],
    itemTerms: ['indexing'],
    expected: 'which columns are indexed and the query it sped up',
  },
  {
    key: 'query-optimization',
    terms: ['query optimization', 'optimize query', 'optimized sql', 'query plan', 'explain analyze'],
    expected: 'which queries were changed and their before/after times',
  },
  {
    key: 'caching',
    terms: ['caching strategy', 'caching layer', 'cache layer', 'redis cache', 'cache in redis', 'cached in redis', 'cached for', 'cache result', 'cache response', 'cache query', 'cached response', 'cached result', 'response caching', 'query caching', 'cdn caching', 'edge caching'],
    itemTerms: ['caching', 'cache'],
    expected: 'what is cached, where and with which tool',
  },
  {
    key: 'lazy-loading',
    terms: ['lazy loading', 'lazy load', 'code splitting', 'code split', 'dynamic import'],
    expected: 'what is split or deferred and how',
  },
  {
    key: 'image-optimization',
    terms: ['image optimization', 'optimize image', 'optimized image', 'webp', 'avif', 'responsive image'],
    expected: 'the formats, sizes and delivery used',
  },
  {
    key: 'connection-pooling',
    terms: ['connection pooling', 'connection pool', 'pgbouncer'],
    expected: 'the pool size and how it was chosen',
  },
  {
    key: 'typescript',
    terms: ['typescript'],
    expected: 'where types are enforced (strict mode, shared types, checks in CI)',
  },
  {
    key: 'linting',
    terms: ['eslint', 'prettier', 'biome', 'stylelint', 'ruff'],
    itemTerms: ['linting', 'linter', 'formatter'],
    expected: 'the linters used and where they are enforced',
  },
  {
    key: 'pre-commit-hooks',
    terms: ['pre commit hook', 'git hook', 'husky', 'lint staged', 'lefthook'],
    itemTerms: ['pre commit'],
    expected: 'the hook tool and what the hooks run',
  },
  {
    key: 'ci-cd',
    terms: ['ci cd', 'ci cd pipeline', 'github actions', 'gitlab ci', 'circleci', 'continuous integration', 'continuous deployment', 'continuous delivery'],
    expected: 'the CI service and what each pipeline runs',
  },
  {
    key: 'api-docs',
    terms: ['api documentation', 'api docs', 'swagger', 'openapi', 'postman collection'],
    expected: 'where the API docs live and how they are kept current',
  },
  {
    key: 'structured-logging',
    terms: ['structured logging', 'structured log', 'json log', 'correlation id'],
    expected: 'the log format, the logging library and which fields are logged',
  },
  {
    key: 'error-tracking',
    terms: ['error tracking', 'error monitoring', 'sentry', 'rollbar', 'bugsnag'],
    expected: 'the error tracker and what it captures',
  },
  {
    key: 'health-checks',
    terms: ['health check', 'health endpoint', 'liveness probe', 'readiness probe'],
    expected: 'the endpoint, what it checks and who probes it',
  },
  {
    key: 'metrics',
    terms: ['metrics collection', 'prometheus', 'datadog', 'grafana', 'opentelemetry'],
    expected: 'the metrics tool and which metrics are collected',
  },
]

/**
 * Separators that end a practice's name: guidance, a parenthesis, a colon, a
 * clause. The dash separator is tried only where a run of spaces starts
 * (`(?<!\s)`): the same matches, without retrying from every space of a long
 * run (quadratic time).
 */
export const PRACTICE_HEAD_END_RE = /(?<!\s)\s+(?:--|—|–|-)\s|[(:;,[]|\s(?:with|for|on|in|via|using|through|across|by|at|to|per)\s/i

/** The practice name at the start of an item: `Rate limiting -- specify …` → `Rate limiting`. */
export function practiceHead(text: string): string {
  const match = PRACTICE_HEAD_END_RE.exec(text)
  return (match ? text.slice(0, match.index) : text).trim()
}

interface CompiledPractice {
  practice: Practice
  terms: StemTerm[]
  itemTerms: StemTerm[]
  except: StemTerm[]
  context: StemTerm[]
}

const COMPILED: readonly CompiledPractice[] = PRACTICES.map((practice) => ({
  practice,
  terms: practice.terms.map(compileTerm),
  itemTerms: (practice.itemTerms ?? []).map(compileTerm),
  except: (practice.except ?? []).map(compileTerm),
  context: (practice.context ?? []).map(compileTerm),
}))

/** A checklist item's practice: a known one, or one made from the item's own name. */
export interface ItemPractice {
  key: string
  /** Terms that name it in prose. */
  terms: StemTerm[]
  except: StemTerm[]
  /** When non-empty, a mention counts only with one of these in the same text. */
  context: StemTerm[]
  expected: string
  known: boolean
}

/** Words that never make a practice name on their own. */
const VAGUE_HEADS: ReadonlySet<string> = new Set(['other', 'misc', 'miscellaneous', 'general', 'security', 'performance', 'testing', 'tests', 'documentation', 'quality', 'best practices'])

export const DEFAULT_EXPECTED = 'the tool, number, place or method that backs it'

/** The practice a checklist item names, or `null` when its name is too vague to match in prose. */
export function practiceOfItem(text: string): ItemPractice | null {
  const head = practiceHead(text)
  const headTokens = stemTokens(head)
  const fullTokens = stemTokens(text)
  for (const entry of COMPILED) {
    const named = [...entry.terms, ...entry.itemTerms].some((term) => findStemSequence(headTokens, term).length > 0)
    if (named) return fromEntry(entry)
  }
  for (const entry of COMPILED) {
    if (entry.terms.some((term) => findStemSequence(fullTokens, term).length > 0)) {
      return fromEntry(entry)
    }
  }
  // An unknown practice: its name must be two or more words to be matched in prose.
  if (headTokens.length < 2 || headTokens.length > 5 || VAGUE_HEADS.has(head.toLowerCase())) return null
  return {key: head.toLowerCase(), terms: [compileTerm(head)], except: [], context: [], expected: DEFAULT_EXPECTED, known: false}
}

function fromEntry(entry: CompiledPractice): ItemPractice {
  return {key: entry.practice.key, terms: entry.terms, except: entry.except, context: entry.context, expected: entry.practice.expected, known: true}
}

export interface PracticeMention {
  start: number
  end: number
}

/** Where `practice` is named in `text` (term matches minus its exceptions). */
export function findPracticeMentions(text: string, practice: ItemPractice, tokens: readonly StemToken[] = stemTokens(text)): PracticeMention[] {
  if (practice.context.length > 0 && !practice.context.some((term) => findStemSequence(tokens, term).length > 0)) return []
  const excluded = practice.except.flatMap((term) => findStemSequence(tokens, term))
  const out: PracticeMention[] = []
  for (const term of practice.terms) {
    for (const match of findStemSequence(tokens, term)) {
      if (excluded.some((x) => x.start <= match.start && x.end >= match.end)) continue
      if (out.some((m) => m.start < match.end && match.start < m.end)) continue
      out.push(match)
    }
  }
  return out.sort((a, b) => a.start - b.start)
}
