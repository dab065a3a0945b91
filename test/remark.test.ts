/**
 * `casestudy-lint/preset` in remark and unified:
 *
 * - the real remark-cli, in a temporary project whose `.remarkrc.json` is the
 *   README's snippet and whose node_modules links `casestudy-lint` to this
 *   package (resolved through package.json `exports`), reports the same
 *   findings (rule ids and positions) as the casestudy-lint CLI, for Markdown
 *   and, with remark-mdx, for MDX; inline disable comments apply;
 * - the README's unified snippet runs as written and prints the finding;
 * - `unified().use(remarkParse).use(preset)` in-process, with the
 *   `recommended` and `strict` presets.
 *
 * Needs `npm run build` (the package's exports point into dist/).
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {run} from '../src/cli.js'
import type {FileResult} from '../src/engine.js'
import recommended, {strict} from '../src/preset.js'
import {ROOT} from './helpers.js'
import {readmeBlocks} from './readme-blocks.js'

const REMARK_CLI = join(ROOT, 'node_modules', 'remark-cli', 'cli.js')

/** A temporary project where `casestudy-lint` and the given packages resolve to this checkout's copies. */
function project(packages: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'csl-remark-'))
  mkdirSync(join(dir, 'node_modules'))
  symlinkSync(ROOT, join(dir, 'node_modules', 'casestudy-lint'), 'dir')
  for (const name of packages) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir')
  return dir
}

function remarkrcFromReadme(): {plugins: string[]} {
  const block = readmeBlocks('json').find((b) => b.text.includes('"plugins"'))
  if (!block) throw new Error('README has no .remarkrc.json snippet')
  return JSON.parse(block.text)
}

/** `line:col-line:col rule` per message of the vfile-reporter output. */
function remarkFindings(report: string): string[] {
  return [...report.matchAll(/^\s*(\d+:\d+-\d+:\d+)\s+(?:error|warning|info)\s+.+?\s+([a-z-]+)\s+casestudy-lint\s*$/gm)].map((m) => `${m[1]} ${m[2]}`).sort()
}

