/** Shared test helpers: lint text with chosen rules, read fixtures, locate ../shared. */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Linter, toFileResult, type FileResult, type LintMessage} from '../src/engine.js'
import type {RuleSetting} from '../src/processor.js'
import {rules} from '../rules/index.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const SHARED = resolve(process.env.CASESTUDY_SHARED ?? join(ROOT, '..', 'shared'))
export const FIXTURES = join(ROOT, 'fixtures')

const linter = new Linter(rules)

export function ruleById(id: string) {
  const rule = rules.find((r) => r.id === id)
  if (!rule) throw new Error(`no rule ${id}`)
  return rule
}

/** Lints `text` with only the given rules on (default severity, or the given options). */
export async function lintWith(text: string, filePath: string, ruleOptions: Record<string, unknown>): Promise<FileResult> {
  const settings: Record<string, RuleSetting> = {}
  for (const [id, options] of Object.entries(ruleOptions)) {
    const rule = ruleById(id)
    settings[id] = [rule.severity === 'error' ? 2 : 1, rule.resolveOptions(options ?? undefined)]
  }
  const file = await linter.lintText(text, filePath, {rules: settings, settings: {templates: []}})
  return toFileResult(file, filePath)
}

/** Lints with every rule at its recommended setting. */
export async function lintAll(text: string, filePath = 'doc.md'): Promise<FileResult> {
  return lintWith(text, filePath, Object.fromEntries(rules.map((rule) => [rule.id, undefined])))
}

/** `line:col-line:col  message` for each message (the fixture expectation format). */
export function formatExpected(messages: readonly LintMessage[]): string {
  return messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}  ${m.message}`).join('\n')
}

export interface FixtureCase {
  name: string
  path: string
  kind: 'valid' | 'invalid'
  expectedPath: string | null
}

/** Fixture files of a rule: `valid*.md(x)` and `invalid*.md(x)` with `<name>.expected.txt`. */
export function fixtureCases(id: string): FixtureCase[] {
  const dir = join(FIXTURES, id)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => /^(valid|invalid)[\w-]*\.(md|mdx|markdown)$/.test(name))
    .sort()
    .map((name) => {
      const kind = name.startsWith('invalid') ? 'invalid' : 'valid'
      const expected = join(dir, name.replace(/\.(md|mdx|markdown)$/, '.expected.txt'))
      return {name, path: join(dir, name), kind, expectedPath: kind === 'invalid' ? expected : null}
    })
}

export function fixtureOptions(id: string): unknown {
  const path = join(FIXTURES, id, 'options.json')
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined
}

export interface CliOutcome {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process with captured output; `stdin` is the text (or reader) of standard input. */
export async function runCli(argv: string[], cwd: string, options: {stdin?: string | (() => Promise<string>); env?: Record<string, string | undefined>} = {}): Promise<CliOutcome> {
  const {run} = await import('../src/cli.js')
  let stdout = ''
  let stderr = ''
  const {stdin} = options
  const code = await run(argv, {
    stdout: {write: (chunk: string) => (stdout += chunk)},
    stderr: {write: (chunk: string) => (stderr += chunk)},
    cwd,
    env: options.env ?? {},
    readStdin: stdin === undefined ? undefined : typeof stdin === 'string' ? async () => stdin : stdin,
  })
  return {code, stdout, stderr}
}
