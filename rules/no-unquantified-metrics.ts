import {defineRule} from '../src/define-rule.js'
import {byOffset} from '../src/by-offset.js'
import type {Block, BlockSentence, DocumentIndex, ListItem, Section, Table} from '../src/document.js'
import {hasQuantity} from '../src/text/quantities.js'
import {
  BRACKET_PROMPT_RE,
  FEATURE_PARENT_RE,
  HYPOTHETICAL_SECTION_RE,
  findMetricClaims,
  hasMeasurableSubject,
  INTENTION_RE,
  METRIC_COLUMN_RE,
  METRIC_LABEL_RE,
  NOT_APPLICABLE_RE,
  NOT_RESULTS_HEADING_RE,
  PLACEHOLDER_QUANTITY_RE,
  PLACEHOLDER_VALUE_RE,
  VALUE_COLUMN_RE,
} from '../src/text/metric-claims.js'
import type {SectionRole} from '../src/text/section-roles.js'
import {LETTER_RE, withFlags} from '../src/text/letter-re.js'

/** Sections whose text states plans, risks or hindsight, not results (checked with their ancestors). */
const NON_RESULT_ROLES: readonly SectionRole[] = ['non-goals', 'goals', 'roadmap', 'risks', 'retrospective', 'challenges', 'narrative']
/** A footnote reference in the sentence's source. */
const FOOTNOTE_REF_RE = /\[\^[^\]\s]+\]/
/** A bracketed prompt anywhere (the non-global form, for `test`). */
const BRACKET_PROMPT_ONCE_RE = withFlags(BRACKET_PROMPT_RE, 'u')
/** Longest quote before a claim is shortened to its phrase. */
const SHORT_SENTENCE = 60
const MAX_QUOTE = 80
const EXPECTED = 'a measured value (number, percent or before → after)'

