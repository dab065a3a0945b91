import {defineRule} from '../src/define-rule.js'
import type {Block, LinkInfo} from '../src/document.js'
import {byOffset} from '../src/by-offset.js'
import type {SourceRange} from '../src/text/prose-text.js'
import {
  BARE_LETTER_RE,
  PLACEHOLDER_FENCE_LANGUAGE_RE,
  VALUE_HEADER_RE,
  closingTagNames,
  expectedFor,
  expectedForFrontMatter,
  findBareTemplateWord,
  findFrontMatterPlaceholders,
  findHtmlPrompts,
  findInlinePlaceholders,
  findNumberedStandIn,
  hasContentBeyond,
  isPlaceholderUrl,
  type PlaceholderMatch,
} from '../src/text/placeholder-patterns.js'

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

export default defineRule({
  id: 'no-placeholders',
  description: 'Disallow template placeholders left where real content should be',
  rationale:
    'A published case study that still says `YOUR_PROJECT_NAME`, `[Describe the problem]` or `X ms` tells the reader it was never finished, and hides the one fact the section was meant to give.',
  fix: 'Replace the placeholder with the real value (name, number, date, URL), or delete the line if it does not apply.',
  severity: 'error',
  options: {
    allow: {type: 'string[]', default: [], description: 'Extra strings to accept even though they look like placeholders (compared without case; `Project Name` also accepts `[Project Name]`).'},
  },
  messages: {
    placeholder: ({actual, expected}: {actual: string; expected: string}) => `Unfilled placeholder \`${oneLine(actual)}\`, expected ${expected}`,
    todo: ({actual}: {actual: string}) => `Leftover to-do marker \`${oneLine(actual)}\`, expected finished text`,
    link: ({actual}: {actual: string}) => `Placeholder link target \`${oneLine(actual)}\`, expected a real URL`,
    image: ({actual}: {actual: string}) => `Placeholder image target \`${oneLine(actual)}\`, expected a real image path`,
    frontMatter: ({key, actual, expected}: {key: string; actual: string; expected: string}) =>
      `Unfilled front-matter value \`${oneLine(actual)}\` in \`${key}\`, expected ${expected}`,
    fenceLanguage: ({actual}: {actual: string}) => `Placeholder code-fence language \`${oneLine(actual)}\`, expected a language name`,
  },
  check({doc, options, report}) {
    const allowed = new Set(options.allow.map((text) => text.toLowerCase()))
    const isAllowed = (text: string): boolean =>
      allowed.has(text.toLowerCase()) || allowed.has(text.replace(/^[[(<]+|[\])>]+$/g, '').toLowerCase())

    const placeholder = (match: PlaceholderMatch, range: SourceRange, expected = expectedFor(match.kind, match.text)): void => {
      if (isAllowed(match.text)) return
      if (match.kind === 'todo') report('todo', {actual: match.text}, range, {actual: match.text, expected: 'finished text'})
      else report('placeholder', {actual: match.text, expected}, range, {actual: match.text, expected})
    }

    // Prose: paragraphs, headings and table cells, with what each block is a whole value of.
    const found = new Map<Block, PlaceholderMatch[]>()
    for (const block of doc.blocks) found.set(block, findInlinePlaceholders(block.text.text))
    // Row labels and headings are judged after the cells and paragraphs they stand beside.
    const order = (block: Block): number => (block.kind === 'heading' ? 2 : block.cell?.column === 0 ? 1 : 0)
    const nextBlock = new Map(doc.blocks.map((block, i) => [block, doc.blocks[i + 1]]))
    for (const block of [...doc.blocks].sort((a, b) => order(a) - order(b))) {
      const matches = found.get(block)!
      for (const match of wholeValuePlaceholders(block, found, nextBlock.get(block))) {
        if (!matches.some((m) => m.start < match.end && match.start < m.end)) matches.push(match)
      }
    }
    // Brackets around a link (`[[Become a backer](https://…)]`) frame the link; they are not a prompt.
    // Autolink literals that GFM finds inside bracketed text (`[http://a.b]`) have no position.
    const links = byOffset(doc.links)
    const wrapsLink = (range: SourceRange): boolean =>
      links.within(range.start + 1, range.end).some((link) => link.kind === 'link' && (link.node.position?.end.offset ?? 0) <= range.end)
    for (const block of doc.blocks) {
      for (const match of found.get(block)!) {
        if (match.kind === 'prompt' && wrapsLink(block.text.range(match.start, match.end))) continue
        placeholder(match, block.text.range(match.start, match.end))
      }
    }

    // Angle-bracket prompts that parsed as HTML (`<Project Name>`); real tags and components are skipped.
    const closed = closingTagNames(doc.html.map((html) => html.value))
    for (const html of doc.html) {
      const exact = doc.slice({start: html.start, end: html.end}) === html.value
      let searchFrom = html.start
      for (const match of findHtmlPrompts(html.value, closed, doc.source[html.start - 1] ?? '')) {
        const at = exact ? html.start + match.start : doc.source.indexOf(match.text, searchFrom)
        if (at < 0 || at >= html.end) continue
        searchFrom = at + match.text.length
        placeholder(match, {start: at, end: at + match.text.length})
      }
    }

    // Link and image targets: `(YOUR_GITHUB_URL)`, `(link-to-diagram)`, `(#)`, `()`, `(../assets/<img1>.png)`.
    for (const link of doc.links) {
      if (!link.urlRange) continue
      if (link.kind === 'definition' && /^\[.*\]$/.test(link.url)) {
        // `- [Role 1]: [Responsibilities]` parses as a link definition: two prompts, not a link.
        for (const range of [definitionLabelRange(doc.source, link), link.urlRange]) {
          if (range) placeholder({kind: 'prompt', start: 0, end: 0, text: doc.slice(range)}, range)
        }
        continue
      }
      if (!isPlaceholderUrl(link.url, link.text)) continue
      const range = link.kind === 'definition' ? link.urlRange : withParentheses(doc.source, link.urlRange)
      const actual = doc.slice(range)
      if (isAllowed(actual) || (link.url !== '' && isAllowed(link.url))) continue
      report(link.kind === 'image' ? 'image' : 'link', {actual}, range, {actual, expected: link.kind === 'image' ? 'a real image path' : 'a real URL'})
    }

    // Code-fence languages: ```[language]
    for (const code of doc.code) {
      if (code.inline || !code.lang || !code.langRange || !PLACEHOLDER_FENCE_LANGUAGE_RE.test(code.lang) || isAllowed(code.lang)) continue
      report('fenceLanguage', {actual: code.lang}, code.langRange, {actual: code.lang, expected: 'a language name'})
    }

    // Front matter: `slug: [slug-for-url]`, `date: YYYY-MM-DD`, `keywords: keyword1, keyword2`, `[technology]` in `tags`.
    for (const entry of doc.frontMatter?.entries ?? []) {
      for (const match of findFrontMatterPlaceholders(entry)) {
        if (isAllowed(match.text)) continue
        const base = match.item === null ? entry.valueRange.start : entry.items![match.item].range.start
        const expected = expectedForFrontMatter(entry.key, match)
        report('frontMatter', {key: entry.key, actual: match.text, expected}, {start: base + match.start, end: base + match.end}, {actual: match.text, expected})
      }
    }
  },
})

