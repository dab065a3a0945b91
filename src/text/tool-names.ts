/**
 * Named tools, libraries and services in prose: `PgBouncer`, `ESLint`,
 * `express-validator`, `Node.js`, `Redis` in the middle of a sentence, and
 * a list of names that are usually written in lower case (`bcrypt`, `zod`).
 * The shapes do the work; the list only supplements them.
 */
import {allMatches} from './all-matches.js'
import {letterRe, UPPER_START_RE} from './letter-re.js'

/** Tools, libraries and services often written in lower case or as plain words. */
export const KNOWN_TOOLS: readonly string[] = [
  'bcrypt', 'bcryptjs', 'argon2', 'argon2id', 'scrypt', 'pbkdf2',
  'zod', 'joi', 'yup', 'ajv', 'valibot', 'pydantic', 'marshmallow',
  'helmet', 'csurf', 'passport', 'jose', 'keycloak', 'auth0', 'clerk', 'okta',
  'redis', 'memcached', 'varnish', 'cloudflare', 'fastly', 'cloudfront', 'akamai',
  'nginx', 'caddy', 'traefik', 'envoy', 'haproxy', 'pgbouncer', 'hikaricp',
  'postgres', 'postgresql', 'mysql', 'sqlite', 'mongodb', 'dynamodb', 'prisma', 'drizzle', 'sequelize', 'typeorm', 'knex', 'sqlalchemy',
  'husky', 'lefthook', 'prettier', 'eslint', 'biome', 'stylelint', 'ruff', 'black', 'flake8', 'mypy', 'pyright',
  'jest', 'vitest', 'mocha', 'pytest', 'playwright', 'cypress', 'selenium', 'k6', 'locust', 'artillery', 'jmeter',
  'docker', 'kubernetes', 'k8s', 'helm', 'terraform', 'ansible', 'pulumi',
  'jenkins', 'circleci', 'travis', 'buildkite', 'argocd',
  'sentry', 'rollbar', 'bugsnag', 'datadog', 'prometheus', 'grafana', 'loki', 'jaeger', 'zipkin', 'opentelemetry', 'honeycomb', 'newrelic',
  'pino', 'winston', 'bunyan', 'logrus', 'zap', 'structlog', 'serilog',
  'swagger', 'openapi', 'postman', 'redoc', 'storybook',
  'webpack', 'vite', 'rollup', 'esbuild', 'turbopack', 'parcel',
  'sharp', 'imgix', 'vercel', 'netlify', 'heroku', 'render', 'railway', 'fly.io',
  'vault', 'doppler', 'dotenv', 'certbot',
  // named mechanisms written as dashed header names
  'content-security-policy', 'strict-transport-security', 'x-frame-options', 'x-content-type-options', 'samesite', 'httponly',
]

/** Acronyms that name a concrete mechanism (most acronyms name a category: `API`, `SQL`, `XSS`). */
export const KNOWN_ACRONYMS: readonly string[] = ['CSP', 'HSTS', 'TLS', 'mTLS', 'JWT', 'JSON', 'WAF', 'SAML', 'OIDC', 'WebP', 'AVIF', 'RLS', 'SRI']

