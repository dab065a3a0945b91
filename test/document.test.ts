/**
 * The document index: exact source mapping of prose, sections, list items,
 * tables, links, comments, code and front matter.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {buildDocumentIndex, type DocumentIndex, type MdNode} from '../src/document.js'
import {createParser, loadMdx} from '../src/processor.js'
import {alignToSource, OBJECT_CHAR} from '../src/text/prose-text.js'

async function index(source: string, path = 'doc.md'): Promise<DocumentIndex> {
  if (path.endsWith('.mdx')) await loadMdx()
  const tree = createParser(path.endsWith('.mdx') ? 'mdx' : 'markdown').parse(new VFile({path, value: source})) as MdNode
  return buildDocumentIndex(tree, source, path)
}

/** Source text of a match of `needle` inside the block whose text contains it. */
function mapped(doc: DocumentIndex, needle: string): string {
  const block = doc.blocks.find((b) => b.text.text.includes(needle))
  if (!block) throw new Error(`no block with ${needle}`)
  const at = block.text.text.indexOf(needle)
  return doc.slice(block.text.range(at, at + needle.length))
}

describe('alignToSource', () => {
  it.each([
    ['plain', 'abc', 'abc', [0, 1, 2]],
    ['escape', 'a_b', 'a\\_b', [0, 2, 3]],
    ['entity', 'a&b', 'a&amp;b', [0, 1, 6]],
    ['numeric entity', 'x©y', 'x&#169;y', [0, 1, 7]],
    ['continuation indent', 'a\nb', 'a\n   b', [0, 1, 5]],
  ])('%s', (_name, value, source, expected) => {
    expect(Array.from(alignToSource(value, source, 0, source.length))).toEqual(expected)
  })
})

describe('prose text', () => {
  it('maps escaped and emphasised text back to exact source ranges', async () => {
    const doc = await index('# T\n\nRole: YOUR\\_ROLE and **bold GOAL_1** &amp; more.\n')
    expect(mapped(doc, 'YOUR_ROLE')).toBe('YOUR\\_ROLE')
    expect(mapped(doc, 'GOAL_1')).toBe('GOAL_1')
    expect(mapped(doc, '& more')).toBe('&amp; more')
  })

  it('replaces code spans and inline HTML with one object character and drops comments', async () => {
    const doc = await index('# T\n\nUse `YOUR_API_KEY` in <kbd>X</kbd> <!-- hidden TODO --> here.\n')
    const block = doc.blocks[1]
    expect(block.text.text).toBe(`Use ${OBJECT_CHAR} in ${OBJECT_CHAR}X${OBJECT_CHAR}  here.`)
    const at = block.text.text.indexOf(OBJECT_CHAR)
    expect(doc.slice(block.text.range(at, at + 1))).toBe('`YOUR_API_KEY`')
    expect(doc.comments.map((c) => c.text)).toEqual(['hidden TODO'])
  })

  it('maps text inside blockquotes and lists', async () => {
    const doc = await index('# T\n\n> Quoted GOAL_1\n> continues GOAL_2\n\n- item GOAL_3\n  more GOAL_4\n')
    for (const token of ['GOAL_1', 'GOAL_2', 'GOAL_3', 'GOAL_4']) expect(mapped(doc, token)).toBe(token)
    const quote = doc.blocks.find((b) => b.text.text.includes('GOAL_1'))!
    expect(quote.inBlockquote).toBe(true)
    const point = doc.point(quote.text.range(quote.text.text.indexOf('GOAL_2'), 0).start)
    expect(point).toMatchObject({line: 4, column: 13})
  })

  it('keeps positions exact with CRLF line endings', async () => {
    const doc = await index('# T\r\n\r\nFirst line\r\nOwner GOAL_1 here\r\n')
    const block = doc.blocks[1]
    const at = block.text.text.indexOf('GOAL_1')
    expect(doc.point(block.text.range(at, at + 6).start)).toMatchObject({line: 4, column: 7})
  })
})

