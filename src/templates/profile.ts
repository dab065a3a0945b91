/**
 * Template profiles: what casestudy-lint knows about one template, generated
 * from the template file itself (never typed by hand). A profile has the
 * template's headings (its H2 headings are the required sections), the
 * fingerprints of its guidance and sample sentences, and its placeholder
 * vocabulary.
 *
 * A fingerprinted sentence comes from a paragraph, list item, table body cell,
 * blockquote or JSX body, or a front-matter string value; headings, table
 * header rows, code blocks and task-list items are left out, as they are when
 * documents are checked.
 */
import type {Block, DocumentIndex, ListItem} from '../document.js'
import {fingerprintTokens, headingKey, type FingerprintToken} from './normalise.js'
import {allMatches} from '../text/all-matches.js'

/** A sentence needs this many words (stand-ins included) to be a fingerprint. */
export const MIN_SENTENCE_WORDS = 5
/** …and this many real (non-stand-in) words, so a row of stand-ins is not one. */
export const MIN_LITERAL_WORDS = 4

export interface TemplateHeading {
  /** Heading text as written (code spans as U+FFFC). */
  title: string
  /** Comparison key (see `headingKey`). */
  key: string
  depth: number
  line: number
}

export interface TemplateSentence {
  /** Sentence text as written in the template. */
  text: string
  tokens: readonly FingerprintToken[]
  /** Normalised form: the words joined by spaces. */
  key: string
  /** Number of tokens that are real words (not stand-ins). */
  literals: number
  line: number
}

export interface TemplateProfile {
  /** `how-we-built` for built-ins; the file name without extension for team templates. */
  name: string
  /** Absolute path of the template file. */
  path: string
  builtin: boolean
  /** Title of the first H1, if any. */
  title: string | null
  /** Top-level headings (not inside blockquotes or JSX), in order. */
  headings: readonly TemplateHeading[]
  /** The H2 headings: the sections a filled copy must keep. */
  required: readonly TemplateHeading[]
  /** Fingerprints of guidance and sample sentences. */
  sentences: readonly TemplateSentence[]
  /** Stand-ins the template uses: `YOUR_PROJECT_NAME`, `TECH`, `[Project Name]`, … */
  placeholders: ReadonlySet<string>
}

/** Front-matter keys whose values are titles (treated like headings, never fingerprinted). */
export const TITLE_KEYS: ReadonlySet<string> = new Set(['title', 'name', 'heading'])

const BRACKET_GROUP_RE = /\[[^\[\]\n]{1,80}\]/g

/** Builds a profile from a template's document index. */
export function profileTemplate(name: string, path: string, builtin: boolean, doc: DocumentIndex): TemplateProfile {
  const headings: TemplateHeading[] = []
  for (const section of doc.sections) {
    const block = section.titleBlock
    if (!block || block.inBlockquote || block.jsx) continue
    headings.push({title: section.title, key: headingKey(section.title), depth: section.depth, line: doc.point(section.start).line})
  }
  const sentences: TemplateSentence[] = []
  const seen = new Set<string>()
  const placeholders = new Set<string>()
  const add = (text: string, line: number): void => {
    for (const match of allMatches(text, BRACKET_GROUP_RE)) placeholders.add(match[0])
    const tokens = fingerprintTokens(text)
    for (const token of tokens) if (token.wild && token.word !== '\uFFFC') placeholders.add(text.slice(token.start, token.end))
    const literals = tokens.filter((token) => !token.wild).length
    if (tokens.length < MIN_SENTENCE_WORDS || literals < MIN_LITERAL_WORDS) return
    const key = tokens.map((token) => token.word).join(' ')
    if (seen.has(key)) return
    seen.add(key)
    sentences.push({text, tokens, key, literals, line})
  }
  for (const block of doc.blocks) {
    if (!isCheckedBlock(block)) continue
    for (const sentence of doc.sentences(block)) add(sentence.text, doc.point(sentence.range.start).line)
  }
  for (const entry of doc.frontMatter?.entries ?? []) {
    if (TITLE_KEYS.has(entry.key.toLowerCase())) continue
    if (typeof entry.value === 'string') add(entry.value, doc.point(entry.valueRange.start).line)
  }
  const h1 = headings.find((heading) => heading.depth === 1)
  return {
    name,
    path,
    builtin,
    title: h1?.title ?? null,
    headings,
    required: headings.filter((heading) => heading.depth === 2),
    sentences,
    placeholders,
  }
}

/**
 * True for blocks that template text is looked for in (in templates and in
 * documents alike): not headings, not table header rows, not task-list items.
 */
export function isCheckedBlock(block: Block): boolean {
  if (block.kind === 'heading') return false
  if (block.cell && block.cell.row === 0) return false
  return !inTaskItem(block.listItem)
}

function inTaskItem(item: ListItem | null): boolean {
  for (let at = item; at; at = at.parent) if (at.checked !== null) return true
  return false
}

