import {describe, expect, it} from 'vitest'
import {byOffset} from '../src/by-offset.js'

interface Entry {
  name: string
  node: {position?: {start: {offset?: number}}}
}

const at = (name: string, offset?: number): Entry => ({name, node: offset === undefined ? {} : {position: {start: {offset}}}})
const names = (entries: Iterable<Entry>): string[] => [...entries].map((entry) => entry.name)

describe('byOffset', () => {
  // Out of order on purpose, with a tie and an entry that has no position.
  const list = [at('c', 30), at('a', 10), at('none'), at('b1', 20), at('b2', 20), at('d', 40)]
  const lookup = byOffset(list)

  it('finds the entries starting in a half-open range, in offset order', () => {
    expect(names(lookup.within(10, 40))).toEqual(['a', 'b1', 'b2', 'c'])
    expect(names(lookup.within(11, 30))).toEqual(['b1', 'b2'])
    expect(names(lookup.within(20, 21))).toEqual(['b1', 'b2'])
    expect(names(lookup.within(41, 100))).toEqual([])
    expect(names(lookup.within(30, 30))).toEqual([])
  })

  it('leaves out entries without a start offset', () => {
    expect(names(lookup.within(-Infinity, Infinity))).toEqual(['a', 'b1', 'b2', 'c', 'd'])
  })

  it('reads onward from an offset, and gives the first entry at or after it', () => {
    expect(names(lookup.from(25))).toEqual(['c', 'd'])
    expect(names(lookup.from(0))).toEqual(['a', 'b1', 'b2', 'c', 'd'])
    expect(lookup.first(11)?.name).toBe('b1')
    expect(lookup.first(40)?.name).toBe('d')
    expect(lookup.first(41)).toBeUndefined()
    expect(lookup.last(25)?.name).toBe('b2')
    expect(lookup.last(30)?.name).toBe('c')
    expect(lookup.last(9)).toBeUndefined()
  })

  it('is built once per list', () => {
    expect(byOffset(list)).toBe(lookup)
    expect(byOffset([...list])).not.toBe(lookup)
  })

  it('agrees with a scan of the list on random lists and ranges', () => {
    let seed = 7
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let round = 0; round < 200; round++) {
      const entries = Array.from({length: random(40)}, (_, i) => at(String(i), random(5) === 0 ? undefined : random(100)))
      const found = byOffset(entries)
      const start = random(110) - 5
      const end = start + random(60)
      const scanned = entries
        .filter((entry) => {
          const offset = entry.node.position?.start.offset
          return offset !== undefined && offset >= start && offset < end
        })
        .sort((x, y) => x.node.position!.start.offset! - y.node.position!.start.offset!)
      expect(names(found.within(start, end))).toEqual(names(scanned))
    }
  })
})
