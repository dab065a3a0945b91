import {describe, expect, it} from 'vitest'
import {isIsoDate, UNCLOSED_FRONT_MATTER_RE} from '../../src/text/front-matter-values.js'

const DATES: ReadonlyArray<[unknown, boolean]> = [
  ['2025-03-19', true],
  ['2025-03-19T10:30', true],
  ['2025-03-19 10:30:00+02:00', true],
  ['2025-03-19T10:30:00.5Z', true],
  ['2024-02-29', true],
  ['2014-04-17 12:00:00 -0500', true],
  [new Date('2025-03-19'), true],
  ['YYYY-MM-DD', false],
  ['[YYYY-MM-DD]', false],
  [['YYYY-MM-DD'], false],
  ['2025-02-29', false],
  ['2025-13-01', false],
  ['2025-3-19', false],
  ['March 19, 2025', false],
  ['2025-03-19T25:00', false],
  [new Date('nope'), false],
  [20250319, false],
  [null, false],
]

describe('isIsoDate', () => {
  for (const [value, expected] of DATES) {
    it(`${expected ? 'accepts' : 'rejects'} ${JSON.stringify(value)}`, () => expect(isIsoDate(value)).toBe(expected))
  }
})

const SOURCES: ReadonlyArray<[string, string | null]> = [
  ['---\ntitle: Hello\n\n# Heading\n', '---'],
  ['+++\ntitle = "Hello"\n\nText\n', '+++'],
  ['---\n"quoted key": 1\n', '---'],
  ['---\n\n# A document that opens with a rule line\n', null],
  ['Text first\n---\ntitle: x\n', null],
  ['---\n- a list after a rule\n', null],
]

describe('UNCLOSED_FRONT_MATTER_RE', () => {
  for (const [source, fence] of SOURCES) {
    it(`${fence ? 'matches' : 'skips'} ${JSON.stringify(source.slice(0, 24))}`, () => expect(UNCLOSED_FRONT_MATTER_RE.exec(source)?.[1] ?? null).toBe(fence))
  }
})
