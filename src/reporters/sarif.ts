/**
 * `--format sarif`: a SARIF 2.1.0 log with one run, for GitHub code scanning
 * (`github/codeql-action/upload-sarif`) and other SARIF viewers.
 *
 * - `tool.driver.rules` describes every registered rule (id, description,
 *   rationale, how to fix, docs link, default level), plus any other rule id
 *   that appears in the findings (`inline-config`, `casestudy-lint/fatal`).
 * - Locations are relative to the working folder (`uriBaseId: "%SRCROOT%"`),
 *   with the folder itself in `originalUriBaseIds`; columns count UTF-16 code
 *   units, as in every other format.
 * - A file that could not be linted (unreadable, binary, invalid MDX,
 *   skipped as too large) becomes a result of the rule `casestudy-lint/fatal`,
 *   not a `toolExecutionNotification`: it is a problem in that file that its
 *   author has to fix, and code scanning shows results, not notifications.
 * - `partialFingerprints["casestudyLint/v1"]` identifies a finding across
 *   unrelated edits: a hash of the rule id, the file, the offending text with
 *   white space collapsed, and how many times the same rule already flagged
 *   the same text earlier in that file. Line numbers are not part of it, so
 *   adding a paragraph above a finding does not make it a new alert.
 */
import {createHash} from 'node:crypto'
import {isAbsolute, relative, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Rule} from '../define-rule.js'
import type {FileResult, LintMessage} from '../engine.js'
import {DOCS_BASE_URL, SOURCE} from '../meta.js'
import type {FormatOptions} from './index.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
export const FATAL_RULE_ID = `${SOURCE}/fatal`
export const FINGERPRINT_KEY = 'casestudyLint/v1'
export const SRCROOT = '%SRCROOT%'

const INFORMATION_URI = DOCS_BASE_URL.replace(/\/blob\/.*$/, '')

type Level = 'error' | 'warning' | 'note'

const LEVEL: Record<LintMessage['severity'], Level> = {error: 'error', warning: 'warning', info: 'note'}

interface ReportingDescriptor {
  id: string
  name: string
  shortDescription: {text: string}
  fullDescription?: {text: string}
  help?: {text: string}
  helpUri?: string
  defaultConfiguration: {level: Level}
}

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: Level
  message: {text: string}
  locations?: {physicalLocation: {artifactLocation: {uri: string; uriBaseId?: string}; region: Region}}[]
  partialFingerprints: Record<string, string>
}

interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

export function formatSarif(results: readonly FileResult[], options: FormatOptions): string {
  const rules: ReportingDescriptor[] = options.rules.map(describeRule)
  const index = new Map(rules.map((rule, i) => [rule.id, i]))
  const ruleIndex = (id: string, message: LintMessage): number => {
    let found = index.get(id)
    if (found === undefined) {
      found = rules.push(extraRule(id, message)) - 1
      index.set(id, found)
    }
    return found
  }

  const sarifResults: SarifResult[] = []
  for (const result of results) {
    const location = artifactLocation(result.filePath, options.cwd)
    const seen = new Map<string, number>()
    for (const message of result.messages) {
      const ruleId = message.fatal || !message.ruleId ? FATAL_RULE_ID : message.ruleId
      const text = fingerprintText(message)
      const key = `${ruleId}\0${text}`
      const occurrence = seen.get(key) ?? 0
      seen.set(key, occurrence + 1)
      const entry: SarifResult = {
        ruleId,
        ruleIndex: ruleIndex(ruleId, message),
        level: LEVEL[message.severity],
        message: {text: message.message},
        partialFingerprints: {[FINGERPRINT_KEY]: fingerprint([ruleId, location?.uri ?? result.filePath, text, String(occurrence)])},
      }
      if (location) entry.locations = [{physicalLocation: {artifactLocation: location, region: region(message)}}]
      sarifResults.push(entry)
    }
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SOURCE,
            version: options.version,
            semanticVersion: options.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: {[SRCROOT]: {uri: folderUri(options.cwd)}},
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  }
  return JSON.stringify(log, null, 2) + '\n'
}

function describeRule(rule: Rule): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: {text: rule.description},
    fullDescription: {text: rule.rationale},
    help: {text: rule.fix},
    helpUri: rule.url,
    defaultConfiguration: {level: rule.severity === 'error' ? 'error' : 'warning'},
  }
}

/** A descriptor for a rule id that is not a registered rule. */
function extraRule(id: string, message: LintMessage): ReportingDescriptor {
  if (id === FATAL_RULE_ID) {
    return {
      id,
      name: id,
      shortDescription: {text: 'Report files that could not be linted'},
      fullDescription: {text: 'The file is unreadable, binary, not UTF-8, not valid MDX, or larger than the size limit, so no rule could check it.'},
      help: {text: 'Fix the problem named in the message, or exclude the file in .casestudylintignore.'},
      defaultConfiguration: {level: 'error'},
    }
  }
  const descriptor: ReportingDescriptor = {id, name: id, shortDescription: {text: `Findings of \`${id}\``}, defaultConfiguration: {level: LEVEL[message.severity]}}
  if (message.url) descriptor.helpUri = message.url
  return descriptor
}

interface ArtifactLocation {
  uri: string
  uriBaseId?: string
}

/** Relative to `%SRCROOT%` when inside `cwd`, an absolute file URI otherwise; none for standard input. */
function artifactLocation(filePath: string, cwd: string): ArtifactLocation | null {
  if (filePath === '<stdin>') return null
  const path = relative(cwd, filePath)
  if (!path || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return {uri: pathToFileURL(filePath).href}
  const uri = path.split(sep).map(encodeURIComponent).join('/')
  return {uri, uriBaseId: SRCROOT}
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href
  return href.endsWith('/') ? href : `${href}/`
}

function region(message: LintMessage): Region {
  const startLine = Math.max(1, message.line)
  const startColumn = Math.max(1, message.column)
  let endLine = Math.max(startLine, message.endLine)
  let endColumn = Math.max(1, message.endColumn)
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn
  return {startLine, startColumn, endLine, endColumn}
}

/**
 * The text that identifies a finding: its `actual` text (white space
 * collapsed, Unicode NFC), or for messages without one, the message with
 * numbers blanked (they may be positions or sizes that change with edits).
 */
export function fingerprintText(message: LintMessage): string {
  if (message.actual !== undefined) return message.actual.normalize('NFC').replace(/\s+/g, ' ').trim()
  return message.message.normalize('NFC').replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()
}

function fingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex')
}
