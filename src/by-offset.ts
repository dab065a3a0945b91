/**
 * Range look-ups over a document index's lists (blocks, links, code): the
 * entries whose start offset lies in a range, found by binary search instead
 * of a scan of the whole list per question. A rule that asks once per list
 * item would otherwise take time in the product of items and entries.
 */

/** An index entry: a block, list item, table, link or code span, with its syntax node. */
interface Entry {
  node: {position?: {start: {offset?: number}}}
}

/** A list's entries that have a start offset, ordered by it. */
class ByOffset<T extends Entry> {
  readonly #items: T[]
  readonly #starts: number[]

  constructor(items: readonly T[]) {
    const entries: Array<{item: T; start: number}> = []
    for (const item of items) {
      const start = item.node.position?.start.offset
      if (start !== undefined) entries.push({item, start})
    }
    // Stable: entries at the same offset keep the list's order.
    entries.sort((a, b) => a.start - b.start)
    this.#items = entries.map((entry) => entry.item)
    this.#starts = entries.map((entry) => entry.start)
  }

  /** Entries whose start offset is at least `start` and below `end`, in offset order. */
  within(start: number, end: number): T[] {
    const found: T[] = []
    for (let i = this.#lowerBound(start); i < this.#starts.length && this.#starts[i] < end; i++) found.push(this.#items[i])
    return found
  }

  /** Entries whose start offset is at least `start`, in offset order, read as far as the caller goes. */
  *from(start: number): Generator<T> {
    for (let i = this.#lowerBound(start); i < this.#items.length; i++) yield this.#items[i]
  }

  /** The first entry whose start offset is at least `start`. */
  first(start: number): T | undefined {
    return this.#items[this.#lowerBound(start)]
  }

  /** The last entry whose start offset is at most `at`. */
  last(at: number): T | undefined {
    const index = this.#lowerBound(at + 1) - 1
    return index >= 0 ? this.#items[index] : undefined
  }

  /** Index of the first start at or after `start`. */
  #lowerBound(start: number): number {
    const starts = this.#starts
    let low = 0
    let high = starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (starts[middle] < start) low = middle + 1
      else high = middle
    }
    return low
  }
}

export interface OffsetLookup<T> {
  /** Entries whose start offset is at least `start` and below `end`, in offset order. */
  within(start: number, end: number): T[]
  /** Entries whose start offset is at least `start`, in offset order, read as far as the caller goes. */
  from(start: number): Iterable<T>
  /** The first entry whose start offset is at least `start`. */
  first(start: number): T | undefined
  /** The last entry whose start offset is at most `at`. */
  last(at: number): T | undefined
}

const cache = new WeakMap<readonly Entry[], ByOffset<Entry>>()

/**
 * The look-up for `items` (a list of the document index, which never changes
 * once built), ordered by where each entry's node starts; made on first use.
 */
export function byOffset<T extends Entry>(items: readonly T[]): OffsetLookup<T> {
  let lookup = cache.get(items) as ByOffset<T> | undefined
  if (!lookup) {
    lookup = new ByOffset(items)
    cache.set(items, lookup)
  }
  return lookup
}
