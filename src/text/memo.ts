/**
 * A memo for a pure string function, cleared when it reaches `limit` entries
 * (so a long run's memory stays bounded). Headings and words repeat a lot
 * within and across documents.
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
