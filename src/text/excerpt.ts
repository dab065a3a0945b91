/**
 * Short one-line excerpts of prose for messages: atoms (code spans, inline
 * HTML) become `…`, whitespace collapses, backticks are dropped (messages wrap
 * the excerpt in backticks), and long text is cut at a word boundary.
 */
import {OBJECT_CHAR} from './prose-text.js'

/** Longest excerpt, in characters, before it is cut. */
export const MAX_EXCERPT_LENGTH = 60

export function excerpt(text: string, max = MAX_EXCERPT_LENGTH): string {
  const flat = text.replaceAll(OBJECT_CHAR, '…').replace(/`/g, '').replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.(-]+$/, '')}…`
}
