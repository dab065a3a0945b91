import {describe, expect, it} from 'vitest'
import {compileHeadingPattern, headingPatternProblem} from '../../src/text/heading-patterns.js'

describe('compileHeadingPattern', () => {
  const cases: Array<[pattern: string, heading: string, matches: boolean]> = [
    ['security checklist', '🔒 Security Checklist', true],
    ['Security checklist', '2. Security checklist (v1)', true],
    ['hardening', 'Production hardening', true],
    ['/^hardening\\b/', 'Hardening steps', true],
    ['/^hardening\\b/', 'Production hardening', false],
    ['/check(list)?$/', 'Launch CHECKLIST', true],
    ['security checklist', 'Security', false],
  ]
  it.each(cases)('%s on %s → %s', (pattern, heading, matches) => expect(compileHeadingPattern(pattern)(heading)).toBe(matches))
})

describe('headingPatternProblem', () => {
  it.each(['security', '/^ops\\b/', '/ops/iu'])('accepts %s', (pattern) => expect(headingPatternProblem(pattern)).toBeNull())
  it.each(['', '   ', '!!!', '/([a-z/', '/ops/g'])('rejects %s', (pattern) => expect(headingPatternProblem(pattern)).not.toBeNull())
})
