import {describe, expect, it} from 'vitest'
import {findToolNames, isTitleCase} from '../../src/text/tool-names.js'

describe('findToolNames', () => {
  const cases: Array<[text: string, names: string[]]> = [
    ['Validated with express-validator on every POST', ['express-validator']],
    ['Pooling through PgBouncer', ['PgBouncer']],
    ['ESLint + Prettier with a shared config', ['ESLint', 'Prettier']],
    ['Runs on Node.js behind nginx', ['Node.js', 'nginx']],
    ['Hashing with bcryptjs at cost 10', ['bcryptjs']],
    ['Sessions are stored in Redis', ['Redis']],
    ['Hashed on both User and Shop models', ['User', 'Shop']],
    ['Signed JWT in an HttpOnly cookie', ['JWT', 'HttpOnly']],
    ['Error tracking (Sentry)', ['Sentry']],
    ['XSS protection -- Content-Security-Policy headers', ['Content-Security-Policy']],
    // near misses: sentence-start capitals, acronyms that name categories, compounds, abbreviations
    ['Caching strategy', []],
    ['Input validation and sanitization', []],
    ['XSS protection on all state-changing requests', []],
    ['API documentation for the REST endpoints', []],
    ['Server-side rendering, e.g. for the home page', []],
    ['Health check endpoints. Monitoring is basic', []],
  ]
  it.each(cases)('%s', (text, names) => expect(findToolNames(text, {titleCase: isTitleCase(text)}).map((m) => m.text)).toEqual(names))

  it('ignores the given ranges', () => {
    const text = 'TypeScript across the stack'
    expect(findToolNames(text, {ignore: [{start: 0, end: 10}]})).toEqual([])
  })
})

describe('isTitleCase', () => {
  it.each([['Caching Strategy And Session Store', true], ['Caching strategy', false], ['Input Validation', true], ['Rate limiting on Login', false]] as const)(
    '%s → %s',
    (text, expected) => expect(isTitleCase(text)).toBe(expected),
  )
})
