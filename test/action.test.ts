/**
 * The GitHub Action in a simulated Actions environment: `runAction(env, io)`
 * in-process with GITHUB_* and INPUT_* variables, an event payload, a
 * temporary git repository with a base and a head commit, and a step summary
 * file; then `action.yml` itself, run step by step under bash as the runner
 * would (needs `npm run build`).
 *
 * Proves: annotations by default, the step summary past GitHub's annotation
 * limit, the SARIF file next to the annotations, exit codes per `fail-on`,
 * `only-changed` from the event payload and from GITHUB_BASE_REF, and clear
 * failures for bad inputs and a shallow checkout.
 */
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {exitCode, readInputs, runAction, type Env, type FailOn} from '../src/action.js'
import {FORMATS} from '../src/reporters/index.js'
import {rules} from '../rules/index.js'
import {git, pullRequestEvent, readActionYml, runActionYml, tempRepo, type TempRepo} from './actions-env.js'

const GOOD = '# Case study\n\nA finished paragraph about the work.\n'
const BAD = '# Case study\n\nBuilt by YOUR_PROJECT_NAME.\n'
const onlyPlaceholders = (level: string) => JSON.stringify({rules: Object.fromEntries(rules.map((r) => [r.id, r.id === 'no-placeholders' ? level : 'off']))})

interface Outcome {
  code: number
  stdout: string
  stderr: string
  summary: string
}

let repo: TempRepo
let base: string
let head: string

/**
 * Base: docs/old.md (bad, unchanged later), docs/keep.md (good), docs/gone.md.
 * Head: adds docs/new.md (bad) and other/elsewhere.md (bad), changes
 * docs/keep.md (still good), deletes docs/gone.md, adds notes.txt.
 */
beforeAll(() => {
  repo = tempRepo('csl-action-')
  base = repo.commit({
    '.casestudylintrc.json': onlyPlaceholders('error'),
    'ci/warn-only.json': onlyPlaceholders('warn'),
    'docs/old.md': BAD,
    'docs/keep.md': GOOD,
    'docs/gone.md': GOOD,
  })
  head = repo.commit({
    'docs/new.md': BAD,
    'other/elsewhere.md': BAD,
    'docs/keep.md': GOOD + '\nOne more finished sentence.\n',
    'docs/gone.md': null,
    'notes.txt': 'YOUR_PROJECT_NAME in a text file\n',
  })
})

