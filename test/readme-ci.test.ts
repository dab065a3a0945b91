/**
 * The README's "Use in CI" snippets do what the README says:
 *
 * - Both workflows use only inputs that action.yml declares, with valid
 *   values, and the casestudy-lint step of each runs through action.yml (the
 *   simulated runner of actions-env.ts) on a temporary pull request: the
 *   annotations workflow annotates only the changed file and fails; the
 *   code-scanning workflow writes a schema-valid SARIF file at the path the
 *   upload step reads and passes.
 * - The inputs table lists exactly the inputs of action.yml, with their defaults.
 * - The lint-staged recipe's command, given staged files the way lint-staged
 *   passes them (absolute paths appended), fails on a bad case study and
 *   passes on good ones; its glob selects the three extensions.
 *
 * The pre-commit snippet runs in pre-commit.test.ts, the remark snippets in
 * remark.test.ts. Needs `npm run build`.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {describe, expect, it} from 'vitest'
import {FAIL_ON} from '../src/action.js'
import {FORMATS} from '../src/reporters/index.js'
import {pullRequestEvent, readActionYml, runActionYml, tempRepo} from './actions-env.js'
import {ROOT} from './helpers.js'
import {readmeBlocks, readmeSection} from './readme-blocks.js'
import {validateSarif} from './sarif-schema.js'

interface Step {
  uses?: string
  with?: Record<string, string | number | boolean>
}

interface Workflow {
  on: unknown
  permissions?: Record<string, string>
  jobs: Record<string, {'runs-on': string; steps: Step[]}>
}

const ACTION = 'casestudy-lint/casestudy-lint'
const workflows = readmeBlocks('yaml')
  .filter((block) => /^jobs:/m.test(block.text))
  .map((block) => ({heading: block.heading, workflow: parseYaml(block.text) as Workflow}))

function stepsOf(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps)
}

function lintStep(workflow: Workflow): Step {
  const steps = stepsOf(workflow).filter((step) => step.uses?.startsWith(`${ACTION}@`))
  expect(steps).toHaveLength(1)
  return steps[0]
}

function withInputs(step: Step): Record<string, string> {
  return Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, String(value)]))
}

const BAD = readFileSync(join(ROOT, 'examples', 'unfinished-case-study.md'), 'utf8')
const GOOD = readFileSync(join(ROOT, 'examples', 'finished-case-study.md'), 'utf8')

/** A repository with a pull request that adds docs/new.md (bad) next to docs/old.md (bad, unchanged). */
function pullRequestRepo() {
  const repo = tempRepo('csl-readme-ci-')
  const base = repo.commit({'docs/old.md': BAD, 'docs/good.md': GOOD})
  const head = repo.commit({'docs/new.md': BAD})
  const summary = join(repo.dir, '..', `${repo.dir.split('/').pop()}-summary.md`)
  writeFileSync(summary, '')
  return {
    dir: repo.dir,
    env: {
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: pullRequestEvent(mkdtempSync(join(tmpdir(), 'csl-event-')), base, head),
    },
  }
}

function annotatedFiles(stdout: string): string[] {
  return [...new Set([...stdout.matchAll(/^::(?:error|warning|notice) file=([^,]+),/gm)].map((m) => m[1]))].sort()
}

