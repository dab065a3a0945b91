/**
 * `require-non-goals` with `requireReason` on (the `strict` setting): the
 * fixtures in fixtures/require-non-goals/require-reason/ use the same format
 * as the rule's main fixtures.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {STRICT_OPTIONS} from '../../rules/presets.js'
import {FIXTURES, formatExpected, lintWith} from '../helpers.js'

const ID = 'require-non-goals'
const DIR = join(FIXTURES, ID, 'require-reason')
const options = JSON.parse(readFileSync(join(DIR, 'options.json'), 'utf8'))

describe(`${ID} with requireReason`, () => {
  it('is what the strict preset turns on', () => {
    expect(STRICT_OPTIONS[ID]).toEqual(options)
  })

  for (const name of readdirSync(DIR).filter((file) => /^(valid|invalid)[\w-]*\.mdx?$/.test(file))) {
    it(name, async () => {
      const path = join(DIR, name)
      const result = await lintWith(readFileSync(path, 'utf8'), path, {[ID]: options})
      const own = result.messages.filter((m) => m.ruleId === ID)
      const expected = name.startsWith('invalid') ? readFileSync(path.replace(/\.mdx?$/, '.expected.txt'), 'utf8').trim() : ''
      expect(formatExpected(own)).toBe(expected)
    })
  }

  it('stays silent about reasons by default', async () => {
    const path = join(DIR, 'invalid.md')
    const result = await lintWith(readFileSync(path, 'utf8'), path, {[ID]: undefined})
    expect(result.messages.filter((m) => m.ruleId === ID)).toEqual([])
  })
})
