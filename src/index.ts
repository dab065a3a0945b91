/**
 * Library API.
 *
 *   import {lint, lintText} from 'casestudy-lint'
 *   const results = await lint({files: ['docs/']})       // FileResult[] (the JSON shape)
 *   const file = await lintText('# Title', {filePath: 'a.md'})  // a VFile with messages
 */
import {resolve} from 'node:path'
import type {VFile} from 'vfile'
import {configForFile, findConfigFile, loadConfig, type ConfigContext, type LoadedConfig} from './config.js'
import {discoverFiles} from './discover.js'
import {Linter, type FileResult} from './engine.js'
import {ConfigError} from './options-schema.js'
import {checkTemplateFiles} from './templates/catalog.js'
import {lintFilePaths, lintSourceText} from './runner.js'
import {rules} from '../rules/index.js'
import {presets, DEFAULT_PRESET} from '../rules/presets.js'

export type {FileResult, LintMessage, MessageSeverity} from './engine.js'
export type {Rule, RuleContext} from './define-rule.js'
export {defineRule} from './define-rule.js'
export {ConfigError} from './options-schema.js'
export {run} from './cli.js'
export {rules, presets}
export {recommended, strict, inlineControl} from './preset.js'

export interface LintOptions {
  /** Working directory for paths and config discovery (default: `process.cwd()`). */
  cwd?: string
  /** Config file path; `false` for no file (defaults only); default: discovered from `cwd`. */
  config?: string | false
}

const CONTEXT: ConfigContext = {rules, presets, defaultPreset: DEFAULT_PRESET}

function load(options: LintOptions): {cwd: string; loaded: LoadedConfig} {
  const cwd = resolve(options.cwd ?? process.cwd())
  const path = options.config === false ? null : (options.config ?? findConfigFile(cwd))
  const loaded = loadConfig(path, cwd, CONTEXT)
  checkTemplateFiles(loaded.templates)
  return {cwd, loaded}
}

/**
 * Lints files (paths, folders, globs) or a text. Returns one result per file
 * in the fixed JSON shape. Throws `ConfigError` for bad configuration and
 * when a path matches nothing.
 */
export async function lint(input: ({files: string[]} | {text: string; filePath?: string}) & LintOptions): Promise<FileResult[]> {
  const {cwd, loaded} = load(input)
  if ('text' in input) {
    const filePath = resolve(cwd, input.filePath ?? 'input.md')
    return (await lintSourceText(input.text, filePath, {rules, config: loaded})).results
  }
  const discovered = await discoverFiles(input.files, {cwd, ignores: loaded.ignores, ignoreBase: loaded.base})
  if (discovered.errors.length) throw new ConfigError(discovered.errors.join('\n'))
  return (await lintFilePaths(discovered.files, {rules, config: loaded})).results
}

/** Lints a text and returns the vfile with its messages (for unified tooling). */
export async function lintText(text: string, options: LintOptions & {filePath?: string} = {}): Promise<VFile> {
  const {cwd, loaded} = load(options)
  const filePath = resolve(cwd, options.filePath ?? 'input.md')
  return new Linter(rules).lintText(text, filePath, configForFile(loaded, filePath, {}))
}
