import {defineRule} from '../src/define-rule.js'
import {byOffset} from '../src/by-offset.js'
import type {Block, DocumentIndex, LinkInfo, ListItem, Section} from '../src/document.js'
import type {SourceRange} from '../src/text/prose-text.js'
import {NON_GOALS_LINE_LABEL_RE, hasNonGoalReason, isNonGoalFiller, isNonGoalsLabel} from '../src/text/non-goals.js'

/** One non-goal (a list item, a table row, a sub-heading, a paragraph) with the place to report it. */
interface Item {
  text: string
  range: SourceRange
  actual: string
  /** Nested detail under the item (a sub-list) counts as its explanation. */
  detailed: boolean
}

/** A place where the document names its non-goals: a heading, a label or a table cell. */
interface NonGoalsForm {
  range: SourceRange
  actual: string
  /** Texts of everything written under or after the label. */
  contents: string[]
  /** Content that is not prose (code, images) and so never a placeholder. */
  other: boolean
  items: Item[]
}

const CONTENT_NODE_TYPES = new Set(['code', 'math', 'image'])

export default defineRule({
  id: 'require-non-goals',
  description: 'Require a non-goals section that says what was deliberately not built',
  rationale:
    'Saying what was left out, and why, shows that the scope was chosen rather than stumbled into. A case study without non-goals reads as if everything was in scope, and a non-goals heading that still holds the template prompts says nothing.',
  fix: 'Add a `Non-goals` (or `Out of scope`) section listing what was deliberately not built, each with a short reason such as `deferred to v2` or `because …`.',
  severity: 'warn',
  options: {
    requireReason: {
      type: 'boolean',
      default: false,
      description: 'Require every non-goal item to say why it was left out (`because`, `deferred`, `v2`, `out of scope for …`, a dash or colon followed by a reason, or a parenthetical).',
    },
  },
  messages: {
    missing: () => 'Missing non-goals section, expected a `Non-goals` heading that lists what was deliberately not built',
    empty: ({actual}: {actual: string}) => `Empty non-goals section \`${actual}\`, expected the things deliberately not built`,
    unfilled: ({actual}: {actual: string}) => `Unfilled non-goals section \`${actual}\`, expected real non-goals instead of the template prompts`,
    noReason: ({actual}: {actual: string}) => `Unexplained non-goal \`${actual}\`, expected why it was left out (because, deferred, v2, out of scope for …)`,
  },
  check({doc, options, report}) {
    const forms = findForms(doc)
    if (forms.length === 0) {
      const anchor = missingAnchor(doc)
      report('missing', undefined, anchor, {expected: 'a `Non-goals` section'})
      return
    }
    const filled = forms.filter((form) => form.other || form.contents.some((text) => !isNonGoalFiller(text)))
    if (filled.length === 0) {
      const form = forms[0]
      const messageId = form.contents.some((text) => text.trim() !== '') ? 'unfilled' : 'empty'
      report(messageId, {actual: form.actual}, form.range, {actual: form.actual, expected: 'the things deliberately not built'})
      return
    }
    if (!options.requireReason) return
    for (const form of filled) {
      for (const item of form.items) {
        if (item.detailed || isNonGoalFiller(item.text) || hasNonGoalReason(item.text)) continue
        report('noReason', {actual: item.actual}, item.range, {actual: item.actual, expected: 'the reason it was left out'})
      }
    }
  },
})

function findForms(doc: DocumentIndex): NonGoalsForm[] {
  const forms: NonGoalsForm[] = []
  for (const section of doc.sections) {
    if (!section.roles.has('non-goals') || !section.titleBlock) continue
    // "Goals and Non-Goals" with its own Non-Goals sub-heading: the sub-heading decides.
    if (section.roles.has('goals') && descendants(section).some((s) => s !== section && s.roles.has('non-goals'))) continue
    forms.push(headingForm(section, section.titleBlock))
  }
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    if (block.kind === 'tableCell') {
      const form = cellForm(block)
      if (form) forms.push(form)
      continue
    }
    forms.push(...labelForms(doc, block))
  }
  return forms
}

function headingForm(section: Section, title: Block): NonGoalsForm {
  // Each section keeps its own blocks, list items and tables, so the whole tree
  // is read through them, in document order, rather than by filtering the
  // document's lists once per section.
  const tree = descendants(section)
  const blocks = tree.flatMap((s) => s.blocks).filter((block) => block !== title)
  return {
    range: trimmedRange(title, 0, title.text.text.length),
    actual: section.title,
    contents: blocks.map((block) => block.text.text),
    other: tree.some((s) => s.nodes.some((node) => CONTENT_NODE_TYPES.has(node.type))),
    items: sectionItems(section, tree, blocks),
  }
}

/** The non-goals of a section: its top-level list items, else table rows, else sub-headings, else paragraphs. */
function sectionItems(section: Section, tree: readonly Section[], blocks: Block[]): Item[] {
  const listItems = tree.flatMap((s) => s.listItems).filter((item) => item.parent === null)
  if (listItems.length > 0) return listItems.map(listItemToItem)
  const rows = tree.flatMap((s) => s.tables).flatMap((table) => table.rows)
  if (rows.length > 0) {
    return rows
      .filter((row) => row.length > 0)
      .map((row) => ({...blockToItem(row[0]), text: row.map((cell) => cell.text.text).join(' — ')}))
  }
  const subsections = section.children
  if (subsections.length > 0) {
    return subsections
      .filter((child) => child.titleBlock)
      .map((child) => {
        const body = descendants(child).some((s) => s.blocks.some((block) => block !== child.titleBlock))
        return {...blockToItem(child.titleBlock!), detailed: body}
      })
  }
  return blocks.filter((block) => block.kind === 'paragraph' && !/[:：]\s*$/.test(block.text.text)).map(blockToItem)
}

