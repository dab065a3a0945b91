/**
 * The CLI in-process through `run(argv, io)`: exit codes, formats, config
 * discovery and errors, discovery and ignores, stdin, inline comments; plus
 * one smoke test of the real binary.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {FileResult} from '../src/engine.js'
import {rules} from '../rules/index.js'
import {ROOT, runCli} from './helpers.js'

interface Outcome {
  code: number
  stdout: string
  stderr: string
}

const cli = (argv: string[], cwd: string, stdin?: string): Promise<Outcome> => runCli(argv, cwd, {stdin})

/** A temp project; `files` maps relative paths to contents. Only no-placeholders is on unless a config says otherwise. */
function project(files: Record<string, string>, config: object | null = onlyRule('no-placeholders')): string {
  const dir = mkdtempSync(join(tmpdir(), 'csl-cli-'))
  if (config) writeFileSync(join(dir, '.casestudylintrc.json'), JSON.stringify(config))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  return dir
}

function onlyRule(id: string): object {
  return {rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === id ? rule.severity : 'off']))}
}

const CLEAN = '# Title\n\nA finished paragraph.\n'
const BAD = '# Title\n\nBuilt by YOUR_PROJECT_NAME.\n'

const json = (outcome: Outcome): FileResult[] => JSON.parse(outcome.stdout)

