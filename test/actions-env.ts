/**
 * A simulated GitHub Actions environment for tests: temporary git
 * repositories with base and head commits, pull request event payloads, and a
 * small runner for this repository's composite `action.yml` that evaluates
 * `${{ inputs.* }}` the way the Actions runner does (and refuses any other
 * expression, so the test stays honest about what it covers).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {ROOT} from './helpers.js'

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
}

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, ...GIT_ENV, HOME: cwd},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Writes files (relative path → content; `null` deletes). */
export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path)
    if (content === null) {
      rmSync(full, {force: true})
      continue
    }
    mkdirSync(dirname(full), {recursive: true})
    writeFileSync(full, content)
  }
}

export interface TempRepo {
  dir: string
  /** Writes the files, commits everything, returns the new commit's sha. */
  commit(files: Record<string, string | null>, message?: string): string
}

export function tempRepo(prefix = 'csl-repo-'): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  git(dir, ['init', '-q'])
  return {
    dir,
    commit(files, message = 'change') {
      writeFiles(dir, files)
      git(dir, ['add', '-A'])
      git(dir, ['commit', '-q', '--allow-empty', '-m', message])
      return git(dir, ['rev-parse', 'HEAD']).trim()
    },
  }
}

/** Writes a `pull_request` event payload and returns its path. */
export function pullRequestEvent(dir: string, base: string, head: string): string {
  const path = join(dir, 'event.json')
  writeFileSync(path, JSON.stringify({action: 'synchronize', number: 7, pull_request: {number: 7, base: {ref: 'main', sha: base}, head: {ref: 'feature', sha: head}}}))
  return path
}

export interface ActionYml {
  inputs: Record<string, {description: string; required?: boolean; default?: string}>
  runs: {using: string; steps: {name?: string; shell?: string; run?: string; env?: Record<string, string>; uses?: string}[]}
}

export function readActionYml(): ActionYml {
  return parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
}

export interface StepOutcome {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs this repository's `action.yml` the way the runner runs a composite
 * action: each `run` step under `bash --noprofile --norc -eo pipefail`, in the
 * workspace, with `GITHUB_ACTION_PATH` set and `${{ inputs.* }}` replaced by
 * the given inputs or their defaults. Stops at the first failing step.
 */
export function runActionYml(withInputs: Record<string, string | boolean>, env: Record<string, string>): StepOutcome {
  const action = readActionYml()
  if (action.runs.using !== 'composite') throw new Error('action.yml is not a composite action')
  for (const name of Object.keys(withInputs)) if (!(name in action.inputs)) throw new Error(`Unexpected input '${name}'`)
  if (!existsSync(join(ROOT, 'dist', 'src', 'action-main.js'))) throw new Error('dist/ is missing: run `npm run build` first (the install step would otherwise run npm ci in this checkout)')
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, String(withInputs[name] ?? spec.default ?? '')]))
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
      const match = /^inputs\.([\w-]+)$/.exec(expression)
      if (!match || !(match[1] in inputs)) throw new Error(`expression not supported by the simulated runner: ${expression}`)
      return inputs[match[1]]
    })
  let stdout = ''
  let stderr = ''
  for (const step of action.runs.steps) {
    if (step.uses || step.shell !== 'bash' || !step.run) throw new Error(`unsupported step ${JSON.stringify(step)}`)
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(String(value))]))
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run)], {
      cwd: env.GITHUB_WORKSPACE,
      encoding: 'utf8',
      env: {PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, ...stepEnv},
    })
    stdout += result.stdout
    stderr += result.stderr
    if (result.status !== 0) return {code: result.status ?? -1, stdout, stderr}
  }
  return {code: 0, stdout, stderr}
}
