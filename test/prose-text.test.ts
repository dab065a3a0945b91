/**
 * ProseText keeps its map to the source as runs (verbatim text) and per-unit
 * offsets (everything else). Its ranges must be what a map with a start and
 * an end offset for every unit gives; `unitMap` below is that map, built the
 * plain way, and the property test compares the two on random pieces.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {alignToSource, ProseTextBuilder} from '../src/text/prose-text.js'

type Piece = {kind: 'aligned'; value: string; start: number; end: number} | {kind: 'atomic'; value: string; start: number; end: number}

/** The end of the source unit at `offset`: one character, or a whole character reference. */
function unitEnd(source: string, offset: number, limit: number): number {
  if (source[offset] === '&') {
    const semi = source.indexOf(';', offset)
    if (semi > offset && semi - offset <= 32 && semi < limit) return semi + 1
  }
  return offset + 1
}

/** A start and an end offset for every unit of the text the pieces make. */
function unitMap(source: string, pieces: Piece[]): {text: string; starts: number[]; ends: number[]} {
  let text = ''
  const starts: number[] = []
  const ends: number[] = []
  for (const piece of pieces) {
    text += piece.value
    if (piece.kind === 'atomic') {
      for (let i = 0; i < piece.value.length; i++) {
        starts.push(piece.start)
        ends.push(piece.end)
      }
      continue
    }
    const map = alignToSource(piece.value, source, piece.start, piece.end)
    for (let i = 0; i < piece.value.length; i++) {
      starts.push(map[i])
      ends.push(i + 1 < piece.value.length ? Math.max(map[i] + 1, Math.min(map[i + 1], unitEnd(source, map[i], piece.end))) : piece.end)
    }
  }
  return {text, starts, ends}
}

/** Source text, and pieces over it as the document index makes them: verbatim slices, escaped or decoded text, stand-ins. */
const scenario = fc
  .array(fc.constantFrom('a', 'b', ' ', '\\', '_', '&amp;', '&#169;', '\n', '> ', '*', 'é', '\u{1F600}'), {minLength: 1, maxLength: 40})
  .chain((units) => {
    const source = units.join('')
    const cut = fc.tuple(fc.nat(source.length), fc.nat(source.length)).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const)
    const piece: fc.Arbitrary<Piece> = fc.oneof(
      // Verbatim: the value is the source slice.
      cut.map(([start, end]) => ({kind: 'aligned' as const, value: source.slice(start, end), start, end})),
      // Escapes and references removed, as a parser's value would have them.
      cut.map(([start, end]) => ({kind: 'aligned' as const, value: source.slice(start, end).replace(/\\(.)/g, '$1').replace(/&amp;/g, '&').replace(/&#169;/g, '©').replace(/\n> /g, '\n'), start, end})),
      cut.map(([start, end]) => ({kind: 'atomic' as const, value: fc.sample(fc.constantFrom('\uFFFC', '\n'), 1)[0], start, end})),
    )
    return fc.tuple(fc.constant(source), fc.array(piece, {maxLength: 6}))
  })

describe('ProseText', () => {
  it('gives the ranges of a map with offsets for every unit (property)', () => {
    fc.assert(
      fc.property(scenario, ([source, pieces]) => {
        const builder = new ProseTextBuilder()
        for (const piece of pieces) {
          if (piece.kind === 'aligned') builder.addAligned(piece.value, source, piece.start, piece.end)
          else builder.addAtomic(piece.value, piece.start, piece.end)
        }
        const prose = builder.build()
        const expected = unitMap(source, pieces)
        expect(prose.text).toBe(expected.text)
        const n = expected.text.length
        for (let from = 0; from <= n; from++) {
          expect(prose.offsetAt(from)).toBe(n === 0 ? 0 : from >= n ? expected.ends[n - 1] : expected.starts[from])
          for (let to = from; to <= n; to++) {
            const a = Math.max(0, Math.min(from, n - 1))
            const b = Math.max(a, Math.min(to, n) - 1)
            expect(prose.range(from, to)).toEqual(n === 0 ? {start: 0, end: 0} : {start: expected.starts[a], end: expected.ends[b]})
          }
        }
      }),
      {numRuns: 500},
    )
  })

  it('keeps verbatim text that runs on in the source as one run', () => {
    const source = 'Hello world'
    const builder = new ProseTextBuilder()
    builder.addAligned('Hello', source, 0, 5)
    builder.addAligned(' world', source, 5, 11)
    const prose = builder.build()
    expect(prose.range(3, 8)).toEqual({start: 3, end: 8})
    expect(prose.offsetAt(11)).toBe(11)
  })
})
