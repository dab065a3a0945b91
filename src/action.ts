/**
 * The GitHub Action (`action.yml`): reads the action's inputs from `INPUT_*`
 * variables, lints once through the CLI (`run`, JSON format), then prints the
 * chosen format (annotations by default), appends the step summary, writes
 * the SARIF file when asked, and decides the exit code from `fail-on`.
 *
 * `runAction(env, io)` returns the exit code; only `action-main.ts` touches
 * `process`. Inputs are passed to this module through the environment, never
 * interpolated into a shell script.
 */
import {execFileSync} from 'node:child_process'
import {appendFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, isAbsolute, join, relative, resolve} from 'node:path'
import {run, type Writable} from './cli.js'
import {discoverFiles, isMarkdownPath} from './discover.js'
import type {FileResult} from './engine.js'
import {VERSION} from './meta.js'
import {escapeData, escapeProperty} from './reporters/github.js'
import {formatResults, FORMATS, isFormat, type FormatName} from './reporters/index.js'
import {rules} from '../rules/index.js'

export const FAIL_ON = ['error', 'warning', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

export interface ActionInputs {
  /** Files, folders or globs, as for the CLI. */
  paths: string[]
  config: string | null
  format: FormatName
  /** Where to write a SARIF log in addition to the chosen format. */
  sarifFile: string | null
  failOn: FailOn
  /** Lint only Markdown files changed in the pull request. */
  onlyChanged: boolean
}

export interface ActionIO {
  stdout: Writable
  stderr: Writable
  /** The working folder (default: `process.cwd()`); under Actions, the workspace. */
  cwd?: string
}

export type Env = Record<string, string | undefined>

/** A problem with the action's inputs or its environment (exit code 2). */
export class ActionError extends Error {}

const EXIT_OK = 0
const EXIT_LINT = 1
const EXIT_FAILURE = 2

/**
 * The value of an input. The runner names the variable `INPUT_<NAME>` with
 * the name upper-cased (hyphens kept); `action.yml` passes the inputs of this
 * composite action explicitly, with underscores. Both are accepted.
 */
export function getInput(env: Env, name: string): string {
  const upper = name.toUpperCase()
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim()
}

function getBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = getInput(env, name)
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new ActionError(`input \`${name}\` must be true or false, got \`${value}\``)
}

export function readInputs(env: Env): ActionInputs {
  const paths = getInput(env, 'paths').split(/\s+/).filter(Boolean)
  const format = getInput(env, 'format') || 'github'
  if (!isFormat(format)) throw new ActionError(`input \`format\` must be one of ${FORMATS.join(', ')}, got \`${format}\``)
  const failOn = getInput(env, 'fail-on') || 'error'
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new ActionError(`input \`fail-on\` must be one of ${FAIL_ON.join(', ')}, got \`${failOn}\``)
  return {
    paths: paths.length ? paths : ['.'],
    config: getInput(env, 'config') || null,
    format,
    sarifFile: getInput(env, 'sarif-file') || null,
    failOn: failOn as FailOn,
    onlyChanged: getBoolean(env, 'only-changed', false),
  }
}

export async function runAction(env: Env, io: ActionIO): Promise<number> {
  const cwd = resolve(io.cwd ?? process.cwd())
  const workspace = env.GITHUB_WORKSPACE ? resolve(env.GITHUB_WORKSPACE) : cwd
  const fail = (message: string): number => {
    io.stdout.write(`::error title=${escapeProperty('casestudy-lint')}::${escapeData(message)}\n`)
    return EXIT_FAILURE
  }

  let inputs: ActionInputs
  let targets: string[]
  try {
    inputs = readInputs(env)
    targets = inputs.paths
    if (inputs.onlyChanged) {
      const changed = changedFiles(env, cwd)
      if (changed === null) {
        io.stdout.write(`::notice title=casestudy-lint::${escapeData('only-changed applies to pull requests; linting every path')}\n`)
      } else {
        targets = await changedWithin(changed, inputs.paths, cwd)
        if (targets.length === 0) {
          io.stdout.write('No changed Markdown files to lint.\n')
          if (inputs.sarifFile) await writeSarif([], inputs.sarifFile, cwd)
          return EXIT_OK
        }
      }
    }
  } catch (error) {
    if (error instanceof ActionError) return fail(error.message)
    throw error
  }

  let json = ''
  const argv = ['--format', 'json', ...(inputs.config ? ['--config', inputs.config] : []), '--', ...targets]
  const code = await run(argv, {
    stdout: {write: (chunk: string) => (json += chunk)},
    stderr: io.stderr,
    cwd,
    env: {NO_COLOR: '1'},
  })
  if (!json.trim()) return code === EXIT_OK ? EXIT_OK : EXIT_FAILURE
  const results = JSON.parse(json) as FileResult[]

  const formatted = await formatResults(results, inputs.format, {color: false, cwd: inputs.format === 'github' ? workspace : cwd, rules, version: VERSION})
  if (formatted.output) io.stdout.write(formatted.output)
  try {
    if (formatted.stepSummary && env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, formatted.stepSummary)
    if (inputs.sarifFile) await writeSarif(results, inputs.sarifFile, cwd)
  } catch (error) {
    return fail(`cannot write output: ${(error as Error).message}`)
  }

  return exitCode(results, inputs.failOn, code)
}

