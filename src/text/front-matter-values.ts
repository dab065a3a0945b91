/**
 * Front-matter value checks: ISO 8601 dates and the shape of a front-matter
 * block whose closing fence is missing.
 */

/** `2025-03-19`, `2025-03-19T10:30`, `2025-03-19 10:30:00+02:00`, `2025-03-19T10:30:00.5Z`, Jekyll's `2014-04-17 12:00:00 -0500`. */
export const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?)?$/

/**
 * A document that opens with a front-matter fence and a first key but was
 * never closed: remark then reads the fence as a rule line and the keys as
 * text. Group 1 is the fence.
 */
export const UNCLOSED_FRONT_MATTER_RE = /^(---|\+\+\+)[ \t]*\r?\n[ \t]*(?:"[^"\n]+"|'[^'\n]+'|[A-Za-z_][\w.-]*)[ \t]*[:=](?:[ \t]|\r?\n|$)/

/** True for a real calendar date (or date-time) in ISO 8601 form, or a valid `Date` (TOML dates). */
export function isIsoDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  if (typeof value !== 'string') return false
  const match = ISO_DATE_RE.exec(value.trim())
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false
  const [hour, minute, second] = [match[4], match[5], match[6]].map((part) => (part === undefined ? 0 : Number(part)))
  return hour < 24 && minute < 60 && second < 61
}