export default defineRule({
  id: 'no-unquantified-metrics',
  description: 'Require a measured value wherever a result is claimed',
  rationale:
    'A case study is read for its results. "Significantly reduced latency" asks the reader to take it on trust; "p95 latency fell from 480 ms to 120 ms" shows it. Metrics tables with words instead of values, and results sections without a single number, make the same promise without keeping it.',
  fix: 'Give the measured value (a number, a percent, a before → after pair such as "from weeks to days") in the claim, in the next sentence, or in a table or list the sentence introduces with a colon; cite the source with a footnote when the number lives elsewhere. If there is no measurement, say what changed without claiming an improvement.',
  severity: 'warn',
  options: {
    subjects: {
      type: 'string[]',
      default: [],
      description: 'Extra measurable subjects (words or phrases such as `render passes` or `audit findings`) besides the built-in list.',
    },
  },
  messages: {
    claim: ({actual}: {actual: string}) => `Unquantified claim \`${actual}\`, expected ${EXPECTED}`,
    value: ({actual}: {actual: string}) => `Unquantified metric value \`${actual}\`, expected ${EXPECTED}`,
    labelled: ({actual}: {actual: string}) => `Unquantified metric \`${actual}\`, expected ${EXPECTED}`,
    section: ({actual}: {actual: string}) => `Unquantified results section \`${actual}\`, expected at least one measured result (number, percent or before → after)`,
  },
  check({doc, options, report}) {
    const metricColumns = new Map<Table, {metric: number; values: Set<number>}>()
    for (const table of doc.tables) {
      const columns = metricsTableColumns(table)
      if (columns) metricColumns.set(table, columns)
    }

    // Metrics tables: every value cell holds a quantity.
    for (const [table, columns] of metricColumns) {
      for (const row of table.rows) {
        for (const column of columns.values) {
          const cell = row[column]
          if (!cell) continue
          const text = cell.text.text.trim()
          if (!text || !LETTER_RE.test(text) || NOT_APPLICABLE_RE.test(text) || PLACEHOLDER_VALUE_RE.test(text)) continue
          if (hasQuantity(text)) continue
          const from = cell.text.text.indexOf(text)
          report('value', {actual: quote(text)}, cell.text.range(from, from + text.length), {actual: text, expected: EXPECTED})
        }
      }
    }

    // Claim sentences and labelled metric items.
    const reported = new Set<Block>()
    for (const block of doc.blocks) {
      if (block.kind === 'heading') continue
      if (hasRole(block.section, NON_RESULT_ROLES) || underHeading(block.section, HYPOTHETICAL_SECTION_RE)) continue
      if (block.cell) {
        const columns = metricColumns.get(block.cell.table)
        if (block.cell.row === 0) continue
        if (columns && (columns.metric === block.cell.column || columns.values.has(block.cell.column))) continue
      }
      const inResults = resultsSectionOf(block.section) !== null
      const sentences = doc.sentences(block)
      for (let i = 0; i < sentences.length; i++) {
        const sentence = sentences[i]
        const context = i === 0 ? listIntroduction(doc, block) : undefined
        const claims = findMetricClaims(sentence.text, {subjects: options.subjects, baseForms: inResults, realis: !inResults, context})
        if (claims.length === 0) continue
        if (hasEvidence(doc, block, sentences, i)) continue
        // A bare topic line such as `- Cost savings` names a category; it is not a sentence claiming a result.
        // A metric name used as a label (`**Cost Reduction:** …`) is judged by its value.
        const labelEnd = block.label ? block.label.contentStart - sentence.start : -1
        const claim = claims.find(
          (c) =>
            !(c.kind === 'noun' && sentence.text.slice(0, c.start).trim() === '' && /^[\s.!…]*$/.test(sentence.text.slice(c.end))) &&
            !(c.kind === 'noun' && c.end <= labelEnd),
        )
        if (!claim) continue
        const whole = sentence.text.replace(/[.!…:]+$/, '')
        const [from, to] =
          whole.length <= SHORT_SENTENCE ? [sentence.start, sentence.start + whole.length] : [sentence.start + claim.start, sentence.start + claim.end]
        const text = block.text.text.slice(from, to)
        report('claim', {actual: quote(text)}, block.text.range(from, to), {actual: text, expected: EXPECTED})
        reported.add(block)
      }
      if (inResults && !reported.has(block)) checkLabelledItem(block, sentences)
    }

    function checkLabelledItem(block: Block, sentences: readonly BlockSentence[]): void {
      const label = block.label
      if (!label || block.kind !== 'paragraph') return
      if (!METRIC_LABEL_RE.test(label.text) && !hasMeasurableSubject(label.text, options.subjects)) return
      const full = block.text.text
      const value = full.slice(label.contentStart).trim()
      if (!value || !LETTER_RE.test(value) || PLACEHOLDER_VALUE_RE.test(value)) return
      if (hasQuantity(full) || INTENTION_RE.test(value) || /\b(?:expected|projected|targeted|anticipated|planned)\b/i.test(value)) return
      const last = sentences.length - 1
      if (last >= 0 && hasEvidence(doc, block, sentences, last)) return
      const sentence = sentences.find((s) => s.end > label.contentStart) ?? sentences[last]
      if (!sentence) return
      const from = Math.max(label.contentStart, sentence.start)
      const to = sentence.end - (/[.!…]$/.test(sentence.text) ? 1 : 0)
      const text = full.slice(from, to)
      report('labelled', {actual: quote(text)}, block.text.range(from, to), {actual: text, expected: EXPECTED})
    }

    // Results sections with no quantity anywhere.
    for (const section of doc.sections) {
      if (!isResultsSection(section) || resultsSectionOf(section.parent) !== null) continue
      if (sectionHasQuantity(doc, section) || sectionHasPlaceholderQuantity(doc, section)) continue
      const title = section.titleBlock
      if (!title) continue
      const text = title.text.text.trim()
      const from = title.text.text.indexOf(text)
      report('section', {actual: quote(text)}, title.text.range(from, from + text.length), {actual: text, expected: 'at least one measured result'})
    }
  },
})

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= MAX_QUOTE) return flat
  const cut = flat.slice(0, MAX_QUOTE)
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUOTE - 20)).trimEnd() + '…'
}

function underHeading(section: Section | null, re: RegExp): boolean {
  for (let s = section; s && s.heading; s = s.parent) if (re.test(s.title)) return true
  return false
}

function hasRole(section: Section | null, roles: readonly SectionRole[]): boolean {
  for (let s = section; s; s = s.parent) {
    if (roles.some((role) => s.roles.has(role))) return true
  }
  return false
}

/** A heading titled like Results/Impact/Outcomes/Metrics that is about the project's results. */
function isResultsSection(section: Section): boolean {
  if (!section.roles.has('results') || !section.heading) return false
  if (NOT_RESULTS_HEADING_RE.test(section.title)) return false
  if (hasRole(section, ['roadmap', 'non-goals', 'goals', 'risks', 'retrospective'])) return false
  for (let s = section.parent; s && s.heading; s = s.parent) {
    if (FEATURE_PARENT_RE.test(s.title)) return false
  }
  return true
}