/**
 * The step's exit code: 2 when the CLI failed (configuration, missing path,
 * crash) whatever `fail-on` says; otherwise 1 when a finding at or above
 * `fail-on` exists, else 0.
 */
export function exitCode(results: readonly FileResult[], failOn: FailOn, cliCode: number): number {
  if (cliCode === EXIT_FAILURE) return EXIT_FAILURE
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0)
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0)
  if (failOn === 'error') return errors > 0 ? EXIT_LINT : EXIT_OK
  if (failOn === 'warning') return errors + warnings > 0 ? EXIT_LINT : EXIT_OK
  return EXIT_OK
}

async function writeSarif(results: readonly FileResult[], file: string, cwd: string): Promise<void> {
  const sarif = await formatResults(results, 'sarif', {color: false, cwd, rules, version: VERSION})
  const path = resolve(cwd, file)
  mkdirSync(dirname(path), {recursive: true})
  writeFileSync(path, sarif.output)
}

const SHA_RE = /^[0-9a-f]{7,64}$/i
/** A branch name safe to put on a git command line (no option, no range). */
const BRANCH_RE = /^(?!-)(?!.*\.\.)[\w./-]+$/

/**
 * The revision range of the pull request: the base and head commits from the
 * event payload, else `origin/$GITHUB_BASE_REF...HEAD`; `null` outside a pull
 * request.
 */
export function pullRequestRange(env: Env): string | null {
  if (env.GITHUB_EVENT_PATH) {
    let event: {pull_request?: {base?: {sha?: unknown}; head?: {sha?: unknown}}} | null = null
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
    } catch (error) {
      throw new ActionError(`cannot read the event payload \`${env.GITHUB_EVENT_PATH}\`: ${(error as Error).message}`)
    }
    const base = event?.pull_request?.base?.sha
    const head = event?.pull_request?.head?.sha
    if (typeof base === 'string' && typeof head === 'string' && SHA_RE.test(base) && SHA_RE.test(head)) return `${base}...${head}`
  }
  const baseRef = env.GITHUB_BASE_REF
  if (baseRef && BRANCH_RE.test(baseRef)) return `origin/${baseRef}...HEAD`
  return null
}

/**
 * Absolute paths of Markdown files added, copied, modified or renamed in the
 * pull request; `null` when this is not a pull request.
 */
export function changedFiles(env: Env, cwd: string): string[] | null {
  const range = pullRequestRange(env)
  if (range === null) return null
  const git = (args: string[]) => execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
  let top: string
  let names: string
  try {
    top = git(['rev-parse', '--show-toplevel']).trim()
    names = git(['diff', '--name-only', '--diff-filter=ACMR', '-z', range, '--'])
  } catch (error) {
    const detail = String((error as {stderr?: unknown}).stderr ?? (error as Error).message).trim().split('\n')[0]
    throw new ActionError(`cannot list the files changed in \`${range}\` (${detail}); check out the repository with \`fetch-depth: 0\``)
  }
  return names
    .split('\0')
    .filter((name) => name && isMarkdownPath(name))
    .map((name) => join(top, name))
}

/** The changed files that the `paths` input would lint, relative to `cwd`. */
async function changedWithin(changed: readonly string[], paths: readonly string[], cwd: string): Promise<string[]> {
  const discovered = await discoverFiles(paths, {cwd})
  if (discovered.errors.length) throw new ActionError(discovered.errors.join('; '))
  const wanted = new Set(discovered.files)
  return changed
    .filter((file) => wanted.has(resolve(file)))
    .map((file) => {
      const path = relative(cwd, file)
      return path && !isAbsolute(path) ? path : file
    })
}