function actionsEnv(inputs: Record<string, string>, extra: Env = {}): Env {
  const summary = join(mkdtempSync(join(tmpdir(), 'csl-summary-')), 'step-summary.md')
  writeFileSync(summary, '')
  const env: Env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: pullRequestEvent(mkdtempSync(join(tmpdir(), 'csl-event-')), base, head),
    ...extra,
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

/** Runs the action in-process; the working folder is the workspace, as in a run step. */
async function action(inputs: Record<string, string>, extra: Env = {}): Promise<Outcome> {
  const env = actionsEnv(inputs, extra)
  let stdout = ''
  let stderr = ''
  const code = await runAction(env, {stdout: {write: (c: string) => (stdout += c)}, stderr: {write: (c: string) => (stderr += c)}, cwd: env.GITHUB_WORKSPACE})
  return {code, stdout, stderr, summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')}
}

/** `file:line` of each annotation. */
function annotated(stdout: string): string[] {
  return [...stdout.matchAll(/^::(?:error|warning|notice) file=([^,]+),line=(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`).sort()
}

describe('inputs', () => {
  it('has defaults matching action.yml', () => {
    const yml = readActionYml()
    const defaults = Object.fromEntries(Object.entries(yml.inputs).map(([name, spec]) => [`INPUT_${name.toUpperCase()}`, spec.default ?? '']))
    expect(readInputs(defaults)).toEqual({paths: ['.'], config: null, format: 'github', sarifFile: null, failOn: 'error', onlyChanged: false})
    expect(readInputs({})).toEqual(readInputs(defaults))
  })

  it('reads inputs under the runner names (hyphens) and the names action.yml passes (underscores)', () => {
    expect(readInputs({'INPUT_SARIF-FILE': 'a.sarif', 'INPUT_FAIL-ON': 'never', 'INPUT_ONLY-CHANGED': 'true'})).toMatchObject({sarifFile: 'a.sarif', failOn: 'never', onlyChanged: true})
    expect(readInputs({INPUT_SARIF_FILE: 'a.sarif', INPUT_FAIL_ON: 'warning', INPUT_ONLY_CHANGED: 'True'})).toMatchObject({sarifFile: 'a.sarif', failOn: 'warning', onlyChanged: true})
    expect(readInputs({INPUT_PATHS: 'docs\n  blog/*.mdx README.md\n'}).paths).toEqual(['docs', 'blog/*.mdx', 'README.md'])
  })

  it('fails with an error annotation for a bad input', async () => {
    const bad: Record<string, string>[] = [{'fail-on': 'sometimes'}, {format: 'html'}, {'only-changed': 'yes'}]
    for (const inputs of bad) {
      const outcome = await action(inputs)
      expect(outcome.code).toBe(2)
      expect(outcome.stdout).toMatch(/^::error title=casestudy-lint::input `[a-z-]+` must be/)
    }
  })
})

describe('runAction', () => {
  it('annotates every finding in the workspace and fails on errors by default', async () => {
    const outcome = await action({})
    expect(outcome.code).toBe(1)
    expect(annotated(outcome.stdout)).toEqual(['docs/new.md:3', 'docs/old.md:3', 'other/elsewhere.md:3'])
    expect(outcome.stdout).toContain('title=casestudy-lint/no-placeholders::Unfilled placeholder `YOUR_PROJECT_NAME`')
    expect(outcome.summary).toBe('')
  })

  it('lints only the given paths and passes the config input to the CLI', async () => {
    const outcome = await action({paths: 'docs', config: 'ci/warn-only.json'})
    expect(annotated(outcome.stdout)).toEqual(['docs/new.md:3', 'docs/old.md:3'])
    expect(outcome.stdout).toMatch(/^::warning file=docs\/new\.md/m)
  })

  it('sets the exit code from fail-on', async () => {
    const counts = (errorCount: number, warningCount: number) => [{filePath: 'a.md', messages: [], errorCount, warningCount}]
    const table: [FailOn, number, number, number, number][] = [
      // fail-on, errors, warnings, CLI exit code, expected
      ['error', 1, 0, 1, 1],
      ['error', 0, 3, 0, 0],
      ['warning', 1, 0, 1, 1],
      ['warning', 0, 3, 0, 1],
      ['warning', 0, 0, 0, 0],
      ['never', 2, 3, 1, 0],
      ['never', 0, 0, 2, 2],
      ['error', 0, 0, 2, 2],
    ]
    for (const [failOn, errors, warnings, cli, expected] of table) expect(exitCode(counts(errors, warnings), failOn, cli), `${failOn} ${errors}/${warnings}/${cli}`).toBe(expected)
    // And through the action: warnings only (config input), fail-on warning and never.
    expect((await action({'fail-on': 'warning', config: 'ci/warn-only.json', paths: 'docs/new.md'})).code).toBe(1)
    expect((await action({'fail-on': 'never', paths: 'docs/new.md'})).code).toBe(0)
    expect((await action({'fail-on': 'error', config: 'ci/no-such-config.json'})).code).toBe(2)
  })

  it('writes a SARIF file in addition to the annotations, creating its folder', async () => {
    const outcome = await action({'sarif-file': 'reports/casestudy-lint.sarif'})
    expect(annotated(outcome.stdout)).toHaveLength(3)
    const log = JSON.parse(readFileSync(join(repo.dir, 'reports/casestudy-lint.sarif'), 'utf8'))
    expect(log.version).toBe('2.1.0')
    const uris = log.runs[0].results.map((r: {locations: {physicalLocation: {artifactLocation: {uri: string}}}[]}) => r.locations[0].physicalLocation.artifactLocation.uri)
    expect(uris.sort()).toEqual(['docs/new.md', 'docs/old.md', 'other/elsewhere.md'])
  })

  it('prints another format when asked', async () => {
    const outcome = await action({format: 'stylish', paths: 'docs/new.md'})
    expect(outcome.stdout).not.toContain('::error')
    expect(outcome.stdout).toContain('docs/new.md')
    expect(outcome.stdout).toContain('Unfilled placeholder')
    expect(FORMATS).toContain('stylish')
  })

  it('writes a step summary with every finding when there are more than GitHub shows', async () => {
    const many = Array.from({length: 12}, (_, i) => `Item ${i}: PLACEHOLDER_${i}.`).join('\n\n')
    const crowded = tempRepo('csl-action-many-')
    crowded.commit({'.casestudylintrc.json': onlyPlaceholders('error'), 'crowded.md': `# Crowded\n\n${many}\n`})
    const direct = await action({}, {GITHUB_WORKSPACE: crowded.dir})
    expect(direct.code).toBe(1)
    expect(annotated(direct.stdout)).toHaveLength(12)
    expect(direct.summary).toMatch(/^## casestudy-lint: 12 errors, 0 warnings\n/)
    expect(direct.summary.match(/^\| crowded\\\.md \| \d+ \| error \| \[no\\-placeholders\]\(https:\/\/[^)]+\/no-placeholders\.md\) \| Unfilled placeholder /gm)).toHaveLength(12)
  })
})

describe('only-changed', () => {
  it('lints only the Markdown files the pull request adds or changes, within paths', async () => {
    const all = await action({'only-changed': 'true'})
    expect(all.code).toBe(1)
    expect(annotated(all.stdout)).toEqual(['docs/new.md:3', 'other/elsewhere.md:3'])
    const docs = await action({'only-changed': 'true', paths: 'docs'})
    expect(annotated(docs.stdout)).toEqual(['docs/new.md:3'])
    const globbed = await action({'only-changed': 'true', paths: 'other/*.md'})
    expect(annotated(globbed.stdout)).toEqual(['other/elsewhere.md:3'])
  })

  it('falls back to origin/$GITHUB_BASE_REF without a pull_request payload', async () => {
    git(repo.dir, ['update-ref', 'refs/remotes/origin/main', base])
    const eventDir = mkdtempSync(join(tmpdir(), 'csl-event-'))
    writeFileSync(join(eventDir, 'event.json'), JSON.stringify({ref: 'refs/heads/feature'}))
    const outcome = await action({'only-changed': 'true'}, {GITHUB_EVENT_PATH: join(eventDir, 'event.json'), GITHUB_BASE_REF: 'main'})
    expect(annotated(outcome.stdout)).toEqual(['docs/new.md:3', 'other/elsewhere.md:3'])
  })

  it('lints every path outside a pull request, with a notice', async () => {
    const eventDir = mkdtempSync(join(tmpdir(), 'csl-event-'))
    writeFileSync(join(eventDir, 'event.json'), JSON.stringify({ref: 'refs/heads/main', before: base, after: head}))
    const outcome = await action({'only-changed': 'true'}, {GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(eventDir, 'event.json')})
    expect(outcome.stdout).toMatch(/^::notice title=casestudy-lint::only-changed applies to pull requests/m)
    expect(annotated(outcome.stdout)).toEqual(['docs/new.md:3', 'docs/old.md:3', 'other/elsewhere.md:3'])
  })

  it('passes, and still writes an empty SARIF log, when no Markdown file changed', async () => {
    const quiet = tempRepo('csl-action-quiet-')
    const from = quiet.commit({'.casestudylintrc.json': onlyPlaceholders('error'), 'old.md': BAD})
    const to = quiet.commit({'notes.txt': 'text\n'})
    const {code, stdout} = await action({'only-changed': 'true', 'sarif-file': 'out.sarif'}, {GITHUB_WORKSPACE: quiet.dir, GITHUB_EVENT_PATH: pullRequestEvent(quiet.dir, from, to)})
    expect(code).toBe(0)
    expect(stdout).toBe('No changed Markdown files to lint.\n')
    expect(JSON.parse(readFileSync(join(quiet.dir, 'out.sarif'), 'utf8')).runs[0].results).toEqual([])
  })

  it('fails clearly when the base commit is missing (a shallow checkout)', async () => {
    const eventDir = mkdtempSync(join(tmpdir(), 'csl-event-'))
    const missing = 'f'.repeat(40)
    const outcome = await action({'only-changed': 'true'}, {GITHUB_EVENT_PATH: pullRequestEvent(eventDir, missing, head)})
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toMatch(/^::error title=casestudy-lint::cannot list the files changed in `f{40}\.\.\.[0-9a-f]{40}` .*fetch-depth: 0/)
  })
})

describe('action.yml', () => {
  it('declares exactly the inputs runAction reads, and passes each to the entry step', () => {
    const yml = readActionYml()
    expect(Object.keys(yml.inputs).sort()).toEqual(['config', 'fail-on', 'format', 'only-changed', 'paths', 'sarif-file'])
    const entry = yml.runs.steps.at(-1)!
    for (const name of Object.keys(yml.inputs)) expect(entry.env?.[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`]).toBe(`\${{ inputs.${name} }}`)
    // Inputs reach the script only through the environment, never spliced into it.
    for (const step of yml.runs.steps) expect(step.run).not.toContain('${{')
  })

  it('runs end to end as a composite action: annotations, step summary, SARIF file, exit code', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'csl-summary-')), 'summary.md')
    writeFileSync(summary, '')
    const env = {
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: pullRequestEvent(mkdtempSync(join(tmpdir(), 'csl-event-')), base, head),
    }
    const failing = runActionYml({'only-changed': true, 'sarif-file': 'yml.sarif', paths: 'docs'}, env)
    expect(failing.stderr).toBe('')
    expect(failing.code).toBe(1)
    expect(annotated(failing.stdout)).toEqual(['docs/new.md:3'])
    expect(existsSync(join(repo.dir, 'yml.sarif'))).toBe(true)
    const passing = runActionYml({'fail-on': 'never'}, env)
    expect(passing.code).toBe(0)
    expect(annotated(passing.stdout)).toHaveLength(3)
  })
})
