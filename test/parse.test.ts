/**
 * The parser leaves out GFM extensions a document cannot use. The trees must
 * be exactly the ones remark-parse + remark-frontmatter + remark-gfm (and
 * remark-mdx for `.mdx`) build: same nodes, same positions.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import remarkMdx from 'remark-mdx'
import {extensionKey, parseMarkdown} from '../src/parse.js'
import {loadMdx} from '../src/processor.js'
import {grammar} from './markdown-grammar.js'
import {ROOT, SHARED} from './helpers.js'

const remark = {
  markdown: unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze(),
  mdx: unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(remarkMdx).freeze(),
}

function expectSameTree(text: string, syntax: 'markdown' | 'mdx'): void {
  let expected: unknown
  try {
    expected = remark[syntax].parse(text)
  } catch (error) {
    // Invalid MDX: both must refuse it with the same message.
    expect(() => parseMarkdown(text, syntax)).toThrow((error as Error).message)
    return
  }
  expect(parseMarkdown(text, syntax)).toEqual(expected)
}

function markdownFiles(dir: string): string[] {
  const found: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) found.push(...markdownFiles(path))
    else if (/\.mdx?$/.test(name)) found.push(path)
  }
  return found
}

beforeAll(async () => {
  await loadMdx()
})

describe('parseMarkdown', () => {
  it('leaves out what a plain document cannot use', () => {
    expect(extensionKey('# Title\n\nPlain words only.\n', 'markdown')).toBe('000000000m')
    expect(extensionKey('---\na: 1\n---\n| a |\n| - |\n', 'markdown')).toBe('100000100m')
    expect(extensionKey('x', 'markdown', true)).toBe('111111111m')
  })

  const cases: Record<string, string> = {
    'e-mail autolink': 'Write to team@example.com today.\n',
    'www autolink': 'See www.example.com and WWW.EXAMPLE.ORG.\n',
    'protocol autolink': 'See https://example.com/a_(b) and HTTP://X.ORG.\n',
    'autolink through a numeric reference': 'See http&#58;//example.com and team&#64;example.com and &#x77;ww.example.com.\n',
    'autolink through a named reference': 'Mail team&commat;example.com.\n',
    'autolink through an escape': 'See http\\://example.com.\n',
    'mailto and xmpp': 'mailto:a@b.co xmpp:a@b.co/x\n',
    'http only in link destinations': '[site](https://example.com) and [ref][r], <https://example.org>.\n\n[r]: http://example.net\n',
    'a literal link next to a link': '[site](https://example.com) or https://example.org/a.\n',
    footnote: 'A claim.[^1]\n\n[^1]: The source.\n',
    'footnote-like text without a definition': 'An array [^x] here.\n',
    strikethrough: 'Was ~~slow~~ ~fast~.\n',
    table: '| a | b |\n| - | :-: |\n| 1 | 2 |\n',
    'table without pipes': 'a\n:-\nb\n',
    'table with a right-aligned delimiter and no pipes': 'a\n-:\n',
    'setext heading, not a table': 'Title\n---\n',
    'table in a blockquote and in a list': '> | a | b |\n> | - | - |\n> | 1 | 2 |\n\n- | a |\n  | :- |\n  | 1 |\n',
    'table with a lazy delimiter row': '> | a |\n| - |\n',
    'table with lone CR line endings': '| a | b |\r| - | - |\r| 1 | 2 |\r',
    'table with tabs in the delimiter row': '| a | b |\n|\t-\t|\t:-:\t|\n',
    'pipes without a delimiter row': '| a | b |\n| c | d |\nplain | text\n',
    'table at the end of the document': '| a |\n| - |',
    'table after a BOM': '\uFEFF| a |\n| - |\n| 1 |\n',
    'table after a BOM and a paragraph': '\uFEFFtext\n\n| a |\n| - |\n| 1 |\n',
    'task list': '- [ ] open\n- [x] done\n- [X] done\n- [\t] tab\n',
    'front matter': '---\ntitle: x\n---\n\n# T\n',
    'TOML front matter': '+++\ntitle = "x"\n+++\n\n# T\n',
    'front matter after a BOM': '\uFEFF---\ntitle: x\n---\n',
    'a thematic break first': '---\n\ntext\n',
    'empty document': '',
    'only blank lines': '\n\n\n',
    'tight list': '- a\n- b\n- c\n',
    'loose list (blank line between items)': '- a\n\n- b\n',
    'item with a blank line inside': '- a\n\n  b\n- c\n',
    'blank line right after a marker': '-\n\n  a\n- b\n',
    'nested lists, inner loose': '1. a\n   - b\n\n   - c\n2. d\n',
    'nested lists, outer loose': '- a\n  - b\n\n- c\n',
    'list ending in blank lines before a paragraph': '- a\n- b\n\n\n\ntext\n',
    'list in a blockquote with lazy lines': '> - a\n> \n> - b\nlazy\n',
    'ordered list with a start and a closing blockquote': '3. a\n4. b\n> q\n',
    'list items with code, tables and tasks': '- ```js\n  x\n  ```\n\n- | a |\n  | - |\n- [ ] t\n',
    'everything at once': '---\na: 1\n---\n# T\n\n| a | b |\n|---|---|\n| ~~x~~ | y@z.co |\n\n- [x] www.example.com[^n]\n\n[^n]: https://x.y\n',
  }
  for (const [name, text] of Object.entries(cases)) {
    it(`builds remark's tree: ${name}`, () => {
      expectSameTree(text, 'markdown')
      expectSameTree(text, 'mdx')
      expectSameTree(text.replace(/\n/g, '\r\n'), 'markdown')
    })
  }

  const mdxCases: Record<string, string> = {
    'unclosed JSX tag': '<Note>\n\ntext\n',
    'mismatched closing tag': '<A>text</B>\n',
    'closing tag without an opening': 'text </A>\n',
    'expression and ESM': 'import X from "x"\n\n# {title}\n\n<X a={1} />\n\n- {a}\n- <b>c</b>\n',
    'unbalanced expression': 'a {b\n',
  }
  for (const [name, text] of Object.entries(mdxCases)) {
    it(`builds remark's tree (or refuses with its message), MDX: ${name}`, () => expectSameTree(text, 'mdx'))
  }

  it("builds remark's tree for generated lists (property)", () => {
    const lists = fc.array(fc.constantFrom('- ', '* ', '1. ', '2) ', '  ', '   ', '\t', 'a', 'b c', '\n', '\n\n', '> ', '```\n', '[ ] ', '<X>', '</X>'), {maxLength: 60}).map((parts) => parts.join(''))
    fc.assert(fc.property(lists, (text) => {
      expectSameTree(text, 'markdown')
      expectSameTree(text, 'mdx')
    }), {numRuns: 1500})
  })

  it("builds remark's tree for every shipped and shared document", () => {
    const files = [
      ...markdownFiles(join(ROOT, 'templates')),
      ...markdownFiles(join(ROOT, 'fixtures')),
      ...markdownFiles(join(ROOT, 'examples')),
      ...markdownFiles(join(SHARED, 'corpus')),
    ]
    expect(files.length).toBeGreaterThan(50)
    for (const file of files) expectSameTree(readFileSync(file, 'utf8'), file.endsWith('.mdx') ? 'mdx' : 'markdown')
  })

  /** Text from an alphabet heavy in the characters that decide which extensions run. */
  const tricky = fc
    .array(fc.constantFrom('a', 'w', 'W', 'h', 'H', 't', 'p', 's', ':', '/', '.', '@', '&', '#', '6', '4', ';', '[', ']', '^', '~', '|', '-', ':-', '-:', 'x', 'X', ' ', '\t', '\n', '\n\n', '*', '`', '_', '(', ')', '!', '\\', '>', '1.', 'www.', 'http://', '+++', '---', 'a@b.co', '\r', '\r\n', '> ', '| - |', '|:-:|'), {maxLength: 120})
    .map((parts) => parts.join(''))
  const trickyWithBom = fc.tuple(fc.boolean(), tricky).map(([bom, text]) => (bom ? '\uFEFF' : '') + text)

  it("builds remark's tree for generated text (property)", () => {
    fc.assert(fc.property(trickyWithBom, (text) => expectSameTree(text, 'markdown')), {numRuns: 1000})
  })

  it("builds remark's tree for generated case studies, Markdown and MDX (property)", () => {
    fc.assert(fc.property(grammar({mdx: false, maxRun: 20}).document, (text) => expectSameTree(text, 'markdown')), {numRuns: 150})
    fc.assert(fc.property(grammar({mdx: true, maxRun: 20}).document, (text) => expectSameTree(text, 'mdx')), {numRuns: 150})
  })
})
