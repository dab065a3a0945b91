/**
 * Every rule against its fixtures: `valid*` files yield nothing, `invalid*`
 * files yield exactly the messages in `<name>.expected.txt`, and every
 * message carries the rule's id, source, url, actual text and an end.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {fixtureCases, fixtureOptions, formatExpected, lintWith} from './helpers.js'

for (const rule of rules) {
  describe(rule.id, () => {
    const cases = fixtureCases(rule.id)

    it('has at least one valid and one invalid fixture', () => {
      expect(cases.some((c) => c.kind === 'valid')).toBe(true)
      expect(cases.some((c) => c.kind === 'invalid')).toBe(true)
    })

    for (const fixture of cases) {
      it(`${fixture.name}`, async () => {
        const text = readFileSync(fixture.path, 'utf8')
        const result = await lintWith(text, fixture.path, {[rule.id]: fixtureOptions(rule.id)})
        const own = result.messages.filter((m) => m.ruleId === rule.id)
        expect(result.messages.filter((m) => m.ruleId !== rule.id && m.ruleId !== null)).toEqual([])
        if (fixture.kind === 'valid') {
          expect(formatExpected(own)).toBe('')
          return
        }
        const expected = readFileSync(fixture.expectedPath!, 'utf8').trim()
        expect(formatExpected(own)).toBe(expected)
        for (const message of own) {
          expect(message.source).toBe('casestudy-lint')
          expect(message.url).toBe(rule.url)
          expect(message.severity).toBe(rule.severity === 'error' ? 'error' : 'warning')
          expect(typeof message.actual).toBe('string')
          expect(message.actual!.length).toBeGreaterThan(0)
          expect(message.endLine > message.line || (message.endLine === message.line && message.endColumn >= message.column)).toBe(true)
          // Quoted text (`…`) is the document's own wording, which may well say "you".
          expect(message.message.replace(/`[^`]*`/g, '``')).not.toMatch(/\.$|\b(?:you|please|should)\b/i)
        }
      })
    }
  })
}
