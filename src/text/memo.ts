/**
 * A memo for a pure string function, cleared when it reaches `limit` entries
 * (so a long run's memory stays bounded). Headings and words repeat a lot
 * within a document, which is what a memo needs to pay. Keep limits small:
 * the entries stay alive across documents, and V8 grows a worker's heap to a
 * multiple of what stays alive (on the benchmark corpus, limits of 50,000 and
 * 20,000 entries instead of 1,000 and 500 raised peak memory by ~36 MB for no
 * speed-up).
 */
export function boundedMemo(compute: (key: string) => string, limit: number): (key: string) => string {
  const memo = new Map<string, string>()
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
