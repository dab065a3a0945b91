/**
 * The CLI pipeline: look each input up in the cache (reading it to hash it),
 * lint the rest with each file's effective configuration (a small run in this
 * thread, a larger one shared between this thread and workers; the thread
 * that lints a file reads it), store fresh results in the cache, and return
 * results in input order.
 */
import {configForFile, type LoadedConfig} from './config.js'
import type {EffectiveConfig} from './engine.js'
import type {Rule} from './define-rule.js'
import type {RuleSetting} from './processor.js'
import {readLintFile, stripBom, unreadable, DEFAULT_MAX_FILE_SIZE, type ReadResult} from './read-file.js'
import type {FileResult} from './results.js'
import type {LintCache} from './cache.js'
import {addTimings, timed, type Timings} from './timing.js'
import type {LintTaskResult, PendingTask, TaskText} from './parallel.js'

export interface PipelineOptions {
  rules: readonly Rule[]
  config: LoadedConfig
  cliRules?: Readonly<Record<string, RuleSetting>>
  maxFileSize?: number
  /** Threads that lint, the main thread included. */
  concurrency: number
  /** Per-file time budget in milliseconds. */
  fileTimeout: number
  cache: LintCache | null
  timing: boolean
}

export interface PipelineResult {
  results: FileResult[]
  /** Files on which at least one rule crashed. */
  crashed: {filePath: string; rules: string[]}[]
  timings: Timings
}

/** One input: a file path to read, or a text (standard input) with the path to lint it as. */
export type Input = {path: string; text?: undefined} | {path: string; text: string}

export async function runInputs(inputs: readonly Input[], options: PipelineOptions): Promise<PipelineResult> {
  const {hashText} = options.cache ? await import('./cache.js') : {hashText: (_: string) => ''}
  const timings: Timings = {}
  const results: FileResult[] = new Array(inputs.length)
  const crashed: PipelineResult['crashed'] = []
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
  const pending: {index: number; path: string; text: TaskText; config: EffectiveConfig; hash: string}[] = []
  const read = (input: Input): ReadResult =>
    input.text !== undefined ? {ok: true, text: stripBom(input.text)} : timed('phase:read', () => readLintFile(input.path, maxFileSize))

  inputs.forEach((input, index) => {
    const config = configForFile(options.config, input.path, options.cliRules ?? {})
    if (!options.cache) {
      // Without a cache nothing here needs the text: the thread that lints a
      // file reads it, so this one never holds or copies the texts.
      pending.push({index, path: input.path, text: input.text !== undefined ? stripBom(input.text) : {maxFileSize}, config, hash: ''})
      return
    }
    const text = read(input)
    if (!text.ok) {
      results[index] = unreadable(input.path, text)
      return
    }
    const hash = hashText(text.text)
    const cached = options.cache.get(input.path, hash, config)
    if (cached) results[index] = cached
    // A file is read again by the thread that lints it, which reports the hash
    // of what it read: the result is stored under the content it came from.
    else pending.push({index, path: input.path, text: input.text !== undefined ? text.text : {maxFileSize, hash: true}, config, hash})
  })

  const done = await lint(
    pending.map((item) => ({path: item.path, text: item.text, config: item.config, timing: options.timing})),
    options,
  )
  done.forEach((outcome, i) => {
    const item = pending[i]
    results[item.index] = outcome.result
    addTimings(timings, outcome.timings)
    if (outcome.crashed.length) crashed.push({filePath: item.path, rules: outcome.crashed})
    else if (options.cache) {
      // Results of crashed rules, stopped files or a failed read are not cached: the next run tries again.
      const hash = typeof item.text === 'string' ? item.hash : outcome.hash
      if (hash && !outcome.result.messages.some((m) => m.fatal && /^Not linted/.test(m.message))) options.cache.set(item.path, hash, item.config, outcome.result)
    }
  })
  return {results, crashed, timings}
}

/** Lints the tasks on this thread and, for a larger run, workers beside it. */
async function lint(tasks: PendingTask[], options: PipelineOptions): Promise<LintTaskResult[]> {
  const {lintAll} = await import('./schedule.js')
  return lintAll(tasks, {rules: options.rules, concurrency: options.concurrency, fileTimeout: options.fileTimeout})
}
