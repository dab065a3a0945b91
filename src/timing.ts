/**
 * `--timing`: per-phase and per-rule time totals. Off by default; when off,
 * `timed` is a plain call (and Node's `performance` global, loaded on first
 * use, is never touched).
 */
export type Timings = Record<string, number>

let current: Timings | null = null

/** Starts collecting into a fresh table (per file in workers). */
export function startTiming(): void {
  current = {}
}

/** Stops collecting and returns what was gathered since `startTiming`. */
export function takeTimings(): Timings | null {
  const out = current
  current = null
  return out
}

export function timingEnabled(): boolean {
  return current !== null
}

/** Runs `fn`, adding its duration to `key` when timing is on. */
export function timed<T>(key: string, fn: () => T): T {
  if (current === null) return fn()
  const start = performance.now()
  try {
    return fn()
  } finally {
    const table = current
    if (table) table[key] = (table[key] ?? 0) + (performance.now() - start)
  }
}

export function addTimings(into: Timings, from: Timings | null | undefined): void {
  if (!from) return
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value
}

/** A table like ESLint's TIMING output, slowest first. */
export function formatTimings(timings: Timings): string {
  const rows = Object.entries(timings).sort((a, b) => b[1] - a[1])
  const total = rows.filter(([key]) => key.startsWith('phase:')).reduce((sum, [, ms]) => sum + ms, 0) || 1
  const width = Math.max(12, ...rows.map(([key]) => key.length))
  const lines = [`${'Phase / rule'.padEnd(width)} | Time (ms) | Relative`, `${'-'.repeat(width)}-|-----------|---------`]
  for (const [key, ms] of rows) lines.push(`${key.padEnd(width)} | ${ms.toFixed(1).padStart(9)} | ${((ms / total) * 100).toFixed(1).padStart(7)}%`)
  return lines.join('\n') + '\n'
}
