/**
 * Runs the linter over a set of files or a text: reads each file, lints it
 * with its effective configuration and collects results in input order.
 */
import {VFile} from 'vfile'
import {configForFile, type LoadedConfig} from './config.js'
import {fatalMessage, Linter, toFileResult, crashedRules, type FileResult} from './engine.js'
import {readLintFile, DEFAULT_MAX_FILE_SIZE} from './read-file.js'
import type {RuleSetting} from './processor.js'
import type {Rule} from './define-rule.js'

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
}

export async function lintFilePaths(paths: readonly string[], options: RunOptions): Promise<RunResult> {
  const linter = new Linter(options.rules)
  const results: FileResult[] = []
  const crashed: RunResult['crashed'] = []
  for (const path of paths) {
    const read = readLintFile(path, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)
    if (!read.ok) {
      const file = new VFile({path})
      const message = fatalMessage(file, read.reason)
      if (read.line) message.place = {line: read.line, column: read.column ?? 1}
      if (read.severity === 'warning') {
        message.fatal = false
        ;(message as {fileFatal?: boolean}).fileFatal = false
      }
      results.push(toFileResult(file, path))
      continue
    }
    const file = await linter.lintText(read.text, path, configForFile(options.config, path, options.cliRules ?? {}))
    const crashedIds = crashedRules(file)
    if (crashedIds.length) crashed.push({filePath: path, rules: crashedIds})
    results.push(toFileResult(file, path))
  }
  return {results, crashed}
}

export async function lintSourceText(text: string, filePath: string, options: RunOptions): Promise<RunResult> {
  const linter = new Linter(options.rules)
  const file = await linter.lintText(text.replace(/^\uFEFF/, ''), filePath, configForFile(options.config, filePath, options.cliRules ?? {}))
  const crashedIds = crashedRules(file)
  return {results: [toFileResult(file, filePath)], crashed: crashedIds.length ? [{filePath, rules: crashedIds}] : []}
}

