/**
 * The per-file document index: built once per file from the mdast tree and
 * shared by every rule. Rules read sections, prose blocks, list items, tables,
 * links, HTML, comments, code and front matter from here instead of walking
 * the tree themselves.
 */
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {OBJECT_CHAR, ProseText, ProseTextBuilder, type SourceRange} from './text/prose-text.js'
import {parseFrontMatter, type FrontMatter} from './front-matter.js'
import {classifyHeading, type SectionRole} from './text/section-roles.js'
import {splitSentences} from './text/sentences.js'

/** A loosely typed mdast / mdx node; the index narrows by `type`. */
export interface MdNode {
  type: string
  children?: MdNode[]
  value?: string
  position?: {start: {line: number; column: number; offset?: number}; end: {line: number; column: number; offset?: number}}
  depth?: number
  checked?: boolean | null
  url?: string
  alt?: string | null
  lang?: string | null
  meta?: string | null
  label?: string | null
  identifier?: string
  name?: string | null
  ordered?: boolean | null
  [key: string]: unknown
}

export interface Section {
  /** Heading node; `null` for the root section (text before the first heading). */
  heading: MdNode | null
  /** Heading depth 1–6; 0 for the root section. */
  depth: number
  /** Heading text as written (code spans as U+FFFC). */
  title: string
  /** Heading prose block; `null` for the root section. */
  titleBlock: Block | null
  /** Roles from the heading text (goals, non-goals, challenges, …). */
  roles: ReadonlySet<SectionRole>
  /** Source offset of the heading start. */
  start: number
  /** Source offset after the heading line. */
  bodyStart: number
  /** Source offset where the section ends (next heading of same or higher level, or end). */
  end: number
  parent: Section | null
  children: Section[]
  /** Blocks, list items, tables and task items whose nearest heading is this one. */
  blocks: Block[]
  listItems: ListItem[]
  tables: Table[]
  /** Top-level flow nodes under this heading, up to the next heading of any depth. */
  nodes: MdNode[]
}

export type BlockKind = 'paragraph' | 'heading' | 'tableCell'

export interface Block {
  kind: BlockKind
  node: MdNode
  text: ProseText
  /** Innermost section containing the block. */
  section: Section
  /** Nearest enclosing list item. */
  listItem: ListItem | null
  /** For table cells: the table and the cell's row (0 = header) and column. */
  cell: {table: Table; row: number; column: number} | null
  inBlockquote: boolean
  /** Name of the innermost enclosing JSX element (MDX), if any. */
  jsx: string | null
  /** A leading bold/italic label such as `**Non-goals:**`. */
  label: BlockLabel | null
  /** Footnote references and citations inside the block. */
  footnotes: number
}

export interface BlockLabel {
  /** Label text without the trailing colon. */
  text: string
  /** Text index where the content after the label starts. */
  contentStart: number
}

export interface ListItem {
  node: MdNode
  /** `true`/`false` for task items, `null` otherwise. */
  checked: boolean | null
  /** Nesting level: 0 for items of an outermost list. */
  level: number
  ordered: boolean
  section: Section
  parent: ListItem | null
  children: ListItem[]
  /** Paragraph blocks directly inside this item (not in nested lists). */
  blocks: Block[]
  start: number
  end: number
}

export interface Table {
  node: MdNode
  section: Section
  /** Header cells as plain text. */
  header: string[]
  headerBlocks: Block[]
  /** Body rows (header excluded). */
  rows: Block[][]
}

export interface LinkInfo {
  kind: 'link' | 'image' | 'definition'
  node: MdNode
  url: string
  /** Exact source range of the destination, when it is written inline. */
  urlRange: SourceRange | null
  /** Link text or image alt. */
  text: string
  section: Section
}

export interface HtmlInfo {
  node: MdNode
  value: string
  start: number
  end: number
  inline: boolean
  section: Section
}

export interface CommentInfo {
  /** Comment body without delimiters, trimmed. */
  text: string
  start: number
  end: number
  /** `html` for `<!-- -->`, `mdx` for `{/* *\/}`. */
  syntax: 'html' | 'mdx'
  /** Source offset of the start of the next sibling node, if any. */
  nextStart: number | null
  nextEnd: number | null
}