/** The outermost results section containing `section`, or `null`. */
function resultsSectionOf(section: Section | null): Section | null {
  let found: Section | null = null
  for (let s = section; s; s = s.parent) if (isResultsSection(s)) found = s
  return found
}

function metricsTableColumns(table: Table): {metric: number; values: Set<number>} | null {
  const header = table.header.map((h) => h.replace(/\uFFFC/g, '').replace(/[*_`]/g, '').trim())
  const metric = header.findIndex((h) => METRIC_COLUMN_RE.test(h))
  if (metric < 0) return null
  const values = new Set<number>()
  header.forEach((h, i) => {
    if (i !== metric && VALUE_COLUMN_RE.test(h)) values.add(i)
  })
  return values.size > 0 ? {metric, values} : null
}

/** A quantity in the sentence, the next sentence of the block or list item, the block a colon introduces, a footnote, or the same table row. */
function hasEvidence(doc: DocumentIndex, block: Block, sentences: readonly BlockSentence[], i: number): boolean {
  const sentence = sentences[i]
  if (hasQuantity(sentence.text) || FOOTNOTE_REF_RE.test(doc.slice(sentence.range))) return true
  const next = sentences[i + 1] ?? firstSentenceOfNextBlock(doc, block)
  if (next && hasQuantity(next.text)) return true
  const last = sentences.length - 1
  const introduces = sentence.text.trimEnd().endsWith(':') && i === last
  const nextIntroduces = i + 1 === last && sentences[last].text.trimEnd().endsWith(':')
  if ((introduces || nextIntroduces || i === last) && followingBlockHasQuantity(doc, block, introduces || nextIntroduces)) return true
  if (block.cell) {
    const row = block.cell.row === 0 ? block.cell.table.headerBlocks : block.cell.table.rows[block.cell.row - 1]
    if (row?.some((cell) => cell !== block && hasQuantity(cell.text.text))) return true
  }
  return false
}

function firstSentenceOfNextBlock(doc: DocumentIndex, block: Block): BlockSentence | null {
  const item = block.listItem
  if (!item) return null
  const at = item.blocks.indexOf(block)
  const next = at >= 0 ? item.blocks[at + 1] : undefined
  return next ? (doc.sentences(next)[0] ?? null) : null
}

/**
 * The table, list or code block right after the paragraph (when `colon`), or
 * the nested items of the list item the paragraph ends (a bold label item
 * such as `- **Impact**` with the numbers below it).
 */
function followingBlockHasQuantity(doc: DocumentIndex, block: Block, colon: boolean): boolean {
  if (block.kind !== 'paragraph') return false
  const end = block.node.position?.end.offset ?? 0
  const gapOk = (start: number): boolean => start >= end && /^[\s>]*$/.test(doc.source.slice(end, start))
  const item = block.listItem
  if (item && item.blocks[item.blocks.length - 1] === block && item.children.length > 0) {
    if (item.children.some((child) => rangeHasQuantity(doc, child.start, child.end))) return true
  }
  if (!colon) return false
  // Only the first table, code block or list item starting after the paragraph
  // can have nothing but spaces before it: each starts with a character that
  // is not a space, which then stands between the paragraph and any later one.
  const table = byOffset(doc.tables).first(end)
  if (table && gapOk(table.node.position?.start.offset ?? -1)) {
    const start = table.node.position?.start.offset ?? -1
    return rangeHasQuantity(doc, start, table.node.position?.end.offset ?? start)
  }
  for (const code of byOffset(doc.code).from(end)) {
    if (code.inline) continue
    if (gapOk(code.node.position?.start.offset ?? -1)) return hasQuantity(code.node.value ?? '')
    break
  }
  const items = byOffset(doc.listItems)
  const first = items.first(end)
  if (first && gapOk(first.start)) {
    let last = first
    for (const li of items.from(first.start)) {
      if (li.parent !== first.parent || li.level !== first.level) continue
      if (li.start > last.end && !/^\s*$/.test(doc.source.slice(last.end, li.start))) break
      last = li
    }
    return rangeHasQuantity(doc, first.start, last.end)
  }
  return false
}

function rangeHasQuantity(doc: DocumentIndex, start: number, end: number): boolean {
  if (byOffset(doc.blocks).within(start, end).some((block) => hasQuantity(block.text.text))) return true
  return byOffset(doc.code).within(start, end).some((code) => !code.inline && hasQuantity(code.node.value ?? ''))
}

/** Variable quantities (`X ms`) and bracketed prompts are reported by `no-placeholders`; the section is not reported twice. */
function sectionHasPlaceholderQuantity(doc: DocumentIndex, section: Section): boolean {
  return byOffset(doc.blocks)
    .within(section.start, section.end)
    .some((block) => PLACEHOLDER_QUANTITY_RE.test(block.text.text) || BRACKET_PROMPT_ONCE_RE.test(block.text.text))
}

/**
 * The sentence ending in `:` that leads into the list holding `block`
 * (`It lets users:` / `We plan to:`), so its plan words apply to the items.
 */
function listIntroduction(doc: DocumentIndex, block: Block): string | undefined {
  const item = block.listItem
  if (!item || item.blocks[0] !== block) return undefined
  let lead: Block | undefined
  if (item.parent) {
    lead = item.parent.blocks[item.parent.blocks.length - 1]
  } else {
    const lookups = listLookups(doc)
    const first = lookups.firstOfRun.get(item) ?? item
    if (!lookups.leads.has(first)) lookups.leads.set(first, leadBefore(doc, lookups, first.start))
    lead = lookups.leads.get(first)
  }
  if (!lead) return undefined
  const sentences = doc.sentences(lead)
  const last = sentences[sentences.length - 1]
  return last && last.text.trimEnd().endsWith(':') ? last.text : undefined
}

/**
 * What `listIntroduction` needs for every top-level list item, computed once
 * per document: scanning all list items and blocks for each item made long
 * documents quadratic.
 */
interface ListLookups {
  /** The first item of the run of top-level items (same level, only whitespace between) that each item ends. */
  firstOfRun: Map<ListItem, ListItem>
  /** Paragraphs outside lists, in document order, and where each ends; `null` when some end is unknown or out of order. */
  paragraphs: {blocks: Block[]; ends: number[]} | null
  leads: Map<ListItem, Block | undefined>
}

const listLookupCache = new WeakMap<DocumentIndex, ListLookups>()

function listLookups(doc: DocumentIndex): ListLookups {
  let lookups = listLookupCache.get(doc)
  if (lookups) return lookups
  const firstOfRun = new Map<ListItem, ListItem>()
  const previous = new Map<number, ListItem>()
  for (const li of doc.listItems) {
    if (li.parent !== null) continue
    const prev = previous.get(li.level)
    firstOfRun.set(li, prev && /^\s*$/.test(doc.source.slice(prev.end, li.start)) ? (firstOfRun.get(prev) ?? prev) : li)
    previous.set(li.level, li)
  }
  const blocks = doc.blocks.filter((b) => b.kind === 'paragraph' && !b.listItem)
  const ends = blocks.map((b) => b.node.position?.end.offset ?? -1)
  const ordered = ends.every((end, i) => end >= 0 && (i === 0 || end >= ends[i - 1]))
  lookups = {firstOfRun, paragraphs: ordered ? {blocks, ends} : null, leads: new Map()}
  listLookupCache.set(doc, lookups)
  return lookups
}

/**
 * The first paragraph outside lists whose end is at `start` or after, or with
 * only spaces and `>` between its end and `start`: the paragraph right before
 * a list, else the first one after its start.
 */
function leadBefore(doc: DocumentIndex, lookups: ListLookups, start: number): Block | undefined {
  const gapOk = (end: number): boolean => /^[\s>]*$/.test(doc.source.slice(end, start))
  const paragraphs = lookups.paragraphs
  if (!paragraphs) return doc.blocks.find((b) => b.kind === 'paragraph' && !b.listItem && gapOk(b.node.position?.end.offset ?? -1))
  // Ends only grow, so the one paragraph before `start` that can qualify is the last one ending before it.
  let lo = 0
  let hi = paragraphs.ends.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (paragraphs.ends[mid] >= start) hi = mid
    else lo = mid + 1
  }
  if (lo > 0 && gapOk(paragraphs.ends[lo - 1])) return paragraphs.blocks[lo - 1]
  return paragraphs.blocks[lo]
}

function sectionHasQuantity(doc: DocumentIndex, section: Section): boolean {
  return rangeHasQuantity(doc, section.start, section.end)
}
