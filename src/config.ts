/**
 * Configuration: data only (JSON or YAML), never code.
 *
 * Discovery, from the working directory upward; in each directory the first of
 *   1. `.casestudylintrc.json`
 *   2. `.casestudylintrc.yaml`
 *   3. `.casestudylintrc.yml`
 *   4. `package.json` with a `"casestudy-lint"` key
 * wins, and the search stops there. `--config <file>` skips discovery.
 *
 * Rule settings apply in this order, later winning: the `extends` chain
 * (presets or other config files), `rules`, matching `overrides`, `--rule`
 * flags, then inline comments in the document.
 */
import {readFileSync} from 'node:fs'
import {basename, dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {parse as parseYaml} from 'yaml'
import ignore from 'ignore'
import type {Rule} from './define-rule.js'
import {ConfigError} from './options-schema.js'
import type {RuleSetting} from './processor.js'
import type {EffectiveConfig} from './engine.js'

export const CONFIG_FILE_NAMES = ['.casestudylintrc.json', '.casestudylintrc.yaml', '.casestudylintrc.yml'] as const
export const PACKAGE_KEY = 'casestudy-lint'

export type SeverityName = 'off' | 'warn' | 'error'
export type RuleEntry = SeverityName | 0 | 1 | 2 | [SeverityName | 0 | 1 | 2] | [SeverityName | 0 | 1 | 2, Record<string, unknown>]

/** A validated config file. */
export interface ConfigData {
  extends?: string | string[]
  rules?: Record<string, RuleEntry>
  ignores?: string[]
  overrides?: {files: string[]; rules: Record<string, RuleEntry>}[]
  templates?: string[]
}

/** A preset: rule settings by id. */
export type Preset = Readonly<Record<string, RuleEntry>>

export interface LoadedConfig {
  /** Config file path, or `null` when none was found. */
  path: string | null
  /** Directory that relative paths in the config resolve against. */
  base: string
  /** Rule settings after `extends` and `rules` (before overrides). */
  rules: Record<string, RuleSetting>
  ignores: string[]
  overrides: {files: string[]; rules: Record<string, RuleSetting>}[]
  templates: string[]
}

const TOP_LEVEL_KEYS = new Set(['$schema', 'extends', 'rules', 'ignores', 'overrides', 'templates'])

export interface ConfigContext {
  rules: readonly Rule[]
  presets: Readonly<Record<string, Preset>>
  defaultPreset: string
}

/** Finds the config file for `cwd`, or `null`. */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd)
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name)
      if (isReadableFile(candidate)) return candidate
    }
    const pkg = join(dir, 'package.json')
    if (isReadableFile(pkg)) {
      try {
        const data = JSON.parse(readFileSync(pkg, 'utf8'))
        if (data && typeof data === 'object' && PACKAGE_KEY in data) return pkg
      } catch {
        // A broken package.json that is not ours to read: keep looking.
      }
    }
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

function isReadableFile(path: string): boolean {
  try {
    readFileSync(path, {flag: 'r'}).length
    return true
  } catch {
    return false
  }
}

