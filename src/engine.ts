/**
 * The lint kernel: text in, findings out. No file-system or process access
 * here; reading files lives in `read-file.ts`, discovery in `discover.ts`.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {MdNode} from './document.js'
import {getDocumentIndex} from './document.js'
import {CRASHED_KEY, DEFAULT_SETTINGS, isStackOverflow, OUT_OF_STACK_KEY, SETTINGS_KEY, type LintSettings, type Rule} from './define-rule.js'
import {applyInlineControl} from './inline-control.js'
import {SOURCE} from './meta.js'
import {prepareTemplates, TEMPLATE_RULE_IDS} from './templates/catalog.js'
import {timed} from './timing.js'
import {withCounts, type FileResult, type LintMessage} from './results.js'
import {createProcessor, loadMdx, syntaxOf, type RuleSetting, type Syntax} from './processor.js'

export type {FileResult, LintMessage, MessageSeverity} from './results.js'
export {withCounts} from './results.js'

export interface EffectiveConfig {
  /** Setting per rule id; rules not listed are off. */
  rules: Readonly<Record<string, RuleSetting>>
  settings: LintSettings
}

export class Linter {
  private readonly rules: readonly Rule[]
  private readonly ruleIds: ReadonlySet<string>
  private readonly processors = new Map<string, ReturnType<typeof createProcessor>>()

  constructor(rules: readonly Rule[]) {
    this.rules = rules
    this.ruleIds = new Set(rules.map((rule) => rule.id))
  }

  /** Lints `source` as the file at `filePath`; never throws for bad content. */
  async lintText(source: string, filePath: string, config: EffectiveConfig): Promise<VFile> {
    return this.lintTextSync(source, filePath, config, await this.prepare(filePath, config))
  }

  /** Loads what `lintTextSync` needs for this file (MDX support, template profiles); returns its syntax. */
  async prepare(filePath: string, config: EffectiveConfig): Promise<Syntax> {
    const syntax = syntaxOf(filePath)
    if (syntax === 'mdx') await loadMdx()
    if (TEMPLATE_RULE_IDS.some((id) => (config.rules[id]?.[0] ?? 0) > 0)) await prepareTemplates(config.settings.templates)
    return syntax
  }

  /** Synchronous form; for MDX, `loadMdx()` must have completed. */
  lintTextSync(source: string, filePath: string, config: EffectiveConfig, syntax: Syntax = syntaxOf(filePath)): VFile {
    const file = new VFile({path: filePath, value: source})
    file.data[SETTINGS_KEY] = config.settings ?? DEFAULT_SETTINGS
    const processor = this.processorFor(syntax, config.rules)
    let tree: MdNode
    try {
      tree = timed('phase:parse', () => processor.parse(file) as MdNode)
    } catch (error) {
      if (isStackOverflow(error)) file.data[OUT_OF_STACK_KEY] = true
      fatalMessage(file, parseFailure(error, syntax), error)
      return file
    }
    try {
      timed('phase:index', () => getDocumentIndex(tree, file))
      timed('phase:rules', () => processor.runSync(tree as never, file))
    } catch (error) {
      if (isStackOverflow(error)) file.data[OUT_OF_STACK_KEY] = true
      fatalMessage(file, isStackOverflow(error) ? `Cannot lint: nested too deeply (${errorText(error)})` : `Cannot lint: ${errorText(error)}`, error)
      return file
    }
    applyInlineControl(file, getDocumentIndex(tree, file), this.ruleIds)
    return file
  }

  private processorFor(syntax: Syntax, settings: Readonly<Record<string, RuleSetting>>) {
    const key = syntax + '\0' + JSON.stringify(this.rules.map((rule) => settings[rule.id] ?? null))
    let processor = this.processors.get(key)
    if (!processor) {
      processor = createProcessor(syntax, this.rules, settings)
      this.processors.set(key, processor)
    }
    return processor
  }
}

/** Whether linting `file` ran out of call stack (a thread with a larger stack may succeed). */
export function ranOutOfStack(file: VFile): boolean {
  return file.data[OUT_OF_STACK_KEY] === true
}

/** Rule ids that crashed while linting `file`. */
export function crashedRules(file: VFile): string[] {
  return (file.data[CRASHED_KEY] as string[] | undefined) ?? []
}

function parseFailure(error: unknown, syntax: Syntax): string {
  const what = syntax === 'mdx' ? 'Invalid MDX' : 'Cannot parse Markdown'
  if (isStackOverflow(error)) return `${what}: nested too deeply (${errorText(error)})`
  return `${what}: ${errorText(error)}`
}

function errorText(error: unknown): string {
  const message = error && typeof error === 'object' && 'reason' in error ? String((error as {reason: unknown}).reason) : error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]
}

/** Adds a file-level fatal message (the file could not be linted). */
export function fatalMessage(file: VFile, reason: string, cause?: unknown): VFileMessage {
  const place = (cause && typeof cause === 'object' && 'place' in cause ? (cause as VFileMessage).place : undefined) ?? placeInReason(reason)
  const message = file.message(reason, {place: place ?? {line: 1, column: 1}, source: SOURCE, ruleId: undefined})
  message.fatal = true
  ;(message as VFileMessage & {fileFatal?: boolean}).fileFatal = true
  return message
}

/**
 * Some parser errors carry their position only in the text, such as an MDX
 * tag left open at the end of the file: "Expected a closing tag for `<Note>` (3:1-3:7)".
 */
function placeInReason(reason: string): VFileMessage['place'] {
  const match = /\((\d+):(\d+)(?:-(\d+):(\d+))?\)$/.exec(reason)
  if (!match) return undefined
  const start = {line: Number(match[1]), column: Number(match[2])}
  return match[3] ? {start, end: {line: Number(match[3]), column: Number(match[4])}} : start
}

/** Converts a linted vfile to the fixed JSON result shape, sorted by position. */
export function toFileResult(file: VFile, filePath = file.path): FileResult {
  const messages = file.messages.map(toLintMessage)
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '') || a.message.localeCompare(b.message))
  return withCounts(filePath, messages)
}

function toLintMessage(message: VFileMessage): LintMessage {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'start' in place ? place.end : place
  const line = start?.line ?? message.line ?? 1
  const column = start?.column ?? message.column ?? 1
  const result: LintMessage = {
    ruleId: message.ruleId ?? null,
    source: message.source ?? SOURCE,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: message.reason,
    line,
    column,
    endLine: end?.line ?? line,
    endColumn: end?.column ?? column,
  }
  if (message.actual !== undefined) result.actual = message.actual
  if (message.expected !== undefined) result.expected = message.expected
  if (message.url !== undefined) result.url = message.url
  if ((message as VFileMessage & {fileFatal?: boolean}).fileFatal) result.fatal = true
  return result
}