/** Mixed case with an inner capital: `TypeScript`, `PgBouncer`, `GitHub`, `iOS`, `macOS`. */
export const CAMEL_CASE_RE = letterRe(String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}+|\p{Ll}+)\p{Lu}[\p{L}\p{N}]*`, 'gu')
/** Capitals then two or more lower-case letters: `ESLint`, `JSONPath` (not the plural `APIs`). */
export const CAPS_PREFIX_RE = letterRe(String.raw`(?<![\p{L}\p{N}])\p{Lu}{2,}\p{Ll}{2,}[\p{L}\p{N}]*`, 'gu')
/** Dotted names: `Node.js`, `socket.io`, `next.config` (not `e.g.`). */
export const DOTTED_NAME_RE = letterRe(String.raw`(?<![\p{L}\p{N}.])\p{L}[\p{L}\p{N}]*(?:\.[\p{L}\p{N}]{2,})+(?![\p{L}\p{N}])`, 'gu')
/** Dashed or dotted names that contain a known tool: `express-validator`, `express-rate-limit`, `django-ratelimit`. */
export const DASHED_NAME_RE = letterRe(String.raw`(?<![\p{L}\p{N}-])\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)+(?![\p{L}\p{N}-])`, 'gu')
/** Library name endings that mark a dashed word as a package: `rate-limiter-flexible`, `fastify-rate-limit`. */
export const PACKAGE_PARTS: ReadonlySet<string> = new Set(['js', 'ts', 'py', 'rs', 'cli', 'sdk', 'orm', 'express', 'fastify', 'koa', 'nest', 'django', 'flask', 'rails', 'spring', 'next', 'react', 'vue', 'svelte', 'node', 'flexible', 'validator'])
/** A capitalised word: a candidate name when it is not the first word of the sentence. */
export const CAPITALISED_WORD_RE = letterRe(String.raw`(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}])`, 'gu')

/** Capitalised words that are ordinary English, not names. */
export const COMMON_CAPITALISED: ReadonlySet<string> = new Set([
  'I', 'The', 'A', 'An', 'And', 'Or', 'But', 'With', 'For', 'On', 'In', 'At', 'To', 'Of', 'By', 'Via', 'Using',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'English', 'Internet', 'Web',
])

export interface NameMatch {
  start: number
  end: number
  text: string
}

const KNOWN_TOOL_SET = new Set(KNOWN_TOOLS.map((name) => name.toLowerCase()))
const KNOWN_ACRONYM_SET = new Set(KNOWN_ACRONYMS)
const WORDISH_RE = letterRe(String.raw`[\p{L}\p{N}][\p{L}\p{N}.]*[\p{L}\p{N}]|[\p{L}\p{N}]`, 'gu')
const DOT_ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'a.m', 'p.m'])
/** Dotted abbreviations such as `Ph.D`, `e.g` and dotted numbers such as `1.2.3`: not names. */
const SHORT_DOTTED_RE = letterRe(String.raw`^\p{Lu}?\p{Ll}{0,2}\.\p{Ll}{1,2}$`, 'u')
const DIGITS_AND_DOTS_RE = letterRe(String.raw`^[\p{N}.]+$`, 'u')
/** Words of three letters or more (for Title Case). */
const LONG_WORD_RE = letterRe(String.raw`\p{L}{3,}`, 'gu')

export interface FindNamesOptions {
  /** Text ranges whose words are never names (the practice's own name). */
  ignore?: ReadonlyArray<{start: number; end: number}>
  /** Treat capitalised words as ordinary (text written in Title Case). */
  titleCase?: boolean
}

/** Tool, library and service names in `text`. */
export function findToolNames(text: string, options: FindNamesOptions = {}): NameMatch[] {
  const ignore = options.ignore ?? []
  const out: NameMatch[] = []
  const add = (start: number, end: number): void => {
    if (ignore.some((r) => start < r.end && r.start < end)) return
    if (out.some((m) => start < m.end && m.start < end)) return
    out.push({start, end, text: text.slice(start, end)})
  }
  for (const re of [CAMEL_CASE_RE, CAPS_PREFIX_RE]) {
    for (const match of allMatches(text, re)) add(match.index, match.index + match[0].length)
  }
  for (const match of allMatches(text, DOTTED_NAME_RE)) {
    const word = match[0]
    if (DOT_ABBREVIATIONS.has(word.toLowerCase()) || SHORT_DOTTED_RE.test(word)) continue
    if (DIGITS_AND_DOTS_RE.test(word)) continue
    add(match.index, match.index + word.length)
  }
  for (const match of allMatches(text, DASHED_NAME_RE)) {
    const parts = match[0].toLowerCase().split('-')
    if (KNOWN_TOOL_SET.has(parts.join('-')) || parts.some((part) => KNOWN_TOOL_SET.has(part) || PACKAGE_PARTS.has(part))) add(match.index, match.index + match[0].length)
  }
  for (const match of allMatches(text, WORDISH_RE)) {
    const word = match[0]
    if (KNOWN_TOOL_SET.has(word.toLowerCase()) || KNOWN_ACRONYM_SET.has(word)) add(match.index, match.index + word.length)
  }
  if (!options.titleCase) {
    for (const match of allMatches(text, CAPITALISED_WORD_RE)) {
      const word = match[0]
      if (COMMON_CAPITALISED.has(word) || isSentenceStart(text, match.index)) continue
      add(match.index, match.index + word.length)
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

/** True when the word at `index` opens a sentence, a line, a clause after `:` or a parenthesis. */
function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"'“‘(\[*_]+$/u, '')
  return before === '' || /[.!?:;\n—–]$/.test(before) || /\s-{1,2}$/.test(before)
}

/** Text written in Title Case (most words of three or more letters capitalised). */
export function isTitleCase(text: string): boolean {
  const words = text.match(LONG_WORD_RE) ?? []
  if (words.length < 2) return false
  const capitalised = words.filter((word) => UPPER_START_RE.test(word)).length
  return capitalised / words.length >= 0.75
}
