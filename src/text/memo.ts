/**
 * A memo for a pure function of a string, cleared when it reaches `limit` entries
 * (so a long run's memory stays bounded). Headings and words repeat a lot
 * within a document, which is what a memo needs to pay. Keep limits small:
 * the entries stay alive across documents, and V8 grows a worker's heap to a
 * multiple of what stays alive (on the benchmark corpus, limits of 50,000 and
 * 20,000 entries instead of 1,000 and 500 raised peak memory by ~36 MB for no
 * speed-up).
 */
export function boundedMemo<V extends NonNullable<unknown>>(compute: (key: string) => V, limit: number): (key: string) => V {
  const memo = new Map<string, V>()
  return (key) => {
    let value = memo.get(key)
    if (value === undefined) {
      value = compute(key)
      if (memo.size >= limit) memo.clear()
      memo.set(key, value)
    }
    return value
  }
}