export interface CodeInfo {
  node: MdNode
  inline: boolean
  lang: string | null
  /** Source range of the info-string language, for fenced code. */
  langRange: SourceRange | null
}

/** A sentence of a block: text indices into `block.text.text` and its exact source range. */
export interface BlockSentence {
  text: string
  /** Index into `block.text.text` where the sentence starts. */
  start: number
  /** Index into `block.text.text` after the sentence. */
  end: number
  range: SourceRange
}

export interface Point {
  line: number
  column: number
  offset: number
}

export interface DocumentIndex {
  readonly source: string
  readonly path: string
  readonly mdx: boolean
  readonly tree: MdNode
  readonly root: Section
  /** Every section with a heading, in document order. */
  readonly sections: Section[]
  readonly blocks: Block[]
  readonly listItems: ListItem[]
  readonly tables: Table[]
  readonly links: LinkInfo[]
  readonly html: HtmlInfo[]
  readonly comments: CommentInfo[]
  readonly code: CodeInfo[]
  readonly frontMatter: FrontMatter | null
  /** Normalised labels of link/footnote definitions. */
  readonly definitions: ReadonlySet<string>
  point(offset: number): Point
  slice(range: SourceRange): string
  /** The block's sentences (split with `splitSentences`), computed once per block. */
  sentences(block: Block): readonly BlockSentence[]
  /**
   * The list a label introduces: for a block inside a list item, that item's
   * nested items; for a top-level paragraph, the items of the list right after it.
   */
  followingListItems(block: Block): ListItem[]
}

const indexCache = new WeakMap<object, DocumentIndex>()

/** The index for `tree`, built on first use and then shared. */
export function getDocumentIndex(tree: MdNode, file: VFile): DocumentIndex {
  let index = indexCache.get(tree)
  if (!index) {
    index = buildDocumentIndex(tree, String(file.value ?? ''), file.path ?? '')
    indexCache.set(tree, index)
  }
  return index
}

export function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim()
}

const CONTAINER_PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement'])

