/**
 * Front-matter errors at their exact place, and the rest of the document
 * still linted: through the document index and through the CLI.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {buildDocumentIndex, type MdNode} from '../src/document.js'
import {createParser} from '../src/processor.js'
import {runCli} from './helpers.js'

function frontMatterError(source: string) {
  const tree = createParser('markdown').parse(new VFile({path: 'a.md', value: source})) as MdNode
  const doc = buildDocumentIndex(tree, source, 'a.md')
  const error = doc.frontMatter?.error
  if (!error) return null
  const start = doc.point(error.start)
  return {line: start.line, column: start.column, text: source.slice(error.start, error.end)}
}

/** Source → where the error starts. */
const CASES: ReadonlyArray<[string, string, {line: number; column: number}]> = [
  ['quote inside a quoted scalar', '---\ntitle: "A "quoted" word"\n---\n\nBody\n', {line: 2, column: 12}],
  ['tab-indented key', '---\ntitle: x\ntags:\n\t- a\n---\n', {line: 4, column: 1}],
  ['unclosed flow sequence', '---\ntags: [a, b\ndate: 2024-01-01\n---\n', {line: 3, column: 1}],
  ['mapping value in a plain scalar (reported on the value)', '---\ntitle: Why: because\n---\n', {line: 2, column: 8}],
  ['CRLF line endings', '---\r\ntitle: ok\r\nbad: "x" y\r\n---\r\n', {line: 3, column: 10}],
  ['TOML', '+++\ntitle = "x"\ndate = 2024-13-45\n+++\n', {line: 3, column: 8}],
]

describe('front-matter error positions', () => {
  for (const [what, source, at] of CASES) {
    it(what, () => expect(frontMatterError(source)).toMatchObject(at))
  }

  it('turns an alias bomb into an error quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
    const started = Date.now()
    const error = frontMatterError(`---\n${lines.join('\n')}\n---\n\n# Doc\n`)
    expect(error?.line).toBe(2)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

const cli = (argv: string[], cwd: string) => runCli(argv, cwd)

describe('valid-frontmatter through the CLI', () => {
  it('reports a YAML error at its line and column and still lints the rest of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csl-fm-'))
    writeFileSync(
      join(dir, 'post.md'),
      '---\ntitle: "Moving to "managed" search"\ndate: 2024-06-02\n---\n\n# Moving to managed search\n\nBuilt by YOUR_PROJECT_NAME for the search team.\n\nI hope this helps!\n',
    )
    const outcome = await cli(['--format', 'json', 'post.md'], dir)
    expect(outcome.code).toBe(1)
    const messages = JSON.parse(outcome.stdout)[0].messages as {ruleId: string; line: number; column: number; message: string}[]
    const frontMatter = messages.find((m) => m.ruleId === 'valid-frontmatter')
    expect(frontMatter).toMatchObject({line: 2, column: 20, message: 'Invalid YAML front matter (Unexpected scalar at node end), expected valid YAML'})
    expect(messages.some((m) => m.ruleId === 'no-placeholders' && m.line === 8)).toBe(true)
    expect(messages.some((m) => m.ruleId === 'no-template-residue' && m.line === 10)).toBe(true)
  })

  it('reports an unclosed front-matter fence instead of crashing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csl-fm-'))
    writeFileSync(join(dir, 'post.md'), '---\ntitle: never closed\n\n# Heading\n\nText.\n')
    const outcome = await cli(['--format', 'json', 'post.md'], dir)
    const messages = JSON.parse(outcome.stdout)[0].messages as {ruleId: string; line: number; message: string}[]
    expect(messages.find((m) => m.ruleId === 'valid-frontmatter')).toMatchObject({line: 1, message: 'Unclosed front matter `---`, expected a closing `---` line after the last key'})
    expect(outcome.stderr).toBe('')
  })
})
