/**
 * Whole, finished case studies in fixtures/complete/ lint clean with every
 * rule on: the linter's precision on good writing, end to end.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {FIXTURES, formatExpected, lintAll} from './helpers.js'

const dir = join(FIXTURES, 'complete')

describe('finished case studies', () => {
  for (const name of readdirSync(dir).filter((n) => /\.(md|mdx)$/.test(n))) {
    it(`${name} lints clean with all rules`, async () => {
      const result = await lintAll(readFileSync(join(dir, name), 'utf8'), join(dir, name))
      expect(formatExpected(result.messages)).toBe('')
    })
  }
})
