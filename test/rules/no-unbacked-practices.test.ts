/** The `sections` option of no-unbacked-practices: validated at config load, matched per heading. */
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/options-schema.js'
import {lintWith, ruleById} from '../helpers.js'

const rule = ruleById('no-unbacked-practices')

describe('no-unbacked-practices option `sections`', () => {
  it('accepts words and regular expressions', () => {
    expect(rule.resolveOptions({sections: ['security checklist', '/^ops\\b/i']})).toEqual({sections: ['security checklist', '/^ops\\b/i']})
  })

  it.each([[''], ['/([a-z/'], ['/ops/g'], ['***']])('rejects %j as a configuration error', (pattern) => {
    expect(() => rule.resolveOptions({sections: [pattern]})).toThrow(ConfigError)
  })

  it('adds checklists under the configured headings only', async () => {
    const text = '# Doc\n\n## Launch checklist\n\n- [x] Backups\n\n## Other list\n\n- [x] Backups\n'
    const without = await lintWith(text, 'doc.md', {'no-unbacked-practices': undefined})
    expect(without.messages).toEqual([])
    const withOption = await lintWith(text, 'doc.md', {'no-unbacked-practices': {sections: ['launch checklist']}})
    expect(withOption.messages.map((m) => m.line)).toEqual([5])
  })
})
