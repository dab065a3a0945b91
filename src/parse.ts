/**
 * The Markdown parser: what remark-parse's `fromMarkdown` does (micromark's
 * tokenizer, then mdast-util-from-markdown's handlers, driven by
 * `mdast-compile.ts`) with front matter, GFM and (for `.mdx`) MDX, as
 * remark-parse + remark-frontmatter + remark-gfm (+ remark-mdx) would
 * configure it, with one difference: a syntax extension
 * whose constructs cannot match in a document (no `~` for strikethrough, no
 * `|`, `:-` or `-:` for tables, no `@` for e-mail autolinks, …) is left out
 * for that document; the table construct is tried only on lines followed by
 * a possible delimiter row; and the autolink-literal transform runs only
 * when a text node could hold a literal link. The tree is the same; the
 * parser no longer tries those constructs at every letter or line.
 * `test/parse.test.ts` checks the trees are identical to remark's on
 * generated and real documents.
 */
import type {Extension as FromMarkdownExtension} from 'mdast-util-from-markdown'
import {parse, postprocess, preprocess} from 'micromark'
import type {Root} from 'mdast'
import type {Construct, Effects, Extension, State, TokenizeContext} from 'micromark-util-types'
import {combineExtensions} from 'micromark-util-combine-extensions'
import {frontmatter} from 'micromark-extension-frontmatter'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {createCompiler} from './mdast-compile.js'

export const FRONTMATTER_TYPES = ['yaml', 'toml'] as const

/** Extensions MDX adds after GFM (set by `setMdxExtensions` once remark-mdx is loaded). */
let mdx: {micromark: Extension[]; fromMarkdown: FromMarkdownExtension[]} | null = null

export function setMdxExtensions(micromark: Extension[], fromMarkdownExtensions: FromMarkdownExtension[]): void {
  mdx = {micromark, fromMarkdown: fromMarkdownExtensions}
}

/**
 * One GFM feature: whether a document can contain it, and its extensions.
 * Each test is a necessary condition for the feature's constructs to match
 * (`test/parse.test.ts` checks the trees still equal remark's).
 */
interface Feature {
  name: string
  present: (text: string) => boolean
  /** The feature's own extensions (the autolink constructs share one, built apart). */
  extensions?: {micromark: () => Extension; fromMarkdown: () => FromMarkdownExtension}
}

/** The autolink-literal constructs by name, so each can be left out on its own. */
const AUTOLINK_CONSTRUCTS = ['emailAutolink', 'wwwAutolink', 'protocolAutolink'] as const

/**
 * In GFM's own order (autolink literal, footnote, strikethrough, table, task
 * list item): the combined extension keeps its constructs in the same order.
 */
const FEATURES: readonly Feature[] = [
  // An e-mail autolink needs an `@`; a www one `www`; a protocol one `http`.
  {name: 'emailAutolink', present: (text) => text.includes('@')},
  {name: 'wwwAutolink', present: (text) => /www/i.test(text)},
  {name: 'protocolAutolink', present: (text) => /http/i.test(text)},
  {name: 'footnote', present: (text) => text.includes('[^'), extensions: {micromark: gfmFootnote, fromMarkdown: gfmFootnoteFromMarkdown}},
  {name: 'strikethrough', present: (text) => text.includes('~'), extensions: {micromark: () => gfmStrikethrough(), fromMarkdown: gfmStrikethroughFromMarkdown}},
  // A table needs a pipe, or a delimiter cell with an alignment colon.
  {name: 'table', present: (text) => /\||:-|-:/.test(text), extensions: {micromark: () => guardedTable(), fromMarkdown: gfmTableFromMarkdown}},
  {name: 'taskListItem', present: (text) => /\[[\sxX]\]/.test(text), extensions: {micromark: gfmTaskListItem, fromMarkdown: gfmTaskListItemFromMarkdown}},
]

/**
 * The autolink transform also finds links in text after character references
 * are decoded (`&#64;` is `@`), so any numeric or `@`-named reference keeps it.
 */
