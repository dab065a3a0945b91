import {describe, expect, it} from 'vitest'
import {findBacking, isEnumeration, type BackingKind} from '../../src/text/backing.js'

describe('findBacking', () => {
  const cases: Array<[text: string, kind: BackingKind | null]> = [
    ['bcryptjs with 10 salt rounds on both User and Shop models', 'tool'],
    ['Input validation on every POST/PATCH', 'where'],
    ['Linting enforced in CI', 'where'],
    ['Secrets injected at deploy time behind the gateway', 'where'],
    ['Rate limiting per IP', 'where'],
    ['Validation runs server-side', 'where'],
    ['Token checks via middleware', 'where'],
    ['HTTPS everywhere, including internal service traffic', 'where'],
    ['Health check endpoints for load balancer probes', 'where'],
    ['Liveness endpoint probed by the orchestrator', 'where'],
    ['Image optimization with modern formats, responsive sizes, lazy decoding', 'list'],
    // near misses: bare names and vague clauses
    ['Caching strategy', null],
    ['Health check endpoints', null],
    ['Query optimization for better performance', null],
    ['Database indexing on frequently queried columns', null],
    ['Security using best practices', null],
    ['Then walk through the cascade of failures', null],
    ['Input validation and sanitization', null],
    ['Connection pooling for the database', null],
  ]
  it.each(cases)('%s → %s', (text, kind) => expect(findBacking(text)).toBe(kind))

  it('does not count the practice name as a place or a list', () => {
    const text = 'Input validation, sanitization and escaping'
    expect(findBacking(text, {head: {start: 0, end: 16}})).toBeNull()
  })
})

describe('isEnumeration', () => {
  it.each([
    ['setup instructions, architecture overview, and contribution guide', true],
    ['sessions, queries and static assets', true],
    ['validation and sanitization', false],
    ['one, two', false],
  ] as const)('%s → %s', (text, expected) => expect(isEnumeration(text)).toBe(expected))
})
