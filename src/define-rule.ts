/**
 * `defineRule`: declarative rule metadata plus one `check` function over the
 * shared document index, wrapped as a unified lint plugin. The wrapper stamps
 * `ruleId`, `source`, `url` and severity (through `unified-lint-rule`), fills
 * `actual`, `expected` and an exact `place`, and turns a crash inside the rule
 * into a located message instead of losing the other rules' findings.
 */
import type {Node} from 'unist'
import type {Plugin} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import {getDocumentIndex, type DocumentIndex, type MdNode} from './document.js'
import {validateOptions, type OptionsOf, type OptionsSchema} from './options-schema.js'
import type {SourceRange} from './text/prose-text.js'
import {DOCS_BASE_URL, SOURCE} from './meta.js'
import {timed} from './timing.js'

export type Severity = 'error' | 'warn'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MessageFunctions = Record<string, (args: any) => string>

export interface ReportDetail {
  /** The offending text; defaults to the source slice of the range. */
  actual?: string
  /** What would be right, in a few words. */
  expected?: string | string[]
}

/** Engine-level settings shared by all rules (not per-rule options). */
export interface LintSettings {
  /** Absolute paths of team templates named by the `templates` config key. */
  templates: readonly string[]
}

export interface RuleContext<O, M extends MessageFunctions> {
  readonly doc: DocumentIndex
  readonly options: O
  readonly settings: LintSettings
  report<K extends keyof M & string>(messageId: K, args: Parameters<M[K]>[0], range: SourceRange, detail?: ReportDetail): void
}

export interface RuleDefinition<S extends OptionsSchema, M extends MessageFunctions> {
  /** Rule id, also the rule's file name in `rules/`. */
  id: string
  /** One line, starting with "Disallow" or "Require". */
  description: string
  /** Why the rule exists. */
  rationale: string
  /** How to fix a finding. */
  fix: string
  severity: Severity
  options: S
  messages: M
  check(context: RuleContext<OptionsOf<S>, M>): void
}

export interface Rule<S extends OptionsSchema = OptionsSchema, M extends MessageFunctions = MessageFunctions> extends RuleDefinition<S, M> {
  url: string
  origin: string
  /** Validates options and fills in defaults; throws `ConfigError`. */
  resolveOptions(value: unknown, where?: string): OptionsOf<S>
  /** The unified plugin: `.use(rule.plugin, ['error', options])`. */
  plugin: Plugin<[unknown?], Node>
}

export const DEFAULT_SETTINGS: LintSettings = {templates: []}

/** Key under `file.data` where the engine passes `LintSettings` to rules. */
export const SETTINGS_KEY = 'casestudyLintSettings'

/** Key under `file.data` listing rule ids that crashed on that file. */
export const CRASHED_KEY = 'casestudyLintCrashed'

/** Key under `file.data`: set when linting the file ran out of call stack (a thread with a larger stack may succeed). */
export const OUT_OF_STACK_KEY = 'casestudyLintOutOfStack'

/** The parser, the index and some rules recurse once per nesting level (blockquotes, lists, JSX). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}

export function defineRule<const S extends OptionsSchema, const M extends MessageFunctions>(definition: RuleDefinition<S, M>): Rule<S, M> {
  const url = `${DOCS_BASE_URL}${definition.id}.md`
  const origin = `${SOURCE}:${definition.id}`
  const resolved = new WeakMap<object, OptionsOf<S>>()
  let defaults: OptionsOf<S> | undefined

  function resolveOptions(value: unknown, where = `rule \`${definition.id}\``): OptionsOf<S> {
    if (value === undefined || value === null) return (defaults ??= validateOptions(definition.options, undefined, where))
    if (typeof value === 'object') {
      const cached = resolved.get(value)
      if (cached) return cached
      const options = validateOptions(definition.options, value, where)
      resolved.set(value, options)
      return options
    }
    return validateOptions(definition.options, value, where)
  }

  const plugin = lintRule({origin, url}, (tree: Node, file: VFile, raw: unknown) => {
    const doc = getDocumentIndex(tree as MdNode, file)
    let options: OptionsOf<S>
    try {
      options = resolveOptions(raw)
    } catch (error) {
      crashed(file, doc, error, 'Invalid options')
      return
    }
    const settings = (file.data[SETTINGS_KEY] as LintSettings | undefined) ?? DEFAULT_SETTINGS
    const context: RuleContext<OptionsOf<S>, M> = {
      doc,
      options,
      settings,
      report(messageId, args, range, detail = {}) {
        const reason = definition.messages[messageId](args)
        const place = {start: doc.point(range.start), end: doc.point(Math.max(range.start, range.end))}
        const message = withoutStackTrace(() => file.message(reason, {place, ruleId: definition.id, source: SOURCE}))
        message.actual = detail.actual ?? doc.slice(range)
        if (detail.expected !== undefined) message.expected = Array.isArray(detail.expected) ? detail.expected : [detail.expected]
        message.url = url
      },
    }
    try {
      timed(`rule:${definition.id}`, () => definition.check(context))
    } catch (error) {
      crashed(file, doc, error, 'Rule crashed')
    }
  }) as unknown as Plugin<[unknown?], Node>

  function crashed(file: VFile, doc: DocumentIndex, error: unknown, what: string): void {
    if (isStackOverflow(error)) file.data[OUT_OF_STACK_KEY] = true
    const detail = error instanceof Error ? error.message : String(error)
    const message = file.message(`${what}: ${detail.split('\n')[0]}`, {
      place: {start: doc.point(0), end: doc.point(0)},
      ruleId: definition.id,
      source: SOURCE,
    })
    message.url = url
    const list = (file.data[CRASHED_KEY] as string[] | undefined) ?? []
    list.push(definition.id)
    file.data[CRASHED_KEY] = list
  }

  return {...definition, url, origin, resolveOptions, plugin}
}

/**
 * Runs `create` without capturing a JavaScript stack trace: a message is an
 * `Error` whose stack vfile-message discards right away, and capturing it is
 * most of the cost of a finding (and memory until the next collection).
 */
function withoutStackTrace<T>(create: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return create()
  } finally {
    Error.stackTraceLimit = limit
  }
}
