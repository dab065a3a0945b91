/**
 * `--init` and `--explain-template` through `run(argv, io)` in temp folders.
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {TEMPLATE_FILE_NAME_RE} from '../src/init.js'
import {runCli} from './helpers.js'

interface Outcome {
  code: number
  stdout: string
  stderr: string
}

const cli = (argv: string[], cwd: string): Promise<Outcome> => runCli(argv, cwd)

function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'csl-init-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const readConfig = (dir: string) => JSON.parse(readFileSync(join(dir, '.casestudylintrc.json'), 'utf8'))

const TEAM_TEMPLATE = '# <Project name>\n\n## Problem\n\nWhat was broken, and who felt the pain of it?\n\n## Approach\n\nThe three decisions that shaped the solution, with their trade-offs.\n\n## Outcome\n\nMeasured results, with the numbers before and after.\n'

describe('--init', () => {
  it('writes a config extending recommended', async () => {
    const dir = project({'docs/post.md': '# Post\n'})
    const outcome = await cli(['--init'], dir)
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toContain('Created .casestudylintrc.json')
    expect(readConfig(dir)).toEqual({extends: 'recommended'})
  })

  it('registers the template given with --template', async () => {
    const dir = project({'docs/_template.md': TEAM_TEMPLATE})
    const outcome = await cli(['--init', '--template', 'docs/_template.md'], dir)
    expect(outcome.code).toBe(0)
    expect(readConfig(dir)).toEqual({extends: 'recommended', templates: ['docs/_template.md'], ignores: ['docs/_template.md']})
  })

  it('registers template files it finds in the project, but not issue or pull-request forms', async () => {
    const dir = project({
      'case-studies/_template.md': TEAM_TEMPLATE,
      'case-studies/shop.md': '# Shop\n',
      'docs/PULL_REQUEST_TEMPLATE.md': '## What changed\n',
      'node_modules/pkg/template.md': '# Not ours\n',
    })
    const outcome = await cli(['--init'], dir)
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toContain('found in the project')
    expect(readConfig(dir).templates).toEqual(['case-studies/_template.md'])
  })

  it('makes a config the linter then uses', async () => {
    const dir = project({'docs/_template.md': TEAM_TEMPLATE, 'docs/billing.md': '# Billing\n\n## Problem\n\nInvoices went out twice.\n\n## Outcome\n\nMeasured results, with the numbers before and after.\n'})
    expect((await cli(['--init', '--template', 'docs/_template.md'], dir)).code).toBe(0)
    const all = await cli(['--format', 'json', '.'], dir)
    expect((JSON.parse(all.stdout) as {filePath: string}[]).map((result) => result.filePath)).toEqual([join(dir, 'docs/billing.md')])
    const outcome = await cli(['--format', 'json', 'docs/billing.md'], dir)
    const messages = JSON.parse(outcome.stdout)[0].messages as {ruleId: string; message: string}[]
    expect(messages.some((m) => m.ruleId === 'no-template-residue' && m.message.includes('template `_template`'))).toBe(true)
    expect(messages.some((m) => m.ruleId === 'require-sections' && m.message.includes('`Approach`'))).toBe(true)
  })

  it('refuses to overwrite an existing config', async () => {
    const dir = project({'.casestudylintrc.json': '{"extends": "strict"}\n'})
    const outcome = await cli(['--init'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toMatch(/\.casestudylintrc\.json already exists.*not overwriting/)
    expect(readFileSync(join(dir, '.casestudylintrc.json'), 'utf8')).toBe('{"extends": "strict"}\n')
  })

  it('refuses when another config file or a package.json key is there', async () => {
    const yaml = project({'.casestudylintrc.yaml': 'extends: strict\n'})
    expect((await cli(['--init'], yaml)).code).toBe(2)
    expect(existsSync(join(yaml, '.casestudylintrc.json'))).toBe(false)
    const pkg = project({'package.json': '{"name": "x", "casestudy-lint": {"extends": "strict"}}'})
    const outcome = await cli(['--init'], pkg)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('package.json')
  })

  it('fails clearly for a missing --template file', async () => {
    const dir = project()
    const outcome = await cli(['--init', '--template', 'docs/nope.md'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('--template docs/nope.md: no such file')
    expect(existsSync(join(dir, '.casestudylintrc.json'))).toBe(false)
  })

  it('rejects --template without --init', async () => {
    const outcome = await cli(['--template', 'x.md', '.'], project())
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('--template is only used with --init')
  })

  const NAMES: ReadonlyArray<[string, boolean]> = [
    ['_template', true],
    ['TEMPLATE', true],
    ['case-study-template', true],
    ['template', true],
    ['project_template', true],
    ['templates', false],
    ['templating-guide', false],
  ]
  for (const [name, expected] of NAMES) it(`${expected ? 'takes' : 'skips'} a file named ${name}`, () => expect(TEMPLATE_FILE_NAME_RE.test(name)).toBe(expected))
})

describe('--explain-template', () => {
  const filled = '# How We Built Kiln\n\n## The Challenge 🎯\n\nText.\n\n## Architecture Overview\n\nText.\n\n## Technology Stack\n\nText.\n\n## Development Process\n\nText.\n\n## Technical Deep Dives\n\nText.\n\n## Lessons Learned\n\nText.\n\n## Results and Impact\n\nText.\n'

  it('names the detected template with its matched and missing headings', async () => {
    const dir = project({'kiln.md': filled})
    const outcome = await cli(['--explain-template', 'kiln.md'], dir)
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toContain('kiln.md: template `how-we-built` detected (score 0.58: 7 of 12 H2 headings)')
    expect(outcome.stdout).toContain('matched: The Challenge (line 3)')
    expect(outcome.stdout).toContain('missing: Deployment & Operations')
  })

  it('says when no template reaches the threshold', async () => {
    const dir = project({'post.md': '# Post\n\n## The Challenge\n\nText.\n\n## Lessons Learned\n\nText.\n'})
    const outcome = await cli(['--explain-template', 'post.md'], dir)
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toContain('no template detected (best `how-we-built` with score 0.17')
  })

  it('prints JSON with --format json, team templates included', async () => {
    const dir = project({'docs/_template.md': TEAM_TEMPLATE, 'docs/a.md': '# A\n\n## Problem\n\nx\n\n## Outcome\n\ny\n', '.casestudylintrc.json': '{"templates": ["docs/_template.md"]}'})
    const outcome = await cli(['--explain-template', 'docs/a.md', '--format', 'json'], dir)
    expect(outcome.code).toBe(0)
    const explanation = JSON.parse(outcome.stdout)
    expect(explanation.detected).toBe('_template')
    expect(explanation.candidates[0]).toMatchObject({template: '_template', score: 0.667, missing: ['Approach']})
  })

  it('fails with exit 2 for a missing file or an unreadable team template', async () => {
    expect((await cli(['--explain-template', 'nope.md'], project())).code).toBe(2)
    const dir = project({'a.md': '# A\n', '.casestudylintrc.json': '{"templates": ["docs/missing.md"]}'})
    const outcome = await cli(['--explain-template', 'a.md'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('cannot read')
  })
})

describe('team templates in the config', () => {
  it('makes an unreadable template a configuration error (exit 2), not a failure on every file', async () => {
    const dir = project({'a.md': '# A\n\nText.\n', '.casestudylintrc.json': '{"templates": ["docs/missing.md"]}'})
    const outcome = await cli(['a.md'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toMatch(/configuration error: templates: cannot read .*missing\.md/)
    expect(outcome.stdout).toBe('')
  })
})