export function buildDocumentIndex(tree: MdNode, source: string, path = ''): DocumentIndex {
  const loc = location(source)
  const mdx = /\.mdx$/i.test(path)
  const root: Section = makeSection(null, 0, '', null, 0, 0, null)
  root.end = source.length
  const sections: Section[] = []
  const blocks: Block[] = []
  const listItems: ListItem[] = []
  const tables: Table[] = []
  const links: LinkInfo[] = []
  const html: HtmlInfo[] = []
  const comments: CommentInfo[] = []
  const code: CodeInfo[] = []
  const definitions = new Set<string>()
  let frontMatter: FrontMatter | null = null

  let current = root
  const stack: Section[] = [root]

  interface Ctx {
    listItem: ListItem | null
    level: number
    inBlockquote: boolean
    jsx: string | null
    atRoot: boolean
  }

  const startOf = (node: MdNode): number => node.position?.start.offset ?? 0
  const endOf = (node: MdNode): number => node.position?.end.offset ?? startOf(node)

  function openSection(heading: MdNode): void {
    const depth = heading.depth ?? 1
    while (stack.length > 1 && stack[stack.length - 1].depth >= depth) {
      stack.pop()!.end = startOf(heading)
    }
    const parent = stack[stack.length - 1]
    const section = makeSection(heading, depth, '', parent, startOf(heading), endOf(heading), null)
    parent.children.push(section)
    stack.push(section)
    sections.push(section)
    current = section
  }

  function collectInline(nodes: MdNode[] | undefined, builder: ProseTextBuilder, counters: {footnotes: number}): void {
    if (!nodes) return
    for (const node of nodes) {
      const start = startOf(node)
      const end = endOf(node)
      switch (node.type) {
        case 'text':
          builder.addAligned(node.value ?? '', source, start, end)
          break
        case 'inlineCode':
          code.push({node, inline: true, lang: null, langRange: null})
          builder.addAtomic(OBJECT_CHAR, start, end)
          break
        case 'break':
          builder.addAtomic('\n', start, end)
          break
        case 'image':
        case 'imageReference':
          if (node.type === 'image') links.push(linkInfo('image', node, node.alt ?? ''))
          builder.addAtomic(OBJECT_CHAR, start, end)
          break
        case 'html':
          if (isHtmlComment(node.value ?? '')) {
            comments.push(commentInfo(node, 'html', null))
          } else {
            html.push({node, value: node.value ?? '', start, end, inline: true, section: current})
            builder.addAtomic(OBJECT_CHAR, start, end)
          }
          break
        case 'mdxTextExpression': {
          const comment = mdxComment(node.value ?? '')
          if (comment === null) builder.addAtomic(OBJECT_CHAR, start, end)
          else comments.push({...commentInfo(node, 'mdx', null), text: comment})
          break
        }
        case 'footnoteReference':
          counters.footnotes++
          builder.addAtomic(OBJECT_CHAR, start, end)
          break
        default:
          if (node.type === 'link') links.push(linkInfo('link', node, plainText(node)))
          if (CONTAINER_PHRASING.has(node.type) || node.children) collectInline(node.children, builder, counters)
          else if (typeof node.value === 'string') builder.addAligned(node.value, source, start, end)
      }
    }
  }

  function linkInfo(kind: LinkInfo['kind'], node: MdNode, text: string): LinkInfo {
    return {kind, node, url: node.url ?? '', urlRange: destinationRange(source, node), text, section: current}
  }

  function commentInfo(node: MdNode, syntax: 'html' | 'mdx', next: MdNode | null): CommentInfo {
    const value = node.value ?? ''
    const text = syntax === 'html' ? value.replace(/^<!--/, '').replace(/-->\s*$/, '').trim() : value
    return {text, start: startOf(node), end: endOf(node), syntax, nextStart: next ? startOf(next) : null, nextEnd: next ? endOf(next) : null}
  }

  function addBlock(kind: BlockKind, node: MdNode, ctx: Ctx, cell: Block['cell'] = null): Block {
    const builder = new ProseTextBuilder()
    const counters = {footnotes: 0}
    collectInline(node.children, builder, counters)
    const text = builder.build()
    const block: Block = {
      kind,
      node,
      text,
      section: current,
      listItem: ctx.listItem,
      cell,
      inBlockquote: ctx.inBlockquote,
      jsx: ctx.jsx,
      label: kind === 'paragraph' ? findLabel(node, text) : null,
      footnotes: counters.footnotes,
    }
    blocks.push(block)
    current.blocks.push(block)
    return block
  }

  function visitFlow(nodes: MdNode[] | undefined, ctx: Ctx): void {
    if (!nodes) return
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]
      const next = nodes[i + 1] ?? null
      if (node.type === 'heading') {
        openSection(node)
        const block = addBlock('heading', node, ctx)
        current.titleBlock = block
        current.title = block.text.text.trim()
        current.roles = classifyHeading(current.title)
        continue
      }
      if (ctx.atRoot) current.nodes.push(node)
      switch (node.type) {
        case 'paragraph':
          addBlock('paragraph', node, ctx)
          break
        case 'list':
          for (const item of node.children ?? []) visitListItem(item, node, ctx)
          break
        case 'blockquote':
          visitFlow(node.children, {...ctx, inBlockquote: true, atRoot: false})
          break
        case 'table':
          visitTable(node, ctx)
          break
        case 'code':
          code.push({node, inline: false, lang: node.lang ?? null, langRange: fenceLangRange(source, node)})
          break
        case 'html':
          if (isHtmlComment(node.value ?? '')) comments.push(commentInfo(node, 'html', next))
          else html.push({node, value: node.value ?? '', start: startOf(node), end: endOf(node), inline: false, section: current})
          break
        case 'mdxFlowExpression': {
          const comment = mdxComment(node.value ?? '')
          if (comment !== null) comments.push({...commentInfo(node, 'mdx', next), text: comment})
          break
        }
        case 'mdxJsxFlowElement':
          visitFlow(node.children, {...ctx, jsx: node.name ?? ctx.jsx, atRoot: false})
          break
        case 'definition':
          definitions.add(normaliseLabel(node.label ?? node.identifier ?? ''))
          links.push(linkInfo('definition', node, node.label ?? ''))
          break
        case 'footnoteDefinition':
          definitions.add('^' + normaliseLabel(node.label ?? node.identifier ?? ''))
          visitFlow(node.children, {...ctx, atRoot: false})
          break
        case 'yaml':
        case 'toml':
          if (!frontMatter) frontMatter = parseFrontMatter(node.type, node.value ?? '', source, startOf(node), endOf(node))
          break
        default:
          if (node.children) visitFlow(node.children, {...ctx, atRoot: false})
      }
    }
  }

  function visitListItem(node: MdNode, list: MdNode, ctx: Ctx): void {
    const item: ListItem = {
      node,
      checked: typeof node.checked === 'boolean' ? node.checked : null,
      level: ctx.level,
      ordered: Boolean(list.ordered),
      section: current,
      parent: ctx.listItem,
      children: [],
      blocks: [],
      start: startOf(node),
      end: endOf(node),
    }
    listItems.push(item)
    current.listItems.push(item)
    ctx.listItem?.children.push(item)
    const inner: Ctx = {...ctx, listItem: item, level: ctx.level + 1, atRoot: false}
    for (const child of node.children ?? []) {
      if (child.type === 'paragraph') item.blocks.push(addBlock('paragraph', child, inner))
      else visitFlow([child], inner)
    }
  }

  function visitTable(node: MdNode, ctx: Ctx): void {
    const table: Table = {node, section: current, header: [], headerBlocks: [], rows: []}
    tables.push(table)
    current.tables.push(table)
    const rows = node.children ?? []
    rows.forEach((row, r) => {
      const cells = (row.children ?? []).map((cell, c) => addBlock('tableCell', cell, {...ctx, atRoot: false}, {table, row: r, column: c}))
      if (r === 0) {
        table.headerBlocks = cells
        table.header = cells.map((cell) => cell.text.text.trim())
      } else {
        table.rows.push(cells)
      }
    })
  }

  visitFlow(tree.children, {listItem: null, level: 0, inBlockquote: false, jsx: null, atRoot: true})
  // A Map, not a WeakMap: the index holds every block anyway, and a weak table of
  // tens of thousands of keys makes each marking of the heap slower.
  const sentenceCache = new Map<Block, BlockSentence[]>()
  for (const section of stack.slice(1)) section.end = source.length
  finishSections(root, source)

  return {
    source,
    path,
    mdx,
    tree,
    root,
    sections,
    blocks,
    listItems,
    tables,
    links,
    html,
    comments,
    code,
    frontMatter,
    definitions,
    point(offset: number): Point {
      let at = Math.max(0, Math.min(offset, source.length))
      // Between the CR and the LF of a CRLF is no place on a line (it would be a
      // column past the line's end): use the end of the line.
      if (at > 0 && source.charCodeAt(at - 1) === 13 && source.charCodeAt(at) === 10) at--
      const point = loc.toPoint(at)
      if (point) return {line: point.line, column: point.column, offset: point.offset ?? at}
      const last = loc.toPoint(source.length - 1)
      return last ? {line: last.line, column: last.column + 1, offset: source.length} : {line: 1, column: 1, offset: 0}
    },
    slice(range: SourceRange): string {
      return source.slice(range.start, range.end)
    },
    sentences(block: Block): readonly BlockSentence[] {
      let list = sentenceCache.get(block)
      if (!list) {
        // Built field by field: in this V8, `{...s, range}` (a spread plus a new key) costs microseconds per object.
        list = splitSentences(block.text.text).map((s) => ({start: s.start, end: s.end, text: s.text, range: block.text.range(s.start, s.end)}))
        sentenceCache.set(block, list)
      }
      return list
    },
    followingListItems(block: Block): ListItem[] {
      if (block.listItem) return block.listItem.children
      const nodes = block.section.nodes
      const at = nodes.indexOf(block.node)
      const next = at >= 0 ? nodes[at + 1] : undefined
      if (!next || next.type !== 'list') return []
      const start = next.position?.start.offset ?? -1
      const end = next.position?.end.offset ?? -1
      return block.section.listItems.filter((item) => item.parent === null && item.start >= start && item.end <= end)
    },
  }
}