/**
 * Placeholders that depend on the block being a whole value: a bare template
 * word or variable letter in a table cell, a numbered stand-in that is the
 * whole list item, cell, paragraph or heading.
 */
function wholeValuePlaceholders(block: Block, found: ReadonlyMap<Block, PlaceholderMatch[]>, next: Block | undefined): PlaceholderMatch[] {
  const text = block.text.text
  const out: PlaceholderMatch[] = []
  const inBodyCell = block.cell !== null && block.cell.row > 0
  const firstInItem = block.kind === 'paragraph' && block.listItem !== null && block.listItem.blocks[0] === block

  if (inBodyCell || firstInItem || block.label) {
    const from = block.label ? block.label.contentStart : 0
    const word = findBareTemplateWord(text.slice(from))
    if (word) out.push({...word, start: word.start + from, end: word.end + from})
  }

  const standIn = findNumberedStandIn(text)
  if (standIn) {
    if (block.kind === 'heading') {
      // A heading `Challenge 1` over real paragraphs is a title; over nothing (or only placeholders) it is a stand-in.
      const body = block.section.blocks.filter((b) => b !== block)
      if (!body.some((b) => hasContentBeyond(b.text.text, found.get(b) ?? []))) out.push(standIn)
    } else if (block.cell && block.cell.row > 0 && block.cell.column === 0) {
      // A row label (`Option 1`) next to real cells names the row.
      const row = block.cell.table.rows[block.cell.row - 1] ?? []
      if (!row.some((cell) => cell !== block && hasContentBeyond(cell.text.text, found.get(cell) ?? []))) out.push(standIn)
    } else if (firstInItem) {
      // `- Option 1` over nested bullets or code is a label for them.
      const item = block.listItem!
      const rest = [...item.blocks.slice(1), ...item.children.flatMap((child) => child.blocks)]
      const hasOther = (item.node.children ?? []).some((child) => child.type !== 'paragraph' && child.type !== 'list')
      if (!hasOther && !rest.some((b) => hasContentBeyond(b.text.text, found.get(b) ?? []))) out.push(standIn)
    } else if (inBodyCell) {
      out.push(standIn)
    } else if (block.kind === 'paragraph' && block.listItem === null) {
      // `**Option 1**` over a paragraph of its own is a run-in heading.
      const labelsNext =
        next !== undefined && next.kind === 'paragraph' && next.section === block.section && !findNumberedStandIn(next.text.text) && hasContentBeyond(next.text.text, found.get(next) ?? [])
      if (!labelsNext) out.push(standIn)
    }
  }

  if (inBodyCell && block.cell!.column > 0) {
    const letter = BARE_LETTER_RE.exec(text)
    if (letter && isValueLetterCell(block, letter[1], found)) {
      const start = text.indexOf(letter[1])
      out.push({kind: 'quantity', start, end: start + 1, text: letter[1]})
    }
  }
  return out
}

