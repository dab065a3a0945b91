import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {allMatches} from '../../src/text/all-matches.js'

const same = (text: string, re: RegExp): void => {
  const expected = [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => [m.index, [...m]])
  expect(allMatches(text, re).map((m) => [m.index, [...m]])).toEqual(expected)
}

describe('allMatches', () => {
  it('gives what matchAll gives, groups included', () => {
    same('a1 b22 c333', /([a-z])(\d+)/g)
    same('no digits here', /\d+/g)
    same('', /x/g)
  })

  it('steps over empty matches, by code point with the u flag', () => {
    same('ab', /x*/g)
    same('a\u{1F600}b', /x*/gu)
    same('a\u{1F600}b', /x*/g)
    same('\u{1F600}', /(?:)/gu)
  })

  it('starts from the beginning whatever lastIndex a previous use left, and resets it', () => {
    const re = /\d/g
    re.lastIndex = 3
    expect(allMatches('1 2 3', re).map((m) => m.index)).toEqual([0, 2, 4])
    expect(re.lastIndex).toBe(0)
  })

  it('refuses a pattern without the g flag, as matchAll does', () => {
    expect(() => allMatches('a', /a/)).toThrow(TypeError)
  })

  it('matches matchAll on generated text and patterns (property)', () => {
    const patterns = [/\p{L}+/gu, /[aeiou]?/g, /(?<![\p{L}])ab?/giu, /\s*/gu, /./gsu]
    fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 40}), fc.constantFrom(...patterns), (text, re) => same(text, re)), {numRuns: 500})
  })
})