/** Reads and parses one config file (no `extends` resolution). */
export function readConfigFile(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError(`${path}: cannot read config file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  if (basename(path) === 'package.json') {
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (error) {
      throw new ConfigError(`${path}: invalid JSON (${(error as Error).message})`)
    }
    return (data as Record<string, unknown>)[PACKAGE_KEY]
  }
  if (/\.ya?ml$/i.test(path)) {
    try {
      return parseYaml(text, {maxAliasCount: 100}) ?? {}
    } catch (error) {
      throw new ConfigError(`${path}: invalid YAML (${(error as Error).message.split('\n')[0]})`)
    }
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new ConfigError(`${path}: invalid JSON (${(error as Error).message})`)
  }
}

/** Loads the config at `path` (or the defaults when `null`), following `extends`. */
export function loadConfig(path: string | null, cwd: string, context: ConfigContext): LoadedConfig {
  const base = path ? dirname(resolve(cwd, path)) : resolve(cwd)
  const loaded: LoadedConfig = {path: path ? resolve(cwd, path) : null, base, rules: {}, ignores: [], overrides: [], templates: []}
  // The default preset is the base; `extends` and `rules` layer on top of it.
  applyPreset(loaded.rules, context.defaultPreset, '(default)', context)
  if (path) applyFile(loaded, resolve(cwd, path), context, [])
  return loaded
}

function applyFile(loaded: LoadedConfig, path: string, context: ConfigContext, chain: string[]): void {
  if (chain.includes(path)) throw new ConfigError(`${path}: \`extends\` forms a cycle (${[...chain, path].map((p) => relative(loaded.base, p) || p).join(' -> ')})`)
  const data = validateConfigData(readConfigFile(path), path, context)
  const dir = dirname(path)
  const parents = data.extends === undefined ? [] : Array.isArray(data.extends) ? data.extends : [data.extends]
  for (const parent of parents) {
    if (Object.hasOwn(context.presets, parent)) applyPreset(loaded.rules, parent, path, context)
    else applyFile(loaded, resolve(dir, parent), context, [...chain, path])
  }
  Object.assign(loaded.rules, resolveEntries(data.rules ?? {}, path, 'rules', context, loaded.rules))
  for (const pattern of data.ignores ?? []) loaded.ignores.push(rebase(pattern, dir, loaded.base))
  for (const [i, override] of (data.overrides ?? []).entries()) {
    loaded.overrides.push({
      files: override.files.map((pattern) => rebase(pattern, dir, loaded.base)),
      rules: resolveEntries(override.rules ?? {}, path, `overrides[${i}].rules`, context, loaded.rules),
    })
  }
  for (const template of data.templates ?? []) loaded.templates.push(resolve(dir, template))
}

/** Re-roots a gitignore-style pattern written relative to `from` onto `to`. */
function rebase(pattern: string, from: string, to: string): string {
  const prefix = relative(to, from).split(sep).join('/')
  if (!prefix) return pattern
  const negated = pattern.startsWith('!')
  const body = negated ? pattern.slice(1) : pattern
  const anchored = body.startsWith('/') ? body.slice(1) : body.includes('/') ? body : `**/${body}`
  return `${negated ? '!' : ''}${prefix}/${anchored}`
}

function applyPreset(into: Record<string, RuleSetting>, name: string, where: string, context: ConfigContext): void {
  const preset = context.presets[name]
  if (!preset) throw new ConfigError(`${where}: unknown preset \`${name}\`, expected one of ${Object.keys(context.presets).map((p) => `\`${p}\``).join(', ')} or a path to a config file`)
  Object.assign(into, resolveEntries(preset, `preset \`${name}\``, 'rules', context, into))
}

const SEVERITIES: Record<string, 0 | 1 | 2> = {off: 0, warn: 1, error: 2, '0': 0, '1': 1, '2': 2}

/** Validates rule entries and resolves their options (options carry over when only severity changes). */
export function resolveEntries(entries: Record<string, unknown>, file: string, key: string, context: ConfigContext, previous: Readonly<Record<string, RuleSetting>>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {}
  for (const [id, entry] of Object.entries(entries)) {
    const rule = context.rules.find((r) => r.id === id)
    const where = `${file}: ${key}.${id}`
    if (!rule) throw new ConfigError(`${file}: unknown rule \`${id}\` in \`${key}\`, expected one of ${context.rules.map((r) => `\`${r.id}\``).join(', ')}`)
    const [severityValue, options] = Array.isArray(entry) ? entry : [entry, undefined]
    if (Array.isArray(entry) && (entry.length < 1 || entry.length > 2)) throw new ConfigError(`${where}: expected \`"error"\` or \`["error", {options}]\``)
    const severity = SEVERITIES[String(severityValue)]
    if (severity === undefined) throw new ConfigError(`${where}: invalid severity ${JSON.stringify(severityValue)}, expected "off", "warn" or "error"`)
    const resolved = options === undefined ? (previous[id]?.[1] ?? rule.resolveOptions(undefined, where)) : rule.resolveOptions(options, where)
    out[id] = [severity, resolved]
  }
  return out
}

