import {describe, expect, it} from 'vitest'
import {PRACTICES, findPracticeMentions, practiceHead, practiceOfItem} from '../../src/text/practices.js'

describe('practiceHead', () => {
  const cases: Array<[string, string]> = [
    ['Rate limiting -- specify the limits (e.g., 100 req/min per IP)', 'Rate limiting'],
    ['Caching strategy — what is cached and why', 'Caching strategy'],
    ['Secure password hashing (bcrypt with cost factor 12+ or argon2id)', 'Secure password hashing'],
    ['CSRF tokens on all state-changing requests', 'CSRF tokens'],
    ['Secrets in environment variables, never committed', 'Secrets'],
    ['Pre-commit hooks (Husky + lint-staged) to catch issues', 'Pre-commit hooks'],
    ['Caching strategy', 'Caching strategy'],
  ]
  it.each(cases)('%s → %s', (text, head) => expect(practiceHead(text)).toBe(head))
})

describe('practiceOfItem', () => {
  const cases: Array<[item: string, key: string | null]> = [
    ['Rate limiting -- specify the limits', 'rate-limit'],
    ['Input validation and sanitization', 'input-validation'],
    ['SQL injection prevention (parameterized queries)', 'sql-injection'],
    ['XSS protection', 'xss'],
    ['CSRF tokens on all state-changing requests', 'csrf'],
    ['Secure password hashing (bcrypt/argon2)', 'password-hashing'],
    ['HTTPS everywhere', 'https'],
    ['Secrets in environment variables', 'secrets'],
    ['Database indexing on frequently queried columns', 'indexing'],
    ['Query optimization (EXPLAIN ANALYZE)', 'query-optimization'],
    ['Caching strategy (Redis/CDN)', 'caching'],
    ['Lazy loading / code splitting', 'lazy-loading'],
    ['Image optimization', 'image-optimization'],
    ['Connection pooling', 'connection-pooling'],
    ['TypeScript for type safety', 'typescript'],
    ['ESLint + Prettier for code quality', 'linting'],
    ['Pre-commit hooks (Husky)', 'pre-commit-hooks'],
    ['CI/CD pipeline (GitHub Actions)', 'ci-cd'],
    ['API documentation (Swagger/OpenAPI)', 'api-docs'],
    ['Structured logging (JSON format)', 'structured-logging'],
    ['Error tracking (Sentry)', 'error-tracking'],
    ['Health check endpoints', 'health-checks'],
    ['Metrics collection (Prometheus/DataDog)', 'metrics'],
    // unknown practices of two or more words get their own name
    ['Feature flags for risky releases', 'feature flags'],
    // too vague to match in prose
    ['Security', null],
    ['Testing', null],
    ['Other', null],
  ]
  it.each(cases)('%s → %s', (item, key) => expect(practiceOfItem(item)?.key ?? null).toBe(key))

  it('has an expectation for every practice', () => {
    for (const practice of PRACTICES) expect(practice.expected.length).toBeGreaterThan(10)
  })
})

describe('findPracticeMentions', () => {
  const cases: Array<[item: string, text: string, found: string[]]> = [
    ['Rate limiting', 'We rate-limit `/login` to 5 requests per minute', ['rate-limit']],
    ['Rate limiting', 'Login attempts are rate limited', ['rate limited']],
    ['Secure password hashing', 'Passwords are hashed with bcrypt', ['bcrypt']],
    ['Caching strategy', 'Responses are cached in Redis for 60 seconds', ['cached in Redis']],
    ['Secrets in environment variables', 'API keys live in environment variables', ['environment variables']],
    ['Feature flags for risky releases', 'We ship risky changes behind feature flags', ['feature flags']],
    // near misses
    ['Caching strategy', 'Every GET includes cache headers', []],
    ['Secrets in environment variables', 'Set the PORT environment variable before starting', []],
    ['Database indexing', 'The search index is rebuilt nightly', []],
    ['Rate limiting', 'The exchange rate is limited to two decimals', []],
  ]
  it.each(cases)('%s in %s', (item, text, found) => {
    const practice = practiceOfItem(item)!
    expect(findPracticeMentions(text, practice).map((m) => text.slice(m.start, m.end))).toEqual(found)
  })
})
