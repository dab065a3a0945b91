import {describe, expect, it} from 'vitest'
import {findStemSequence, stem, stemTokens, compileTerm} from '../../src/text/stems.js'

// Words that must share a stem, and words that must not collapse into another.
const same: Array<[string, string]> = [
  ['limiting', 'limit'],
  ['limited', 'limits'],
  ['caching', 'cache'],
  ['cached', 'caches'],
  ['hashing', 'hashed'],
  ['indexing', 'indexes'],
  ['optimization', 'optimized'],
  ['optimisation', 'optimize'],
  ['validation', 'validated'],
  ['pooling', 'pool'],
  ['logging', 'logs'],
  ['splitting', 'split'],
  ['queries', 'query'],
  ['variables', 'variable'],
  ['committed', 'commit'],
  ['limiter', 'limit'],
  ['images', 'image'],
  ['users', 'user'],
]

const different: Array<[string, string]> = [
  ['https', 'http'],
  ['status', 'stat'],
  ['process', 'proces'],
  ['cache', 'catch'],
  ['index', 'indie'],
]

describe('stem', () => {
  it.each(same)('%s ~ %s', (a, b) => expect(stem(a)).toBe(stem(b)))
  it.each(different)('%s !~ %s', (a, b) => expect(stem(a)).not.toBe(stem(b)))
  it('keeps words with digits and short words as written', () => {
    expect(stem('argon2id')).toBe('argon2id')
    expect(stem('CSP')).toBe('csp')
  })
})

describe('findStemSequence', () => {
  const cases: Array<[text: string, term: string, found: string[]]> = [
    ['We rate-limit /login', 'rate limiting', ['rate-limit']],
    ['Requests are rate limited per IP', 'rate limit', ['rate limited']],
    ['A ratelimiter sits in front', 'rate limit', ['ratelimiter']],
    ['We added an index on email', 'add index', ['added an index']],
    ['Pre-commit hooks run lint', 'pre commit hook', ['Pre-commit hooks']],
    ['CI/CD runs on every push', 'ci cd', ['CI/CD']],
    // near misses
    ['The rate of limits changed', 'rate limit', []],
    ['We limit the rate', 'rate limit', []],
    ['Search index page', 'database index', []],
  ]
  it.each(cases)('%s / %s', (text, term, found) => {
    const matches = findStemSequence(stemTokens(text), compileTerm(term))
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(found)
  })
})