function validateConfigData(data: unknown, path: string, context: ConfigContext): ConfigData {
  if (data === undefined || data === null) return {}
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${path}: config must be an object`)
  const record = data as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL_KEYS.has(key)) throw new ConfigError(`${path}: unknown key \`${key}\`, expected one of ${[...TOP_LEVEL_KEYS].filter((k) => k !== '$schema').map((k) => `\`${k}\``).join(', ')}`)
  }
  const ext = record.extends
  if (ext !== undefined && typeof ext !== 'string' && !(Array.isArray(ext) && ext.every((e) => typeof e === 'string'))) {
    throw new ConfigError(`${path}: \`extends\` must be a preset name (${Object.keys(context.presets).join(', ')}) or a path, or an array of them`)
  }
  if (record.rules !== undefined && (typeof record.rules !== 'object' || record.rules === null || Array.isArray(record.rules))) throw new ConfigError(`${path}: \`rules\` must be an object`)
  for (const key of ['ignores', 'templates'] as const) {
    const value = record[key]
    if (value !== undefined && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) throw new ConfigError(`${path}: \`${key}\` must be an array of strings`)
  }
  if (record.overrides !== undefined) {
    if (!Array.isArray(record.overrides)) throw new ConfigError(`${path}: \`overrides\` must be an array`)
    record.overrides.forEach((override, i) => {
      if (!override || typeof override !== 'object' || Array.isArray(override)) throw new ConfigError(`${path}: \`overrides[${i}]\` must be an object`)
      for (const key of Object.keys(override)) if (key !== 'files' && key !== 'rules') throw new ConfigError(`${path}: unknown key \`overrides[${i}].${key}\`, expected \`files\` or \`rules\``)
      const files = (override as Record<string, unknown>).files
      if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) throw new ConfigError(`${path}: \`overrides[${i}].files\` must be an array of glob strings`)
    })
  }
  return record as ConfigData
}

/** Effective settings for one file: overrides whose `files` match it apply on top. */
export function configForFile(loaded: LoadedConfig, filePath: string, cliRules: Readonly<Record<string, RuleSetting>>): EffectiveConfig {
  let rules: Record<string, RuleSetting> = loaded.rules
  if (loaded.overrides.length > 0) {
    const rel = toRelative(loaded.base, filePath)
    if (rel !== null) {
      for (const override of loaded.overrides) {
        if (ignore().add(override.files).ignores(rel)) rules = {...rules, ...override.rules}
      }
    }
  }
  if (Object.keys(cliRules).length > 0) rules = {...rules, ...cliRules}
  return {rules, settings: {templates: loaded.templates}}
}

/** Path relative to `base` in posix form, or `null` when outside it. */
export function toRelative(base: string, filePath: string): string | null {
  const rel = relative(base, isAbsolute(filePath) ? filePath : resolve(base, filePath))
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return null
  return rel.split(sep).join('/')
}

/** Parses a `--rule id=severity` flag. */
export function parseRuleFlag(flag: string, context: ConfigContext, loaded: LoadedConfig): [string, RuleSetting] {
  const match = /^([\w-]+)\s*=\s*(off|warn|error|0|1|2)$/.exec(flag.trim())
  if (!match) throw new ConfigError(`--rule ${flag}: expected \`<rule-id>=<off|warn|error>\``)
  const [, id, severity] = match
  const resolved = resolveEntries({[id]: severity}, '--rule', 'rule', context, loaded.rules)
  return [id, resolved[id]]
}