const DECODED_AUTOLINK_RE = /&(?:#|commat;)/i

interface ExtensionSet {
  micromark: Extension[]
  /** Micromark events to mdast, with the set's mdast extensions. */
  compile: ReturnType<typeof createCompiler>
}

const sets = new Map<string, ExtensionSet>()

/** Front matter extensions, built once. */
let frontMatterExtensions: {micromark: Extension; fromMarkdown: FromMarkdownExtension} | null = null

/** The autolink-literal extension with only the named constructs. */
function autolinkWith(names: ReadonlySet<string>): Extension {
  const text: Record<number, Construct[]> = {}
  for (const [code, value] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    const kept = (Array.isArray(value) ? value : [value]).filter((construct): construct is Construct => construct !== undefined && construct.name !== undefined && names.has(construct.name))
    if (kept.length) text[Number(code)] = kept
  }
  return {text}
}

function buildSet(key: string, syntax: 'markdown' | 'mdx'): ExtensionSet {
  const present = new Set(FEATURES.filter((_, i) => key[i + 1] === '1').map((feature) => feature.name))
  const micromark: Extension[] = []
  const fromMarkdownExtensions: (FromMarkdownExtension | FromMarkdownExtension[])[] = []
  if (key[0] === '1') {
    frontMatterExtensions ??= {micromark: frontmatter([...FRONTMATTER_TYPES]), fromMarkdown: frontmatterFromMarkdown([...FRONTMATTER_TYPES])}
    micromark.push(frontMatterExtensions.micromark)
    fromMarkdownExtensions.push(frontMatterExtensions.fromMarkdown)
  }
  const gfm: Extension[] = []
  const gfmFromMarkdown: FromMarkdownExtension[] = []
  const autolinks = new Set(AUTOLINK_CONSTRUCTS.filter((name) => present.has(name)))
  if (autolinks.size) gfm.push(autolinkWith(autolinks))
  if (autolinks.size || key[FEATURES.length + 1] === '1') gfmFromMarkdown.push(guardedAutolinkTransform())
  for (const feature of FEATURES) {
    if (!feature.extensions || !present.has(feature.name)) continue
    gfm.push(feature.extensions.micromark())
    gfmFromMarkdown.push(feature.extensions.fromMarkdown())
  }
  // As remark-gfm: one combined extension, one list of mdast extensions.
  micromark.push(combineExtensions(gfm))
  fromMarkdownExtensions.push(gfmFromMarkdown)
  if (syntax === 'mdx') {
    if (!mdx) throw new Error('remark-mdx is not loaded; call loadMdx() first')
    micromark.push(...mdx.micromark)
    fromMarkdownExtensions.push(...mdx.fromMarkdown)
  }
  return {micromark, compile: createCompiler(fromMarkdownExtensions)}
}

/** The document being parsed (parsing is synchronous), for the table guard. */
let currentText = ''

/**
 * The GFM table construct is tried at the start of every line of a document
 * that has a table anywhere, and reads the whole line as a head row before it
 * looks for the delimiter row below. A table needs that next line to hold
 * only pipes, colons, dashes, spaces and container marks (`>`), with at least
 * one dash; where it does not, and the line does not continue a table above,
 * the construct fails at once.
 */
function guardedTable(): Extension {
  const extension = gfmTable()
  const flow = extension.flow as Record<string, Construct>
  const construct = flow.null
  function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const self = this
    const start = construct.tokenize.call(self, effects, ok, nok)
    return (code) => (continuesTable(self) || nextLineMayDelimitTable(currentText, self.now().offset) ? start(code) : nok(code))
  }
  return {...extension, flow: {...flow, null: {...construct, tokenize}}}
}

/** The line would be a body row of the table just above it (as the construct itself decides). */
function continuesTable(self: TokenizeContext): boolean {
  let index = self.events.length - 1
  while (index > -1 && (self.events[index][1].type === 'lineEnding' || self.events[index][1].type === 'linePrefix')) index--
  const tail = index > -1 ? self.events[index][1].type : null
  return tail === 'tableHead' || tail === 'tableRow'
}

const DELIMITER_LINE_RE = /^[ \t>|:-]*-[ \t>|:-]*$/
const LINE_END_RE = /\r\n?|\n/g

/** Whether the line after the one holding `offset` could be a table's delimiter row (any line ending: LF, CRLF, CR). */
function nextLineMayDelimitTable(text: string, offset: number): boolean {
  LINE_END_RE.lastIndex = offset
  const end = LINE_END_RE.exec(text)
  if (!end) return false
  const from = end.index + end[0].length
  LINE_END_RE.lastIndex = from
  const next = LINE_END_RE.exec(text)
  return DELIMITER_LINE_RE.test(text.slice(from, next ? next.index : text.length))
}

/**
 * The autolink-literal mdast extension, whose transform (a find-and-replace
 * over every text node) runs only when some text node could hold a literal
 * link: its patterns all need `@`, `http://`, `https://` or `www.`. In most
 * documents `http` appears only in link destinations, which are not text.
 */
function guardedAutolinkTransform(): FromMarkdownExtension {
  const extension = gfmAutolinkLiteralFromMarkdown()
  const transforms = extension.transforms ?? []
  return {
    ...extension,
    transforms: transforms.map((transform) => (tree: Root) => (hasText(tree, AUTOLINK_TEXT_RE) ? transform(tree) : undefined)),
  }
}

const AUTOLINK_TEXT_RE = /@|https?:\/\/|www\./i

/** True when a text node under `node` matches `re`. */
function hasText(node: {type: string; value?: unknown; children?: unknown}, re: RegExp): boolean {
  if (node.type === 'text') return typeof node.value === 'string' && re.test(node.value)
  const children = node.children as Array<{type: string}> | undefined
  if (!children) return false
  for (const child of children) if (hasText(child, re)) return true
  return false
}

/** Which extensions `text` needs, as a key: front matter, each feature, decoded autolinks (`all`: every one). */
export function extensionKey(text: string, syntax: 'markdown' | 'mdx', all = false): string {
  let key = all || /^\uFEFF?(?:---|\+\+\+)/.test(text) ? '1' : '0'
  for (const feature of FEATURES) key += all || feature.present(text) ? '1' : '0'
  key += all || DECODED_AUTOLINK_RE.test(text) ? '1' : '0'
  return key + (syntax === 'mdx' ? 'x' : 'm')
}

/** Parses `text` into mdast with the extensions it can use. */
export function parseMarkdown(text: string, syntax: 'markdown' | 'mdx'): Root {
  const key = extensionKey(text, syntax)
  let set = sets.get(key)
  if (!set) {
    set = buildSet(key, syntax)
    sets.set(key, set)
  }
  // The parser skips a leading byte order mark and counts offsets after it.
  currentText = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    // As `fromMarkdown` does, with a leaner compile (see mdast-compile.ts).
    return set.compile(postprocess(parse({extensions: set.micromark}).document().write(preprocess()(text, undefined, true))))
  } finally {
    currentText = ''
  }
}
