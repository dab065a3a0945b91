/**
 * Heading patterns given in configuration (`sections: ["security checklist",
 * "/^hardening\\b/"]`). A plain string matches a heading that contains it,
 * ignoring case, emoji, numbering and punctuation (both sides normalised the
 * same way). A string written as `/source/` or `/source/flags` is a regular
 * expression tested against the heading text as written, always ignoring
 * case.
 */
import {normaliseHeading} from './section-roles.js'

/** `/source/flags`: a regular expression pattern. */
export const REGEX_PATTERN_RE = /^\/(.+)\/([a-z]*)$/s

/** Flags a heading pattern may carry (`i` is always added). */
export const ALLOWED_FLAGS_RE = /^[imsu]*$/

export type HeadingMatcher = (title: string) => boolean

/** Why `pattern` is not a usable heading pattern, or `null` when it is. */
export function headingPatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'is empty, expected words of a heading or a /regular expression/'
  const regex = REGEX_PATTERN_RE.exec(pattern)
  if (regex) {
    if (!ALLOWED_FLAGS_RE.test(regex[2])) return `has unsupported flags \`${regex[2]}\`, expected only i, m, s or u`
    try {
      new RegExp(regex[1], 'i' + regex[2].replace(/i/g, ''))
    } catch (error) {
      return `is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`
    }
    return null
  }
  if (normaliseHeading(pattern) === '') return 'has no words once punctuation is removed, expected words of a heading'
  return null
}

/** A matcher for a valid pattern (check it with `headingPatternProblem` first). */
export function compileHeadingPattern(pattern: string): HeadingMatcher {
  const regex = REGEX_PATTERN_RE.exec(pattern)
  if (regex) {
    const re = new RegExp(regex[1], 'i' + regex[2].replace(/i/g, ''))
    return (title) => re.test(title)
  }
  const needle = normaliseHeading(pattern)
  return (title) => normaliseHeading(title).includes(needle)
}
