/** The fixed JSON result shape, and helpers that need no parser. */
import {SOURCE} from './meta.js'

export type MessageSeverity = 'error' | 'warning' | 'info'

/** One finding in the fixed JSON shape. */
export interface LintMessage {
  ruleId: string | null
  source: string
  severity: MessageSeverity
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  actual?: string
  expected?: string[]
  url?: string
  /** Present (and `true`) only when the file could not be linted. */
  fatal?: true
}

export interface FileResult {
  filePath: string
  messages: LintMessage[]
  errorCount: number
  warningCount: number
}

export function withCounts(filePath: string, messages: LintMessage[]): FileResult {
  let errorCount = 0
  let warningCount = 0
  for (const message of messages) {
    if (message.severity === 'error') errorCount++
    else if (message.severity === 'warning') warningCount++
  }
  return {filePath, messages, errorCount, warningCount}
}

/**
 * A result for a file that was not linted: an error marked `fatal`, or a
 * warning (a file skipped on purpose, such as one over the size limit).
 */
export function notLinted(filePath: string, reason: string, severity: 'error' | 'warning' = 'error', line = 1, column = 1): FileResult {
  const message: LintMessage = {ruleId: null, source: SOURCE, severity, message: reason, line, column, endLine: line, endColumn: column}
  if (severity === 'error') message.fatal = true
  return withCounts(filePath, [message])
}

/** The result for a file stopped at its time budget (`ms` milliseconds). */
export function overBudget(filePath: string, ms: number): FileResult {
  const seconds = ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
  return notLinted(filePath, `Not linted: took longer than ${seconds} (raise the budget with --file-timeout)`)
}
