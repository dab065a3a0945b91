import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {allMatches} from '../../src/text/all-matches.js'
import {asciiTwin, hasOtherLetters, LetterRegExp, letterRe, MAX_SCANNED, needsExact, withFlags} from '../../src/text/letter-re.js'

const results = (text: string, re: RegExp): unknown => (re.global ? allMatches(text, re).map((m) => [m.index, [...m]]) : (() => {
  const m = re.exec(text)
  return m && [m.index, [...m]]
})())

/** Patterns shaped like the ones the rules use: word boundaries, words, classes inside and outside brackets, negated classes. */
const PATTERNS: ReadonlyArray<[string, string]> = [
  ['(?<![\\p{L}\\p{N}])(?:cut|cutting|build(?: times?)?)(?![\\p{L}\\p{N}])', 'giu'],
  ['(?<!\\p{L}|\\p{N}|-)(?:latenc(?:y|ies)|costs?)(?!\\p{L}|\\p{N}|-(?!\\s))', 'gu'],
  ['[\\p{L}\\p{N}]+(?:[\'’][\\p{L}]+)*', 'gu'],
  ['(?<![\\p{L}\\p{N}])(?:\\p{Lu}\\p{Ll}+|\\p{Ll}+)\\p{Lu}[\\p{L}\\p{N}]*', 'gu'],
  ['[^\\p{L}\\p{N}\\s\'’-]', 'gu'],
  ['\\p{L}{2}[.!?]\\s+[\\p{Lu}\\p{N}]', 'u'],
  ['^\\p{Lu}', 'u'],
  ['\\bto\\s+(?:[\\p{L}-]+\\s+){0,2}$', 'iu'],
  ['(?<![\\p{L}\\p{N}_-])(?:TODO|TBD)(?![\\p{L}\\p{N}_-]|\\.[A-Za-z])', 'gu'],
  ['\\p{Lu}+', 'giu'],
  // With `i`: named groups, ranges, escapes, a negated class, and words that `ſ` and the Kelvin sign fold into.
  ['(?<num>[a-f\\d]+)\\s*(?:ms|Sec(?:onds)?)\\b', 'giu'],
  ['[^a-z\\s\\p{N}]+', 'giu'],
  ['\\bK(?:pi|PI)s?\\b|\\bss\\w', 'iu'],
]

/** Text mixing ASCII words with letters and digits from elsewhere, astral letters, marks and case-folding oddities. */
const PIECES = ['cut', 'cutting', 'Build times', 'latency', 'costs', '-', ' ', '. ', 'TODO', 'tbd', "it's", 'iPhone', 'X', '7', '_', '’',
  'é', 'Éa', 'ß', 'ſ', 'K', 'ms', 'Sec', 'KPIs', 'F00', 'SS', '\u0345', 'Ǆ', '٣', '\u{1D400}', '\u{1F600}', 'a\u0301', 'Ω', '中文', '—', '\n']

describe('asciiTwin', () => {
  it('rewrites the four letter classes inside and outside brackets', () => {
    expect(asciiTwin('(?<![\\p{L}\\p{N}])x\\p{Lu}\\p{Ll}+\\p{L}')).toBe('(?<![A-Za-z0-9])x[A-Z][a-z]+[A-Za-z]')
    expect(asciiTwin('[^\\p{L}\\p{N}\\s]')).toBe('[^A-Za-z0-9\\s]')
  })

  it('leaves escaped backslashes and brackets alone', () => {
    expect(asciiTwin('\\\\p{L}')).toBe('\\\\p{L}')
    expect(asciiTwin('[\\]\\p{L}]\\[\\p{N}')).toBe('[\\]A-Za-z]\\[[0-9]')
  })

  it('refuses other property escapes', () => {
    expect(() => asciiTwin('\\p{M}')).toThrow(SyntaxError)
    expect(() => asciiTwin('\\P{L}')).toThrow(SyntaxError)
  })
})

describe('hasOtherLetters', () => {
  it('tells text with letters or digits outside ASCII from text without', () => {
    expect(hasOtherLetters('plain ascii 42', false)).toBe(false)
    expect(hasOtherLetters('quotes ’ and — dashes → arrows 😀', false)).toBe(false)
    expect(hasOtherLetters('café', false)).toBe(true)
    expect(hasOtherLetters('٣ items', false)).toBe(true)
    expect(hasOtherLetters('\u{1D400}', false)).toBe(true)
  })

  it('with case folding, counts a mark that folds to a letter', () => {
    expect(hasOtherLetters('x\u0345', false)).toBe(false)
    expect(hasOtherLetters('x\u0345', true)).toBe(true)
  })
})