describe('structure', () => {
  const source = [
    '---',
    'title: Demo',
    'tags: [a, "[technology]"]',
    '---',
    '',
    '# Demo',
    '',
    'Intro.',
    '',
    '## 🎯 Goals',
    '',
    '- Ship it',
    '  - nested',
    '',
    '### Non-Goals (Scope Boundaries)',
    '',
    '**Non-goals:** mobile.',
    '',
    '## Best Practices Applied',
    '',
    '- [x] Caching with Redis',
    '- [ ] CSRF tokens',
    '',
    '| Metric | Value |',
    '| --- | --- |',
    '| Uptime | 99.9% |',
    '',
    '[Docs](link-to-docs) and [ref][r].',
    '',
    '[r]: https://example.com',
    '',
    '```[language]',
    'code',
    '```',
  ].join('\n')

  it('builds nested sections with roles', async () => {
    const doc = await index(source)
    expect(doc.sections.map((s) => [s.depth, s.title, [...s.roles].sort()])).toEqual([
      [1, 'Demo', []],
      [2, '🎯 Goals', ['goals']],
      [3, 'Non-Goals (Scope Boundaries)', ['non-goals']],
      [2, 'Best Practices Applied', ['practices']],
    ])
    const [demo, goals, nonGoals, practices] = doc.sections
    expect(goals.parent).toBe(demo)
    expect(nonGoals.parent).toBe(goals)
    expect(practices.parent).toBe(demo)
    expect(doc.slice({start: goals.start, end: goals.end})).toMatch(/^## 🎯 Goals[\s\S]*mobile\.\n\n$/)
  })

  it('indexes list items, task items, labels and tables', async () => {
    const doc = await index(source)
    expect(doc.listItems.map((item) => [item.level, item.checked, item.blocks[0]?.text.text])).toEqual([
      [0, null, 'Ship it'],
      [1, null, 'nested'],
      [0, true, 'Caching with Redis'],
      [0, false, 'CSRF tokens'],
    ])
    expect(doc.listItems[1].parent).toBe(doc.listItems[0])
    const label = doc.blocks.find((b) => b.label)!
    expect(label.label).toEqual({text: 'Non-goals', contentStart: 11})
    expect(doc.tables[0].header).toEqual(['Metric', 'Value'])
    expect(doc.tables[0].rows[0].map((cell) => cell.text.text)).toEqual(['Uptime', '99.9%'])
    expect(doc.tables[0].rows[0][1].cell).toMatchObject({row: 1, column: 1})
  })

  it('indexes links with exact destination ranges, definitions and fenced code', async () => {
    const doc = await index(source)
    const link = doc.links.find((l) => l.kind === 'link' && l.url === 'link-to-docs')!
    expect(doc.slice(link.urlRange!)).toBe('link-to-docs')
    expect(doc.definitions.has('r')).toBe(true)
    const fence = doc.code.find((c) => !c.inline)!
    expect(fence.lang).toBe('[language]')
    expect(doc.slice(fence.langRange!)).toBe('[language]')
  })

  it('parses front matter with key, value and item ranges', async () => {
    const doc = await index(source)
    const fm = doc.frontMatter!
    expect(fm.error).toBeNull()
    expect(fm.value).toEqual({title: 'Demo', tags: ['a', '[technology]']})
    const tags = fm.entries.find((e) => e.key === 'tags')!
    expect(doc.slice(tags.valueRange)).toBe('[a, "[technology]"]')
    expect(tags.items!.map((item) => doc.slice(item.range))).toEqual(['a', '"[technology]"'])
    expect(doc.point(tags.keyRange.start)).toMatchObject({line: 3, column: 1})
  })

  it('reports a YAML error at its own line and column in the file', async () => {
    const doc = await index('---\ntitle: ok\ndate: [unclosed\n---\n\n# T\n')
    const error = doc.frontMatter!.error!
    expect(error.message.length).toBeGreaterThan(5)
    expect(doc.point(error.start).line).toBeGreaterThanOrEqual(3)
    expect(doc.point(error.start).line).toBeLessThanOrEqual(4)
  })

  it('parses TOML front matter', async () => {
    const doc = await index('+++\ntitle = "Demo"\ndate = 2026-01-02\n+++\n\n# T\n')
    expect(doc.frontMatter!.kind).toBe('toml')
    expect(doc.frontMatter!.entries.map((e) => [e.key, doc.slice(e.valueRange)])).toEqual([
      ['title', '"Demo"'],
      ['date', '2026-01-02'],
    ])
  })

  it('treats JSX children as prose and attributes and expressions as not prose (MDX)', async () => {
    const doc = await index('# T\n\n<Note title="YOUR_TITLE">\n  Real GOAL_1 text.\n</Note>\n\n{/* casestudy-lint-disable */}\n\nValue {props.x} here.\n', 'doc.mdx')
    const note = doc.blocks.find((b) => b.text.text.includes('GOAL_1'))!
    expect(note.jsx).toBe('Note')
    expect(doc.blocks.some((b) => b.text.text.includes('YOUR_TITLE'))).toBe(false)
    expect(doc.comments.map((c) => [c.syntax, c.text])).toEqual([['mdx', 'casestudy-lint-disable']])
    expect(doc.blocks.find((b) => b.text.text.startsWith('Value'))!.text.text).toBe(`Value ${OBJECT_CHAR} here.`)
  })
})