describe('exit codes', () => {
  it('is 0 for clean files and prints nothing', async () => {
    const dir = project({'a.md': CLEAN})
    const outcome = await cli(['.'], dir)
    expect(outcome).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('is 1 for lint errors and prints located findings', async () => {
    const dir = project({'a.md': BAD})
    const outcome = await cli(['a.md'], dir)
    expect(outcome.code).toBe(1)
    expect(outcome.stdout).toContain('a.md')
    expect(outcome.stdout).toContain('3:10-3:27')
    expect(outcome.stdout).toContain('Unfilled placeholder `YOUR_PROJECT_NAME`')
  })

  it('is 2 for a missing path, names it, and still lints the other paths', async () => {
    const dir = project({'a.md': BAD})
    const outcome = await cli(['--format', 'json', 'nope.md', 'a.md'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('No such file or directory: `nope.md`')
    expect(json(outcome).map((r) => r.errorCount)).toEqual([1])
  })

  it('is 2 for a glob that matches nothing', async () => {
    const dir = project({'a.md': CLEAN})
    const outcome = await cli(['docs/**/*.md'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('No files matching the pattern `docs/**/*.md`')
  })

  it('counts warnings against --max-warnings', async () => {
    const dir = project({'a.md': BAD})
    const asWarning = ['--rule', 'no-placeholders=warn', 'a.md']
    expect((await cli(asWarning, dir)).code).toBe(0)
    expect((await cli(['--max-warnings', '1', ...asWarning], dir)).code).toBe(0)
    const over = await cli(['--max-warnings', '0', ...asWarning], dir)
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('too many warnings (1, maximum 0)')
  })

  it('is 2 for usage errors', async () => {
    const dir = project({'a.md': CLEAN})
    expect((await cli(['--bogus'], dir)).code).toBe(2)
    expect((await cli(['--format', 'xml', '.'], dir)).stderr).toContain('unknown format `xml`')
    expect((await cli(['--max-warnings', '-3', '.'], dir)).code).toBe(2)
    expect((await cli(['--rule', 'no-placeholders', '.'], dir)).code).toBe(2)
  })

  it('reports an invalid MDX file as fatal among valid files (exit 1)', async () => {
    const dir = project({'a.md': CLEAN, 'b.mdx': '# Doc\n\n<Note>\nunclosed\n', 'c.mdx': '# Fine\n\n<Note>Real text.</Note>\n'})
    const outcome = await cli(['--format', 'json', '.'], dir)
    expect(outcome.code).toBe(1)
    const results = json(outcome)
    expect(results.map((r) => r.filePath.slice(dir.length + 1))).toEqual(['a.md', 'b.mdx', 'c.mdx'])
    const fatal = results[1].messages[0]
    expect(fatal).toMatchObject({ruleId: null, severity: 'error', fatal: true, source: 'casestudy-lint'})
    expect(fatal.message).toMatch(/^Invalid MDX: /)
    expect(results[0].messages).toEqual([])
    expect(results[2].messages).toEqual([])
  })
})

describe('output', () => {
  it('prints the fixed JSON shape', async () => {
    const dir = project({'a.md': BAD})
    const [result] = json(await cli(['--format', 'json', 'a.md'], dir))
    expect(result).toEqual({
      filePath: join(dir, 'a.md'),
      messages: [
        {
          ruleId: 'no-placeholders',
          source: 'casestudy-lint',
          severity: 'error',
          message: expect.stringContaining('`YOUR_PROJECT_NAME`'),
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 27,
          actual: 'YOUR_PROJECT_NAME',
          url: expect.stringMatching(/docs\/rules\/no-placeholders\.md$/),
          ...(result.messages[0].expected ? {expected: result.messages[0].expected} : {}),
        },
      ],
      errorCount: 1,
      warningCount: 0,
    })
  })

  it('hides warnings with --quiet', async () => {
    const dir = project({'a.md': BAD})
    const outcome = await cli(['--quiet', '--rule', 'no-placeholders=warn', '--format', 'json', 'a.md'], dir)
    expect(json(outcome)[0].messages).toEqual([])
  })

  it('colours stylish output only when asked or on a terminal', async () => {
    const dir = project({'a.md': BAD})
    expect((await cli(['a.md'], dir)).stdout).not.toMatch(/\u001b\[/)
    expect((await cli(['--color', 'a.md'], dir)).stdout).toMatch(/\u001b\[/)
  })

  it('prints help and version', async () => {
    const dir = project({})
    const help = await cli(['--help'], dir)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: casestudy-lint')
    const version = await cli(['--version'], dir)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})

describe('discovery', () => {
  it('expands folders to .md/.mdx/.markdown and skips node_modules, .git and ignore-file paths', async () => {
    const dir = project({
      'docs/a.md': BAD,
      'docs/b.markdown': BAD,
      'docs/c.mdx': BAD,
      'docs/notes.txt': BAD,
      'docs/drafts/d.md': BAD,
      'node_modules/pkg/README.md': BAD,
      '.git/x.md': BAD,
      '.casestudylintignore': '# drafts are work in progress\ndocs/drafts/\n',
    })
    const results = json(await cli(['--format', 'json', '.'], dir))
    expect(results.map((r) => r.filePath.slice(dir.length + 1))).toEqual(['docs/a.md', 'docs/b.markdown', 'docs/c.mdx'])
  })

  it('expands globs and de-duplicates overlapping paths', async () => {
    const dir = project({'docs/a.md': BAD, 'docs/sub/b.md': CLEAN})
    const results = json(await cli(['--format', 'json', 'docs/**/*.md', 'docs', 'docs/a.md'], dir))
    expect(results.map((r) => r.filePath.slice(dir.length + 1))).toEqual(['docs/a.md', 'docs/sub/b.md'])
  })

  it('applies config ignores relative to the config file', async () => {
    const dir = project({'docs/a.md': BAD, 'docs/old/b.md': BAD}, {...onlyRule('no-placeholders'), ignores: ['docs/old/']})
    const results = json(await cli(['--format', 'json', 'docs'], dir))
    expect(results.map((r) => r.filePath.slice(dir.length + 1))).toEqual(['docs/a.md'])
  })

  it('lints standard input with --stdin-filename', async () => {
    const dir = project({})
    const outcome = await cli(['--format', 'json', '-', '--stdin-filename', 'draft.mdx'], dir, '# T\n\n<Note>YOUR_PROJECT_NAME</Note>\n')
    const [result] = json(outcome)
    expect(outcome.code).toBe(1)
    expect(result.filePath).toBe(join(dir, 'draft.mdx'))
    expect(result.messages[0]).toMatchObject({line: 3, column: 7, actual: 'YOUR_PROJECT_NAME'})
  })
})

describe('configuration', () => {
  it('finds config in a parent folder and in package.json', async () => {
    const dir = project({'sub/a.md': BAD}, {rules: {'no-placeholders': 'off'}})
    expect((await cli(['a.md'], join(dir, 'sub'))).code).toBe(0)
    const pkgDir = project({'a.md': BAD, 'package.json': JSON.stringify({name: 'x', 'casestudy-lint': {rules: {'no-placeholders': 'warn'}}})}, null)
    const results = json(await cli(['--format', 'json', 'a.md'], pkgDir))
    expect(results[0].messages.filter((m) => m.ruleId === 'no-placeholders').map((m) => m.severity)).toEqual(['warning'])
  })

  it('reads YAML config', async () => {
    const dir = project({'a.md': BAD, '.casestudylintrc.yaml': 'rules:\n  no-placeholders: "off"\n'}, null)
    const results = json(await cli(['--format', 'json', 'a.md'], dir))
    expect(results[0].messages.filter((m) => m.ruleId === 'no-placeholders')).toEqual([])
  })

  it('passes rule options from config', async () => {
    const dir = project({'a.md': BAD}, {rules: {'no-placeholders': ['error', {allow: ['YOUR_PROJECT_NAME']}]}})
    const results = json(await cli(['--format', 'json', 'a.md'], dir))
    expect(results[0].messages.filter((m) => m.ruleId === 'no-placeholders')).toEqual([])
  })

  it('applies overrides to matching files only', async () => {
    const dir = project({'blog/a.md': BAD, 'cases/b.md': BAD}, {...onlyRule('no-placeholders'), overrides: [{files: ['blog/**'], rules: {'no-placeholders': 'off'}}]})
    const results = json(await cli(['--format', 'json', '.'], dir))
    expect(results.map((r) => r.errorCount)).toEqual([0, 1])
  })

  it.each([
    ['invalid JSON', '{"rules": ', /\.casestudylintrc\.json: invalid JSON/],
    ['an unknown rule id', JSON.stringify({rules: {'no-such-rule': 'error'}}), /unknown rule `no-such-rule` in `rules`/],
    ['an unknown key', JSON.stringify({rule: {}}), /unknown key `rule`/],
    ['an invalid severity', JSON.stringify({rules: {'no-placeholders': 'loud'}}), /rules\.no-placeholders: invalid severity "loud"/],
    ['invalid options', JSON.stringify({rules: {'no-placeholders': ['error', {allow: 'TBD'}]}}), /rules\.no-placeholders: option `allow` must be an array of strings/],
    ['an unknown option', JSON.stringify({rules: {'no-placeholders': ['error', {alow: []}]}}), /unknown option `alow`/],
    ['an unknown preset', JSON.stringify({extends: 'relaxed'}), /relaxed/],
  ])('exits 2 for %s, naming the file and key', async (_name, text, pattern) => {
    const dir = project({'a.md': CLEAN, '.casestudylintrc.json': text}, null)
    const outcome = await cli(['a.md'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toMatch(/configuration error: .*\.casestudylintrc\.json|configuration error: /)
    expect(outcome.stderr).toMatch(pattern)
    expect(outcome.stdout).toBe('')
  })

  it('exits 2 for a config that extends itself', async () => {
    const dir = project({'a.md': CLEAN, 'base.json': JSON.stringify({extends: './.casestudylintrc.json'})}, {extends: './base.json'})
    const outcome = await cli(['a.md'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('`extends` forms a cycle')
  })

  it('extends another config file and the strict preset', async () => {
    const dir = project({'a.md': BAD, 'base.json': JSON.stringify(onlyRule('no-placeholders'))}, {extends: './base.json', rules: {'no-placeholders': 'warn'}})
    const [result] = json(await cli(['--format', 'json', 'a.md'], dir))
    expect(result.messages.map((m) => m.severity)).toEqual(['warning'])
  })

  it('prints the effective config for a file', async () => {
    const dir = project({'blog/a.md': CLEAN}, {overrides: [{files: ['blog/**'], rules: {'no-placeholders': 'warn'}}]})
    const outcome = await cli(['--print-config', 'blog/a.md'], dir)
    expect(outcome.code).toBe(0)
    const printed = JSON.parse(outcome.stdout)
    expect(printed.configFile).toBe(join(dir, '.casestudylintrc.json'))
    expect(printed.rules['no-placeholders']).toEqual(['warn', {allow: []}])
  })

  it('exits 2 for --config naming a missing file', async () => {
    const dir = project({'a.md': CLEAN})
    const outcome = await cli(['--config', 'missing.json', 'a.md'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('missing.json: cannot read config file')
  })
})

describe('inline comments', () => {
  it('disables, re-enables and ignores rules in Markdown', async () => {
    const text = [
      '# T',
      '',
      '<!-- casestudy-lint-disable no-placeholders -->',
      '',
      'Quoted on purpose: YOUR_PROJECT_NAME.',
      '',
      '<!-- casestudy-lint-enable no-placeholders -->',
      '',
      'Forgotten: GOAL_1.',
      '',
      '<!-- casestudy-lint-ignore -->',
      'Ignored: GOAL_2.',
      '',
      '<!-- casestudy-lint-disable-next-line no-placeholders -->',
      'Next line: GOAL_3.',
      'Still checked: GOAL_4.',
      '',
    ].join('\n')
    const dir = project({'a.md': text})
    const [result] = json(await cli(['--format', 'json', 'a.md'], dir))
    expect(result.messages.map((m) => m.actual)).toEqual(['GOAL_1', 'GOAL_4'])
  })

  it('reports unknown rule ids in comments', async () => {
    const dir = project({'a.md': '# T\n\n<!-- casestudy-lint-disable no-such-rule -->\n\nText.\n'})
    const [result] = json(await cli(['--format', 'json', 'a.md'], dir))
    expect(result.messages).toHaveLength(1)
    expect(result.messages[0]).toMatchObject({ruleId: 'inline-config', severity: 'warning', line: 3, actual: 'no-such-rule'})
  })

  it('understands MDX comment expressions', async () => {
    const text = '# T\n\n{/* casestudy-lint-disable no-placeholders */}\n\n<Note>YOUR_PROJECT_NAME</Note>\n\n{/* casestudy-lint-enable */}\n\nGOAL_1 here.\n'
    const dir = project({'a.mdx': text})
    const [result] = json(await cli(['--format', 'json', 'a.mdx'], dir))
    expect(result.messages.map((m) => m.actual)).toEqual(['GOAL_1'])
  })
})

describe('binary', () => {
  it('runs the built executable with exit codes and output', () => {
    const bin = join(ROOT, 'dist', 'bundle', 'bin.cjs')
    const dir = project({'a.md': BAD})
    const bad = spawnSync(process.execPath, [bin, '--format', 'json', 'a.md'], {cwd: dir, encoding: 'utf8'})
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.stdout)[0].messages[0].ruleId).toBe('no-placeholders')
    const version = execFileSync(process.execPath, [bin, '--version'], {encoding: 'utf8'})
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    const piped = spawnSync(process.execPath, [bin, '-', '--stdin-filename', 'x.md', '--config', join(dir, '.casestudylintrc.json')], {cwd: dir, input: BAD, encoding: 'utf8'})
    expect(piped.status).toBe(1)
    expect(piped.stdout).toContain('x.md')
  })
})