describe('README workflows', () => {
  it('has the annotations and the code scanning workflow', () => {
    expect(workflows.map((w) => w.heading)).toEqual(['GitHub Actions: annotations on the pull request', 'GitHub code scanning (SARIF)'])
  })

  it('uses only inputs that action.yml declares, with valid values', () => {
    const inputs = readActionYml().inputs
    for (const {workflow} of workflows) {
      const values = withInputs(lintStep(workflow))
      for (const [name, value] of Object.entries(values)) {
        expect(inputs, name).toHaveProperty(name)
        if (name === 'fail-on') expect(FAIL_ON).toContain(value)
        if (name === 'format') expect(FORMATS).toContain(value)
        if (name === 'only-changed') expect(['true', 'false']).toContain(value)
      }
    }
  })

  it('annotations workflow: fetches history for only-changed, annotates the changed file only, and fails', () => {
    const {workflow} = workflows[0]
    const step = lintStep(workflow)
    const checkout = stepsOf(workflow).find((s) => s.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with?.['fetch-depth']).toBe(0)
    const repo = pullRequestRepo()
    const outcome = runActionYml(withInputs(step), repo.env)
    expect(outcome.stderr).toBe('')
    expect(outcome.code).toBe(1)
    expect(annotatedFiles(outcome.stdout)).toEqual(['docs/new.md'])
    expect(outcome.stdout).toMatch(/^::error file=docs\/new\.md,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=casestudy-lint\/no-placeholders::/m)
  })

  it('code scanning workflow: writes valid SARIF where the upload step reads it, and passes', () => {
    const {workflow} = workflows[1]
    expect(workflow.permissions?.['security-events']).toBe('write')
    const step = lintStep(workflow)
    const upload = stepsOf(workflow).find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))
    expect(upload?.with?.sarif_file).toBe(step.with?.['sarif-file'])
    const repo = pullRequestRepo()
    const outcome = runActionYml(withInputs(step), repo.env)
    expect(outcome.code).toBe(0)
    const log = JSON.parse(readFileSync(join(repo.dir, String(upload!.with!.sarif_file)), 'utf8'))
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true)
    const uris = new Set(log.runs[0].results.map((r: {locations: {physicalLocation: {artifactLocation: {uri: string}}}[]}) => r.locations[0].physicalLocation.artifactLocation.uri))
    expect([...uris].sort()).toEqual(['docs/new.md', 'docs/old.md'])
  })

  it('lists exactly the inputs of action.yml, with their defaults, in the inputs table', () => {
    const section = readmeSection('GitHub Actions: annotations on the pull request')
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (?:`([^`]*)`)? *\|/gm)].map((m) => [m[1], m[2] ?? ''])
    const inputs = readActionYml().inputs
    expect(rows).toEqual(Object.entries(inputs).map(([name, spec]) => [name, spec.default ?? '']))
  })
})

describe('README lint-staged recipe', () => {
  const packageJson = readmeBlocks('json').find((block) => block.text.includes('"lint-staged"'))
  const setup = readmeBlocks('sh').find((block) => block.text.includes('lint-staged'))

  it('installs the tools and makes the husky hook run lint-staged', () => {
    expect(setup).toBeDefined()
    expect(setup!.text).toMatch(/^npm install --save-dev github:casestudy-lint\/casestudy-lint lint-staged husky$/m)
    expect(setup!.text).toMatch(/^echo "npx lint-staged" > \.husky\/pre-commit$/m)
  })

  it('runs casestudy-lint on staged .md, .mdx and .markdown files: fails on a bad one, passes on good ones', () => {
    expect(packageJson).toBeDefined()
    const config = JSON.parse(packageJson!.text)['lint-staged'] as Record<string, string>
    const [[pattern, command]] = Object.entries(config)
    // lint-staged matches a pattern without a slash against the file's base name.
    const braces = /^\*\.\{([a-z,]+)\}$/.exec(pattern)
    expect(braces).not.toBeNull()
    expect(braces![1].split(',').sort()).toEqual(['markdown', 'md', 'mdx'])

    const dir = mkdtempSync(join(tmpdir(), 'csl-lint-staged-'))
    copyFileSync(join(ROOT, 'examples', 'unfinished-case-study.md'), join(dir, 'draft.md'))
    writeFileSync(join(dir, 'good.markdown'), GOOD)
    writeFileSync(join(dir, 'good.mdx'), GOOD)
    const [bin, ...args] = command.split(' ')
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.bin).toHaveProperty(bin)
    const staged = (files: string[]) =>
      spawnSync(process.execPath, [join(ROOT, pkg.bin[bin]), ...args, ...files.map((file) => join(dir, file))], {cwd: dir, encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: ''}})
    const good = staged(['good.markdown', 'good.mdx'])
    expect(good.stderr).toBe('')
    expect(good.status, good.stdout).toBe(0)
    const bad = staged(['good.markdown', 'draft.md'])
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain('draft.md')
    expect(bad.stdout).not.toContain('good.markdown')
  })
})
