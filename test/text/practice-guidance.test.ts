import {describe, expect, it} from 'vitest'
import {blankChoices, findChoiceParentheses, findGuidance} from '../../src/text/practice-guidance.js'

describe('findGuidance', () => {
  const cases: Array<[item: string, guidance: string | null, kind?: 'instruction' | 'prompt']> = [
    ['Rate limiting -- specify the limits (e.g., 100 req/min per IP)', 'specify the limits (e.g., 100 req/min per IP)', 'instruction'],
    ['Query optimization -- mention the queries you improved', 'mention the queries you improved', 'instruction'],
    ['Database indexing — include evidence from EXPLAIN ANALYZE', 'include evidence from EXPLAIN ANALYZE', 'instruction'],
    ['Caching strategy – what is cached and why', 'what is cached and why', 'prompt'],
    ['Metrics collection -- at minimum: request count, latency, errors', 'at minimum: request count, latency, errors', 'prompt'],
    // near misses: detail after the dash
    ['XSS protection -- Content-Security-Policy headers, output encoding', null],
    ['Rate limiting — 5 req/min on /login via express-rate-limit', null],
    ['Pre-commit hooks (Husky + lint-staged) to catch issues', null],
    ['Specify-driven tests', null],
  ]
  it.each(cases)('%s', (item, guidance, kind) => {
    const found = findGuidance(item)
    expect(found ? item.slice(found.start, found.end) : null).toBe(guidance)
    if (found) expect(found.kind).toBe(kind)
  })
})

describe('findChoiceParentheses', () => {
  const cases: Array<[item: string, parens: string[]]> = [
    ['Caching strategy (Redis/CDN)', ['(Redis/CDN)']],
    ['Secure password hashing (bcrypt/argon2)', ['(bcrypt/argon2)']],
    ['Secure password hashing (bcrypt with cost factor 12+ or argon2id)', ['(bcrypt with cost factor 12+ or argon2id)']],
    ['CI/CD pipeline (GitHub Actions or similar) with tests', ['(GitHub Actions or similar)']],
    ['Input validation (e.g., Joi, Zod)', ['(e.g., Joi, Zod)']],
    ['Rate limiting (such as 100 req/min)', ['(such as 100 req/min)']],
    // near misses: one stated choice, a rate with a slash
    ['Error tracking (Sentry)', []],
    ['Rate limiting (100 req/min per IP)', []],
    ['Structured logging (JSON format)', []],
  ]
  it.each(cases)('%s', (item, parens) => expect(findChoiceParentheses(item).map((p) => item.slice(p.start, p.end))).toEqual(parens))

  it('blanks choices and keeps offsets', () => {
    const text = 'Caching (Redis/CDN) done'
    expect(blankChoices(text)).toBe('Caching             done')
  })
})
