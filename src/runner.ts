/**
 * Lints files or a text in this thread (the library API). The CLI uses
 * `pipeline.ts` instead, which adds the cache and the worker pool.
 */
import {configForFile, type LoadedConfig} from './config.js'
import {crashedRules, Linter, toFileResult} from './engine.js'
import type {FileResult} from './results.js'
import {readLintFile, stripBom, unreadable, DEFAULT_MAX_FILE_SIZE} from './read-file.js'
import type {RuleSetting} from './processor.js'
import type {Rule} from './define-rule.js'
import type {Timings} from './timing.js'

export interface RunOptions {
  rules: readonly Rule[]
  config: LoadedConfig
  cliRules?: Readonly<Record<string, RuleSetting>>
  maxFileSize?: number
}

export interface RunResult {
  results: FileResult[]
  /** Files on which at least one rule crashed. */
  crashed: {filePath: string; rules: string[]}[]
  timings: Timings
}

/** Lints in this thread (library API). */
export async function lintFilePaths(paths: readonly string[], options: RunOptions): Promise<RunResult> {
  const linter = new Linter(options.rules)
  const results: FileResult[] = []
  const crashed: RunResult['crashed'] = []
  for (const path of paths) {
    const read = readLintFile(path, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)
    if (!read.ok) {
      results.push(unreadable(path, read))
      continue
    }
    const file = await linter.lintText(read.text, path, configForFile(options.config, path, options.cliRules ?? {}))
    const crashedIds = crashedRules(file)
    if (crashedIds.length) crashed.push({filePath: path, rules: crashedIds})
    results.push(toFileResult(file, path))
  }
  return {results, crashed, timings: {}}
}

export async function lintSourceText(text: string, filePath: string, options: RunOptions): Promise<RunResult> {
  const linter = new Linter(options.rules)
  const file = await linter.lintText(stripBom(text), filePath, configForFile(options.config, filePath, options.cliRules ?? {}))
  const crashedIds = crashedRules(file)
  return {results: [toFileResult(file, filePath)], crashed: crashedIds.length ? [{filePath, rules: crashedIds}] : [], timings: {}}
}