function makeSection(heading: MdNode | null, depth: number, title: string, parent: Section | null, start: number, bodyStart: number, titleBlock: Block | null): Section {
  return {heading, depth, title, titleBlock, roles: new Set(), start, bodyStart, end: start, parent, children: [], blocks: [], listItems: [], tables: [], nodes: []}
}

function finishSections(section: Section, source: string): void {
  for (const child of section.children) {
    if (child.end < child.start) child.end = source.length
    finishSections(child, source)
  }
}

/** Plain text of a node's descendants (link text, image alt). */
export function plainText(node: MdNode): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value
  if (node.type === 'image') return node.alt ?? ''
  return (node.children ?? []).map(plainText).join('')
}

export function isHtmlComment(value: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(value)
}

const MDX_COMMENT_RE = /^\s*\/\*([\s\S]*)\*\/\s*$/

/** Body of an MDX `{/* … *\/}` comment, or `null` when the expression is code. */
export function mdxComment(value: string): string | null {
  const match = MDX_COMMENT_RE.exec(value)
  return match ? match[1].trim() : null
}

const LABEL_TYPES = new Set(['strong', 'emphasis'])

/** `**Label:** text` or `**Label**: text` at the start of a paragraph. */
function findLabel(node: MdNode, text: ProseText): BlockLabel | null {
  const first = node.children?.[0]
  if (!first || !LABEL_TYPES.has(first.type)) return null
  const inner = plainText(first).trim()
  const full = text.text
  if (inner.endsWith(':')) {
    const at = full.indexOf(inner) + inner.length
    return {text: inner.slice(0, -1).trim(), contentStart: skipSpace(full, at)}
  }
  const at = full.indexOf(inner) + inner.length
  const rest = full.slice(at)
  const colon = /^\s*[:：]/.exec(rest)
  if (colon) return {text: inner, contentStart: skipSpace(full, at + colon[0].length)}
  return null
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at])) at++
  return at
}