async function cliFindings(dir: string, file: string): Promise<string[]> {
  let stdout = ''
  await run(['--format', 'json', file], {stdout: {write: (c: string) => (stdout += c)}, stderr: {write: () => true}, cwd: dir, env: {}})
  const [result] = JSON.parse(stdout) as FileResult[]
  return result.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}`).sort()
}

function remark(dir: string, args: string[]) {
  return spawnSync(process.execPath, [REMARK_CLI, ...args, '--no-color', '--no-stdout'], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
}

describe('remark-cli with casestudy-lint/preset', () => {
  it('uses the README .remarkrc.json and reports what the casestudy-lint CLI reports', async () => {
    const dir = project()
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify(remarkrcFromReadme()))
    writeFileSync(join(dir, 'draft.md'), readFileSync(join(ROOT, 'examples', 'unfinished-case-study.md')))
    const outcome = remark(dir, ['draft.md', '--quiet'])
    expect(outcome.status, outcome.stderr).toBe(1)
    const found = remarkFindings(outcome.stderr)
    expect(found.length).toBeGreaterThan(3)
    expect(found).toEqual(await cliFindings(dir, 'draft.md'))
    expect(found.some((f) => f.endsWith(' no-placeholders'))).toBe(true)
  })

  it('passes a finished case study, and applies casestudy-lint-disable comments', () => {
    const dir = project()
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify(remarkrcFromReadme()))
    writeFileSync(join(dir, 'done.md'), readFileSync(join(ROOT, 'examples', 'finished-case-study.md')))
    const done = remark(dir, ['done.md', '--quiet', '--frail'])
    expect(done.status, done.stderr).toBe(0)
    writeFileSync(join(dir, 'quoted.md'), '# Notes\n\n<!-- casestudy-lint-disable-next-line no-placeholders -->\nThe template says YOUR_PROJECT_NAME here.\n\nBuilt by YOUR_TEAM_NAME.\n')
    const quoted = remark(dir, ['quoted.md'])
    const placeholders = remarkFindings(quoted.stderr).filter((f) => f.endsWith('no-placeholders'))
    expect(placeholders).toEqual(['6:10-6:24 no-placeholders'])
  })

  it('lints MDX with remark-mdx before the preset, as the README says', async () => {
    const dir = project(['remark-mdx'])
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain('"plugins": ["remark-mdx", "casestudy-lint/preset"]')
    expect(readme).toContain('npx remark docs/ --ext md,mdx --quiet --frail')
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({plugins: ['remark-mdx', 'casestudy-lint/preset']}))
    mkdirSync(join(dir, 'docs'))
    writeFileSync(join(dir, 'docs', 'story.mdx'), '# Case study\n\nimport {Chart} from "./chart.js"\n\n<Chart data={[1, 2]} />\n\nBuilt by YOUR_PROJECT_NAME for {props.team}.\n')
    const outcome = remark(dir, ['docs/', '--ext', 'md,mdx', '--quiet', '--frail'])
    expect(outcome.status).toBe(1)
    const found = remarkFindings(outcome.stderr)
    expect(found).toContain('7:10-7:27 no-placeholders')
    expect(found).toEqual(await cliFindings(dir, 'docs/story.mdx'))
  })
})

describe('unified with casestudy-lint/preset', () => {
  it('runs the README snippet as written', () => {
    const dir = project(['unified', 'remark-parse', 'vfile', 'vfile-reporter'])
    const block = readmeBlocks('js').find((b) => b.text.includes("from 'casestudy-lint/preset'"))
    expect(block).toBeDefined()
    writeFileSync(join(dir, 'snippet.mjs'), block!.text)
    const outcome = spawnSync(process.execPath, ['snippet.mjs'], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}})
    expect(outcome.status, outcome.stderr).toBe(0)
    expect(outcome.stderr).toContain('case-study.md')
    expect(remarkFindings(outcome.stderr)).toContain('3:10-3:27 no-placeholders')
  })

  it('reports rule ids, sources, positions and severities in-process; strict makes them errors', async () => {
    const text = '# Case study\n\nBuilt by YOUR_PROJECT_NAME.\n\nDeployment was hard.\n'
    const lint = async (preset: typeof recommended) => {
      const file = new VFile({path: 'story.md', value: text})
      const processor = unified().use(remarkParse).use(preset)
      await processor.run(processor.parse(file), file)
      return file.messages
    }
    const messages = await lint(recommended)
    const placeholder = messages.find((m) => m.ruleId === 'no-placeholders')
    expect(placeholder).toMatchObject({source: 'casestudy-lint', fatal: true, reason: 'Unfilled placeholder `YOUR_PROJECT_NAME`, expected real content'})
    expect(placeholder?.place).toEqual({start: {line: 3, column: 10, offset: 23}, end: {line: 3, column: 27, offset: 40}})
    expect(messages.every((m) => m.source === 'casestudy-lint' && m.ruleId)).toBe(true)
    expect(messages.filter((m) => /crashed/i.test(m.reason))).toEqual([])
    const strictMessages = await lint(strict)
    expect(strictMessages.length).toBeGreaterThanOrEqual(messages.length)
    expect(strictMessages.every((m) => m.fatal === true)).toBe(true)
  })

  it('works with runSync once the preset has run once', async () => {
    const processor = unified().use(remarkParse).use(recommended)
    const first = new VFile({path: 'a.md', value: '# A\n\nBuilt by YOUR_PROJECT_NAME.\n'})
    await processor.run(processor.parse(first), first)
    const second = new VFile({path: 'b.md', value: '# B\n\nBuilt by YOUR_TEAM_NAME.\n'})
    processor.runSync(processor.parse(second), second)
    expect(second.messages.map((m) => m.ruleId)).toContain('no-placeholders')
  })
})
