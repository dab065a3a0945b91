/**
 * Inline control comments:
 *
 *   <!-- casestudy-lint-disable [rule …] -->   until a matching enable (or the end)
 *   <!-- casestudy-lint-enable [rule …] -->
 *   <!-- casestudy-lint-ignore [rule …] -->    the next node only
 *   <!-- casestudy-lint-disable-next-line [rule …] -->
 *
 * In MDX the same words go in `{/* … *\/}`. Without rule ids a directive
 * applies to every rule. Unknown rule ids are reported.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {DocumentIndex} from './document.js'
import {SOURCE} from './meta.js'

export const DIRECTIVE_RE = /^casestudy-lint-(disable-next-line|disable|enable|ignore)(?:\s+([\s\S]*))?$/

interface Range {
  /** `null` means every rule. */
  rule: string | null
  start: number
  end: number
}

export function applyInlineControl(file: VFile, doc: DocumentIndex, knownRules: ReadonlySet<string>): void {
  const ranges: Range[] = []
  const open = new Map<string | null, number>()
  const directiveMessages: VFileMessage[] = []

  for (const comment of doc.comments) {
    const match = DIRECTIVE_RE.exec(comment.text.trim())
    if (!match) continue
    const kind = match[1]
    const ids = (match[2] ?? '').split(/[\s,]+/).map((id) => id.replace(/^casestudy-lint:/, '')).filter(Boolean)
    for (const id of ids) {
      if (!knownRules.has(id)) {
        const message = file.message(`Unknown rule \`${id}\` in \`casestudy-lint-${kind}\` comment, expected a casestudy-lint rule id`, {
          place: {start: doc.point(comment.start), end: doc.point(comment.end)},
          ruleId: 'inline-config',
          source: SOURCE,
        })
        message.fatal = false
        message.actual = id
        directiveMessages.push(message)
      }
    }
    const targets: (string | null)[] = ids.length ? ids.filter((id) => knownRules.has(id)) : [null]
    if (ids.length && targets.length === 0) continue
    for (const rule of targets) {
      switch (kind) {
        case 'disable':
          if (!open.has(rule)) open.set(rule, comment.end)
          break
        case 'enable':
          if (rule === null) {
            for (const [id, start] of open) ranges.push({rule: id, start, end: comment.start})
            open.clear()
          } else if (open.has(rule)) {
            ranges.push({rule, start: open.get(rule)!, end: comment.start})
            open.delete(rule)
          }
          break
        case 'ignore':
          if (comment.nextStart !== null && comment.nextEnd !== null) ranges.push({rule, start: comment.nextStart, end: comment.nextEnd})
          break
        case 'disable-next-line': {
          const line = doc.point(comment.end).line + 1
          const lineStart = lineOffset(doc.source, line)
          if (lineStart !== null) {
            const lineEnd = doc.source.indexOf('\n', lineStart)
            ranges.push({rule, start: lineStart, end: lineEnd < 0 ? doc.source.length : lineEnd})
          }
          break
        }
      }
    }
  }
  for (const [rule, start] of open) ranges.push({rule, start, end: doc.source.length})
  if (ranges.length === 0) return

  file.messages = file.messages.filter((message) => {
    if (directiveMessages.includes(message) || !message.ruleId || message.source !== SOURCE) return true
    const offset = message.place && 'start' in message.place ? message.place.start.offset : undefined
    if (offset === undefined) return true
    return !ranges.some((range) => (range.rule === null || range.rule === message.ruleId) && offset >= range.start && offset <= range.end)
  })
}

function lineOffset(source: string, line: number): number | null {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = source.indexOf('\n', offset)
    if (next < 0) return null
    offset = next + 1
  }
  return offset
}
