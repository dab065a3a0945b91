/**
 * `--format github`: one workflow-command annotation per finding, so GitHub
 * shows each finding on the pull request's diff.
 *
 *   ::error file=docs/a.md,line=3,endLine=3,col=10,endColumn=27,title=casestudy-lint/no-placeholders::Unfilled placeholder …
 *
 * Safety: document text flows into messages (`actual`), so every value is
 * escaped the way the runner decodes it (`%`, CR, LF in the message; also `:`
 * and `,` in properties). A document can therefore never end an annotation
 * line early or start a workflow command of its own (`::add-mask::`,
 * `::stop-commands::` …): each finding is exactly one output line.
 *
 * GitHub shows at most {@link ANNOTATIONS_PER_KIND} annotations of each kind
 * per step, in the order printed, so errors come first, then warnings, then
 * notices. When there are more findings than will show, the formatter also
 * returns a Markdown table of all findings for the step summary.
 */
import {relative, sep} from 'node:path'
import type {FileResult, LintMessage} from '../engine.js'
import {SOURCE} from '../meta.js'
import type {FormatOptions, Formatted} from './index.js'

/** Annotations of one kind (error, warning, notice) GitHub shows for a step. */
export const ANNOTATIONS_PER_KIND = 10

/** Bytes the step summary may take; GitHub rejects a step summary over 1 MiB. */
export const SUMMARY_BUDGET = 1000 * 1024

type Command = 'error' | 'warning' | 'notice'

const COMMAND: Record<LintMessage['severity'], Command> = {error: 'error', warning: 'warning', info: 'notice'}
const ORDER: readonly Command[] = ['error', 'warning', 'notice']

interface Finding {
  file: string | null
  message: LintMessage
  command: Command
}

/** Escapes workflow-command data (the text after `::`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a workflow-command property value. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Unicode line and paragraph separators and NEL are not line breaks to the
 * runner, but some log viewers break lines at them; a space keeps every
 * annotation visibly on one line.
 */
const UNICODE_BREAK_RE = /[\u0085\u2028\u2029]/g

function clean(value: string): string {
  return value.replace(UNICODE_BREAK_RE, ' ')
}

export function formatGithub(results: readonly FileResult[], options: FormatOptions): Formatted {
  const findings: Finding[] = []
  for (const result of results) {
    const file = displayPath(result.filePath, options.cwd)
    for (const message of result.messages) findings.push({file, message, command: COMMAND[message.severity]})
  }
  const ordered = ORDER.flatMap((command) => findings.filter((finding) => finding.command === command))
  const output = ordered.map(annotation).join('')
  const counts = Object.fromEntries(ORDER.map((command) => [command, findings.filter((f) => f.command === command).length])) as Record<Command, number>
  const hidden = ORDER.some((command) => counts[command] > ANNOTATIONS_PER_KIND)
  return hidden ? {output, stepSummary: summaryTable(findings, counts)} : {output}
}

/** Workspace-relative path with `/` separators; `null` for standard input. */
function displayPath(filePath: string, cwd: string): string | null {
  if (filePath === '<stdin>') return null
  const path = relative(cwd, filePath) || filePath
  return sep === '/' ? path : path.split(sep).join('/')
}

function annotation(finding: Finding): string {
  const {message, file} = finding
  const properties: [string, string][] = []
  if (file !== null) {
    properties.push(['file', file], ['line', String(message.line)], ['endLine', String(message.endLine)])
    // GitHub ignores columns on an annotation that spans several lines.
    if (message.line === message.endLine) properties.push(['col', String(message.column)], ['endColumn', String(message.endColumn)])
  }
  properties.push(['title', title(message)])
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(clean(value))}`).join(',')
  return `::${finding.command} ${props}::${escapeData(clean(message.message))}\n`
}

function title(message: LintMessage): string {
  return message.ruleId ? `${SOURCE}/${message.ruleId}` : SOURCE
}

/** Invisible, and not a word character: placed where a bare URL or e-mail address would be linked. */
const WORD_JOINER = '\u2060'

/**
 * Escapes text for one cell of a GFM table: line breaks and other control
 * characters become spaces (so the row cannot end early); every ASCII
 * punctuation mark is backslash-escaped (so no `|` column break, emphasis,
 * link, HTML, entity, mention or issue reference can form); and a word joiner
 * follows `www`, `:` and `@`, since GFM links bare `www.`, `https://` and
 * e-mail addresses even when their punctuation is escaped.
 */
export function escapeCell(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/www(?=\.)|[:@]/gi, (match) => match + WORD_JOINER)
    .replace(/[!-\/:-@[-`{-~]/g, (mark) => `\\${mark}`)
}

function summaryTable(findings: readonly Finding[], counts: Record<Command, number>): string {
  const tally = [`${counts.error} ${plural(counts.error, 'error')}`, `${counts.warning} ${plural(counts.warning, 'warning')}`]
  if (counts.notice) tally.push(`${counts.notice} ${plural(counts.notice, 'notice')}`)
  const head = [
    `## ${SOURCE}: ${tally.join(', ')}`,
    '',
    `GitHub shows at most ${ANNOTATIONS_PER_KIND} annotations of each kind per step, so this table lists every finding.`,
    '',
    '| File | Line | Severity | Rule | Message |',
    '| --- | --- | --- | --- | --- |',
  ].join('\n') + '\n'
  let body = ''
  let size = Buffer.byteLength(head)
  let shown = 0
  for (const finding of findings) {
    const row = summaryRow(finding)
    const rowSize = Buffer.byteLength(row)
    if (size + rowSize > SUMMARY_BUDGET - 512) break
    body += row
    size += rowSize
    shown++
  }
  const rest = findings.length - shown
  const tail = rest > 0 ? `\n${rest} more ${plural(rest, 'finding')} not listed (the step summary is limited in size); run with \`--format json\` for all of them.\n` : ''
  return head + body + tail + '\n'
}

function summaryRow(finding: Finding): string {
  const {message} = finding
  const file = finding.file === null ? 'standard input' : finding.file
  const rule = message.ruleId ? (message.url && isSafeUrl(message.url) ? `[${escapeCell(message.ruleId)}](${message.url})` : escapeCell(message.ruleId)) : escapeCell(SOURCE)
  const cells = [escapeCell(file), String(message.line), message.severity, rule, escapeCell(message.message)]
  return `| ${cells.join(' | ')} |\n`
}

/** Only plain https links to rule docs go into the table as links. */
function isSafeUrl(url: string): boolean {
  return /^https:\/\/[\w.-]+\/[\w./~%-]*$/.test(url)
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}