describe('needsExact', () => {
  it('takes the exact pattern for long strings without scanning them, and for other letters', () => {
    expect(needsExact('a'.repeat(MAX_SCANNED), false)).toBe(false)
    expect(needsExact('a'.repeat(MAX_SCANNED + 1), false)).toBe(true)
    expect(needsExact('naïve', false)).toBe(true)
    expect(needsExact('naive', false)).toBe(false)
  })
})

describe('letterRe', () => {
  it('matches as the pattern as written, on ASCII and on other letters', () => {
    for (const [source, flags] of PATTERNS) {
      for (const text of ['Build times were cut', 'cutting costs-down by 40%', 'caféLatency costs', 'iPhone and MacBook', 'ſ and K', 'TODO: x', 'Ab. Cd', '']) {
        expect(results(text, letterRe(source, flags)), `/${source}/${flags} on ${text}`).toEqual(results(text, new RegExp(source, flags)))
      }
    }
  })

  it('matches as the pattern as written on strings too long to scan', () => {
    const long = 'Build times were cut, caféLatency costs fell. '.repeat(Math.ceil(MAX_SCANNED / 40))
    for (const [source, flags] of PATTERNS) expect(results(long, letterRe(source, flags))).toEqual(results(long, new RegExp(source, flags)))
  })

  it('keeps the exact source, flags and lastIndex behaviour', () => {
    const re = letterRe('\\p{L}+', 'gu')
    expect(re.source).toBe('\\p{L}+')
    expect(String(re)).toBe('/\\p{L}+/gu')
    expect(re.exec('ab cé')?.index).toBe(0)
    expect(re.lastIndex).toBe(2)
    expect(re.exec('ab cé')?.[0]).toBe('cé')
    expect(re.lastIndex).toBe(5)
    expect(re.exec('ab cé')).toBeNull()
    expect(re.lastIndex).toBe(0)
  })

  it('works through test, replace, match, matchAll, split and search', () => {
    const source = '(?<![\\p{L}\\p{N}])\\p{Lu}\\p{Ll}+'
    for (const text of ['See Alpha and Beta', 'Éclair and Crème Brûlée', 'none here']) {
      const exact = (flags: string): RegExp => new RegExp(source, flags)
      expect(letterRe(source, 'u').test(text)).toBe(exact('u').test(text))
      expect(text.replace(letterRe(source, 'gu'), '<$&>')).toBe(text.replace(exact('gu'), '<$&>'))
      expect(text.match(letterRe(source, 'gu'))).toEqual(text.match(exact('gu')))
      expect([...text.matchAll(letterRe(source, 'gu'))].map((m) => [m.index, m[0]])).toEqual([...text.matchAll(exact('gu'))].map((m) => [m.index, m[0]]))
      expect(text.split(letterRe(source, 'u'))).toEqual(text.split(exact('u')))
      expect(text.search(letterRe(source, 'u'))).toBe(text.search(exact('u')))
    }
  })

  it('copies with other flags and stays exact', () => {
    const sticky = withFlags(letterRe('\\p{L}+', 'gu'), 'uy')
    expect(sticky).toBeInstanceOf(LetterRegExp)
    sticky.lastIndex = 3
    expect(sticky.exec('ab cé')?.[0]).toBe('cé')
    expect(withFlags(/a/g, 'y').flags).toBe('y')
  })

  it('needs the u flag and refuses unsupported escapes', () => {
    expect(() => letterRe('\\p{L}', 'g')).toThrow(SyntaxError)
    expect(() => letterRe('\\p{Script=Greek}', 'u')).toThrow(SyntaxError)
  })

  it('matches as the exact pattern on generated text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), {maxLength: 12}), fc.constantFrom(...PATTERNS), (pieces, [source, flags]) => {
        const text = pieces.join('')
        expect(results(text, letterRe(source, flags))).toEqual(results(text, new RegExp(source, flags)))
      }),
      {numRuns: 2000},
    )
  })
})