/** Source range of an inline link or image destination (`(url)` part). */
function destinationRange(source: string, node: MdNode): SourceRange | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return null
  if (node.type === 'definition') {
    const colon = source.indexOf(']:', start)
    if (colon < 0 || colon > end) return null
    let a = colon + 2
    while (a < end && /\s/.test(source[a])) a++
    if (source[a] === '<') {
      const close = source.indexOf('>', a)
      return close > a && close <= end ? {start: a + 1, end: close} : null
    }
    let b = a
    while (b < end && !/\s/.test(source[b])) b++
    return {start: a, end: b}
  }
  if (source[end - 1] !== ')') return null
  // Walk back from the closing paren to its matching `](`.
  let depth = 0
  for (let i = end - 1; i > start; i--) {
    const ch = source[i]
    if (ch === ')') depth++
    else if (ch === '(') {
      depth--
      if (depth === 0 && source[i - 1] === ']') {
        let a = i + 1
        let b = end - 1
        while (a < b && /\s/.test(source[a])) a++
        while (b > a && /\s/.test(source[b - 1])) b--
        // Drop a link title: `(url "title")`.
        const inner = source.slice(a, b)
        const title = /\s+("[^"]*"|'[^']*'|\([^)]*\))$/.exec(inner)
        if (title) b -= title[0].length
        if (source[a] === '<' && source[b - 1] === '>') return {start: a + 1, end: b - 1}
        return {start: a, end: b}
      }
    }
  }
  return null
}

/** Source range of the language word of a fenced code block's info string. */
function fenceLangRange(source: string, node: MdNode): SourceRange | null {
  if (!node.lang) return null
  const start = node.position?.start.offset
  if (start === undefined) return null
  const lineEnd = source.indexOf('\n', start)
  const line = source.slice(start, lineEnd < 0 ? source.length : lineEnd)
  const at = line.indexOf(node.lang)
  if (at < 0) return null
  return {start: start + at, end: start + at + node.lang.length}
}