/** `**Non-goals:** …`, `Non-Goals` alone on a line, `• Out of scope: …` inside a paragraph or list item. */
function labelForms(doc: DocumentIndex, block: Block): NonGoalsForm[] {
  const text = block.text.text
  if (block.label && isNonGoalsLabel(block.label.text) && !insideLink(doc, block, 0)) {
    const labelEnd = text.indexOf(block.label.text) + block.label.text.length
    return [afterLabel(doc, block, trimmedRange(block, 0, labelEnd), block.label.text, block.label.contentStart)]
  }
  const forms: NonGoalsForm[] = []
  let lineStart = 0
  for (const line of text.split('\n')) {
    const match = NON_GOALS_LINE_LABEL_RE.exec(line)
    if (match && isNonGoalsLabel(match[1])) {
      const at = lineStart + line.indexOf(match[1])
      if (!insideLink(doc, block, at)) {
        const contentStart = match[2] ? lineStart + line.length - match[2].length : lineStart + line.length + 1
        forms.push(afterLabel(doc, block, block.text.range(at, at + match[1].length), match[1], contentStart))
      }
    }
    lineStart += line.length + 1
  }
  return forms
}

/** The content of a label: the rest of its block, else the list nested under it or right after it. */
function afterLabel(doc: DocumentIndex, block: Block, range: SourceRange, label: string, contentStart: number): NonGoalsForm {
  const text = block.text.text
  const rest = text.slice(Math.min(contentStart, text.length)).trim()
  const form: NonGoalsForm = {range, actual: label, contents: [], other: false, items: []}
  if (rest !== '') {
    form.contents.push(rest)
    const at = text.indexOf(rest, contentStart)
    form.items.push({text: rest, range: trimmedRange(block, at, firstLineEnd(text, at)), actual: firstLine(rest), detailed: false})
  }
  const following = doc.followingListItems(block)
  for (const item of following) {
    form.contents.push(itemText(item))
    form.items.push(listItemToItem(item))
  }
  if (rest !== '' && following.length > 0) form.items = following.map(listItemToItem)
  return form
}

/** A `Non-goals` table cell: the rest of its row (first column) or its column (header). */
function cellForm(block: Block): NonGoalsForm | null {
  const cell = block.cell
  if (!cell || !isNonGoalsLabel(block.text.text.trim())) return null
  const cells = cell.row === 0 ? cell.table.rows.map((row) => row[cell.column]).filter(Boolean) : cell.column === 0 ? cell.table.rows[cell.row - 1].slice(1) : []
  if (cells.length === 0) return null
  return {
    range: trimmedRange(block, 0, block.text.text.length),
    actual: block.text.text.trim(),
    contents: cells.map((c) => c.text.text),
    other: false,
    items: cells.filter((c) => !c.text.isEmpty).map(blockToItem),
  }
}

function listItemToItem(item: ListItem): Item {
  const first = item.blocks[0]
  const text = itemText(item)
  if (!first) return {text, range: {start: item.start, end: item.end}, actual: firstLine(text) || ' ', detailed: item.children.length > 0}
  return {...blockToItem(first), text, detailed: item.children.length > 0}
}

function blockToItem(block: Block): Item {
  const text = block.text.text
  const start = text.length - text.trimStart().length
  return {text, range: trimmedRange(block, start, firstLineEnd(text, start)), actual: firstLine(text.trim()), detailed: false}
}

function itemText(item: ListItem): string {
  return [...item.blocks.map((block) => block.text.text), ...item.children.map(itemText)].join('\n')
}

function descendants(section: Section): Section[] {
  return [section, ...section.children.flatMap(descendants)]
}

/** The `Goals`-like heading, else the first heading, else line 1. */
function missingAnchor(doc: DocumentIndex): SourceRange {
  const heading = doc.sections.find((s) => s.roles.has('goals') && s.titleBlock) ?? doc.sections.find((s) => s.titleBlock)
  if (heading?.titleBlock && !heading.titleBlock.text.isEmpty) return trimmedRange(heading.titleBlock, 0, heading.titleBlock.text.text.length)
  const lineEnd = doc.source.indexOf('\n')
  return {start: 0, end: lineEnd < 0 ? doc.source.length : lineEnd}
}

function trimmedRange(block: Block, from: number, to: number): SourceRange {
  const text = block.text.text
  while (from < to && /\s/.test(text[from])) from++
  while (to > from && /\s/.test(text[to - 1])) to--
  return block.text.range(from, to)
}

function firstLineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end < 0 ? text.length : end
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim()
}

/** Whether text index `at` of the block is link text (a table-of-contents entry is not a non-goals list). */
function insideLink(doc: DocumentIndex, block: Block, at: number): boolean {
  const offset = block.text.offsetAt(at)
  // Links never contain links, so only the last one starting at or before `offset` can hold it.
  const link = byOffset(inlineLinks(doc)).last(offset)
  return link !== undefined && offset < (link.node.position?.end.offset ?? -1)
}

const inlineLinkCache = new WeakMap<DocumentIndex, LinkInfo[]>()

/** The document's inline links (not images or definitions), one list per document. */
function inlineLinks(doc: DocumentIndex): LinkInfo[] {
  let links = inlineLinkCache.get(doc)
  if (!links) {
    links = doc.links.filter((link) => link.kind === 'link')
    inlineLinkCache.set(doc, links)
  }
  return links
}
