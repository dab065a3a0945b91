/**
 * The hints that let findInlinePlaceholders skip a pattern must never skip
 * text the pattern matches: generated text heavy in each pattern's
 * characters, plus every shared and shipped document's paragraphs.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {PATTERN_HINTS} from '../../src/text/placeholder-patterns.js'
import {ROOT, SHARED} from '../helpers.js'

const PIECES = [
  'X', 'Y', 'Z', 'N', 'x', 'y', 'z', 'XX', 'XXX', 'NNN', 'YYYY', 'MM', 'DD', 'YY', 'HH', 'SS', '20', '19', '2024', '$', '€', '£', 'K', 'M', 'B',
  ',', '.', '-', '–', '/', ':', ' ', '\n', '%', 'ms', 'users', 'k', 'million', 'TODO', 'TBD', 'TBA', 'FIXME', 'TKTK', 'lorem ipsum', 'Lorem Ipsum',
  '[', ']', '<', '>', '{{', '}}', '_', 'YOUR', 'NAME', 'a', 'b', 'word', '1', '0', 'é', '日', '\t', '=', "'", '"',
]
const text = fc.array(fc.constantFrom(...PIECES), {maxLength: 40}).map((parts) => parts.join(''))

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? markdownFiles(path) : /\.mdx?$/.test(name) ? [path] : []
  })
}

describe('placeholder pattern hints', () => {
  for (const [re, hint] of PATTERN_HINTS) {
    const matches = (value: string): boolean => {
      re.lastIndex = 0
      return [...value.matchAll(re)].length > 0
    }
    it(`never rule out a match of ${re.source.slice(0, 40)}…`, () => {
      fc.assert(fc.property(text, (value) => !matches(value) || hint(value)), {numRuns: 3000})
      const lines = [...markdownFiles(join(ROOT, 'templates')), ...markdownFiles(join(SHARED, 'corpus'))].flatMap((file) => readFileSync(file, 'utf8').split('\n'))
      for (const line of lines) if (matches(line)) expect(hint(line), line).toBe(true)
    })
  }

  it('rule out plain prose', () => {
    const prose = 'We moved the queue to a managed service and deleted the old cron jobs.'
    for (const [re, hint] of PATTERN_HINTS) expect(hint(prose), re.source).toBe(false)
  })
})
