/**
 * `casestudy-lint --init`: writes a starter `.casestudylintrc.json` that
 * extends `recommended` and registers the team's case-study template under
 * `templates` — the ones given with `--template PATH`, or else the template
 * files found in the project (`_template.md`, `case-study-template.mdx`,
 * `TEMPLATE.md` …), and lists those under `ignores` too, since a template
 * linted as a document is all guidance. Never overwrites an existing
 * configuration.
 */
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {basename, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {glob} from 'tinyglobby'
import {CONFIG_FILE_NAMES, PACKAGE_KEY} from './config.js'
import {ConfigError} from './options-schema.js'
import {prepareTemplates} from './templates/catalog.js'

export const INIT_CONFIG_FILE = '.casestudylintrc.json'

/** A file name that marks a template: `_template.md`, `TEMPLATE.md`, `case-study-template.mdx`, `template.v2.md`. */
export const TEMPLATE_FILE_NAME_RE = /(?:^|[-_.\s])template(?:[-_.\s]|$)/i

/** Template files of other kinds (issue and pull-request forms). */
export const NOT_CASE_STUDY_TEMPLATE_RE = /pull[-_ ]?request|issue|bug[-_ ]?report|feature[-_ ]?request|commit|changelog|release/i

/** Folders never searched for templates. */
export const INIT_IGNORED_DIRS = ['node_modules', '.git', 'dist', 'build', 'out', 'coverage', 'vendor', '.next', '.cache'] as const

/** At most this many discovered templates are registered (more means the search found the wrong things). */
export const MAX_DISCOVERED_TEMPLATES = 5

export interface InitConfig {
  extends: string
  templates?: string[]
  ignores?: string[]
}

export type InitResult = {ok: true; path: string; config: InitConfig; discovered: boolean} | {ok: false; reason: string}

/** Creates the config in `cwd`; `templates` are the `--template` paths (relative to `cwd`). */
export async function initConfig(cwd: string, templates: readonly string[] = []): Promise<InitResult> {
  const existing = existingConfig(cwd)
  if (existing) return {ok: false, reason: `${existing} already exists in ${cwd}, not overwriting it (edit it, or delete it and run --init again)`}

  let chosen: string[]
  const discovered = templates.length === 0
  if (discovered) {
    chosen = await findTemplateFiles(cwd)
  } else {
    chosen = []
    for (const template of templates) {
      const absolute = resolve(cwd, template)
      if (!isFile(absolute)) return {ok: false, reason: `--template ${template}: no such file`}
      chosen.push(absolute)
    }
  }
  try {
    await prepareTemplates(chosen)
  } catch (error) {
    if (error instanceof ConfigError) return {ok: false, reason: error.message}
    throw error
  }

  const config: InitConfig = {extends: 'recommended'}
  if (chosen.length) {
    config.templates = chosen.map((path) => toConfigPath(cwd, path))
    // A template is guidance from top to bottom: linting it would only report that.
    const inside = config.templates.filter((path) => !isAbsolute(path))
    if (inside.length) config.ignores = inside
  }
  const path = join(cwd, INIT_CONFIG_FILE)
  try {
    // `wx`: fail rather than overwrite a config created in the meantime.
    writeFileSync(path, JSON.stringify(config, null, 2) + '\n', {flag: 'wx'})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return {ok: false, reason: `${INIT_CONFIG_FILE} already exists in ${cwd}, not overwriting it`}
    return {ok: false, reason: `cannot write ${path} (${code ?? (error as Error).message})`}
  }
  return {ok: true, path, config, discovered}
}

/** The one-line report of a successful `--init`. */
export function describeInit(result: Extract<InitResult, {ok: true}>, cwd: string): string {
  const name = relative(cwd, result.path) || result.path
  const templates = result.config.templates ?? []
  const what = templates.length
    ? `registered template${templates.length > 1 ? 's' : ''} ${templates.join(', ')}${result.discovered ? ' (found in the project)' : ''}${result.config.ignores ? ', and ignores linting the template itself' : ''}`
    : 'no template registered (add one with --template PATH)'
  return `Created ${name}: extends recommended; ${what}\n`
}

/** Name of the configuration already in `cwd`, if any. */
function existingConfig(cwd: string): string | null {
  for (const name of CONFIG_FILE_NAMES) if (existsSync(join(cwd, name))) return name
  const pkg = join(cwd, 'package.json')
  if (isFile(pkg)) {
    try {
      const data = JSON.parse(readFileSync(pkg, 'utf8'))
      if (data && typeof data === 'object' && PACKAGE_KEY in data) return `package.json ("${PACKAGE_KEY}" key)`
    } catch {
      // Not ours to judge; only its `casestudy-lint` key would count.
    }
  }
  return null
}

/** Markdown files under `cwd` whose name marks them as a template, sorted, shallow first. */
export async function findTemplateFiles(cwd: string): Promise<string[]> {
  const files = await glob(['**/*.{md,mdx,markdown}'], {
    cwd,
    ignore: INIT_IGNORED_DIRS.map((dir) => `**/${dir}/**`),
    dot: false,
    deep: 6,
    absolute: true,
  })
  const found = files
    .filter((file) => {
      const name = basename(file).replace(/\.(md|mdx|markdown)$/i, '')
      return TEMPLATE_FILE_NAME_RE.test(name) && !NOT_CASE_STUDY_TEMPLATE_RE.test(name)
    })
    .sort((a, b) => a.split(sep).length - b.split(sep).length || a.localeCompare(b))
  return found.slice(0, MAX_DISCOVERED_TEMPLATES)
}

function toConfigPath(cwd: string, path: string): string {
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