/**
 * A bare `X`/`Y`/`N` cell is a placeholder under a value column (`Value`,
 * `Target`), or when its row also holds another variable (`X` next to `Y`,
 * `X ms`). A lone `X` in a feature matrix is a check mark.
 */
function isValueLetterCell(block: Block, letter: string, found: ReadonlyMap<Block, PlaceholderMatch[]>): boolean {
  const {table, row, column} = block.cell!
  if (VALUE_HEADER_RE.test(table.header[column] ?? '')) return true
  if (letter === 'N') return false
  const cells = table.rows[row - 1] ?? []
  return cells.some((cell) => {
    if (cell === block) return false
    const other = cell.text.text.trim()
    return (/^[XYZ]$/.test(other) && other !== letter) || (found.get(cell) ?? []).some((m) => m.kind === 'quantity')
  })
}

/** Widens a link destination range to its `(` `)` (and `<` `>`), so `()` and `(#)` show as written. */
function withParentheses(source: string, range: SourceRange): SourceRange {
  let {start, end} = range
  if (source[start - 1] === '<' && source[end] === '>') {
    start--
    end++
  }
  return source[start - 1] === '(' && source[end] === ')' ? {start: start - 1, end: end + 1} : {start, end}
}

/** Source range of a definition's `[label]`. */
function definitionLabelRange(source: string, link: LinkInfo): SourceRange | null {
  const start = link.node.position?.start.offset
  if (start === undefined || source[start] !== '[') return null
  const close = source.indexOf(']:', start)
  return close > start ? {start, end: close + 1} : null
}
