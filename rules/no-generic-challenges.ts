import {defineRule} from '../src/define-rule.js'
import {plainText, type Block, type DocumentIndex, type ListItem, type Section, type Table} from '../src/document.js'
import type {SourceRange} from '../src/text/prose-text.js'
import {classifyHeading} from '../src/text/section-roles.js'
import {
  CHALLENGE_COLUMN_RE,
  CHALLENGE_INTRO_LABEL_RE,
  CHALLENGE_NUMBERING_RE,
  CHALLENGE_PLACEHOLDER_RE,
  CHALLENGE_PROMPT_RE,
  NON_CHALLENGE_GROUP_RE,
  NON_CHALLENGE_LABEL_RE,
  SOLUTION_SEGMENT_RE,
  WHY_HARD_COLUMN_RE,
  challengeShape,
  challengeWords,
  hasChallengeDetail,
  isChallengeTemplatePrompt,
} from '../src/text/challenges.js'
import {allMatches} from '../src/text/all-matches.js'
import {letterRe} from '../src/text/letter-re.js'

/** Above this many words of problem description besides the headline, a challenge is taken as explained. */
const EXPLAINED_BODY_WORDS = 20

/** One challenge: its headline (where the message goes) and the text that may explain it. */
interface Unit {
  head: string
  range: SourceRange
  /** Problem description after the headline, solution parts not yet removed. */
  body: string[]
}

/** Roles that make a sub-heading of a challenge section about something else. */
const OTHER_ROLES = ['goals', 'non-goals', 'narrative', 'results', 'practices', 'roadmap', 'lessons', 'risks', 'retrospective', 'resources'] as const

/** Separators between a challenge's headline and the rest: a dash, a colon, a semicolon. */
const HEAD_SEPARATOR_RE = /\s+[—–]\s*|[—–]\s*|\s+--?\s+|[:：]\s+|;\s+|\s*(?=→|->|=>)/u
/** Separators between the parts of a challenge's description. */
const BODY_SEPARATOR_RE = /\s+[—–]\s*|[—–]\s*|\s+--?\s+|;\s+|\n+|\s*(?=→|->|=>)/u

export default defineRule({
  id: 'no-generic-challenges',
  description: 'Disallow challenges that name a category instead of the specific failure',
  rationale:
    '"Performance issues" or "Deployment was hard" could be written about any project, so it tells the reader nothing and invites the question "what actually broke?". A challenge earns trust when it names the symptom, the number and the cause.',
  fix: 'Describe what actually went wrong and why: the observable failure (timed out, double-charged, stale reads), a number, and the cause or condition (because …, under …, after …).',
  severity: 'warn',
  options: {},
  messages: {
    generic: ({actual}: {actual: string}) => `Generic challenge \`${actual}\`, expected the specific failure and its cause`,
  },
  check({doc, report}) {
    const seen = new Set<number>()
    for (const unit of collectUnits(doc)) {
      if (seen.has(unit.range.start)) continue
      seen.add(unit.range.start)
      if (!isGeneric(unit)) continue
      const actual = unit.head.replace(CHALLENGE_NUMBERING_RE, '').trim().replace(/[\s.:;]+$/, '')
      report('generic', {actual}, unit.range, {actual, expected: 'the specific failure and its cause'})
    }
  },
})

function isGeneric(unit: Unit): boolean {
  const head = unit.head.replace(CHALLENGE_NUMBERING_RE, '').trim()
  if (head === '' || CHALLENGE_PLACEHOLDER_RE.test(head) || CHALLENGE_PROMPT_RE.test(head) || isChallengeTemplatePrompt(head)) return false
  // An item that is only the fix (`Solution: implemented GraphQL`) is not a challenge.
  if (SOLUTION_SEGMENT_RE.test(head)) return false
  const problem = problemParts(unit.body)
  // The headline, or the sentence right after a short headline (`### Auth` + "Auth was tricky."), names a category.
  if (!challengeShape(head) && !(problem.length > 0 && challengeShape(problem[0]))) return false
  if (hasChallengeDetail([head, ...problem].join('\n'))) return false
  return challengeWords(problem.join(' ')).length <= EXPLAINED_BODY_WORDS
}

/** The parts of a description up to the first one that describes the fix. */
function problemParts(body: string[]): string[] {
  const parts: string[] = []
  for (const text of body) {
    for (const part of text.split(BODY_SEPARATOR_RE).flatMap(splitOnSentences)) {
      const trimmed = part.replace(/^[\s*_>•-]+/, '').trim()
      if (trimmed === '') continue
      if (SOLUTION_SEGMENT_RE.test(trimmed)) return parts
      parts.push(trimmed)
    }
  }
  return parts
}

/** The space after a sentence's end, before the next one's capital, digit or emphasis. */
const SENTENCE_GAP_RE = letterRe(String.raw`(?<=\p{L}{2}[.!?])\s+(?=[\p{Lu}\p{N}*_])`, 'gu')

/** `text.split(SENTENCE_GAP_RE)`, by search rather than by `split`'s position-by-position tries. */
function splitOnSentences(text: string): string[] {
  const parts: string[] = []
  let from = 0
  for (const gap of allMatches(text, SENTENCE_GAP_RE)) {
    parts.push(text.slice(from, gap.index))
    from = gap.index + gap[0].length
  }
  parts.push(text.slice(from))
  return parts
}

// ---------------------------------------------------------------------------
// Finding the challenges

function collectUnits(doc: DocumentIndex): Unit[] {
  const units: Unit[] = []
  const covered = new Set<Section>()
  const titles = doc.sections.filter((section) => section.depth === 1)
  for (const section of doc.sections) {
    if (!section.roles.has('challenges') || covered.has(section)) continue
    // The document's only H1 is its title ("The challenges of running Postgres"), not a challenge list.
    if (section.depth === 1 && titles.length === 1) continue
    for (const s of descendants(section)) covered.add(s)
    units.push(...sectionUnits(section))
  }
  for (const table of doc.tables) units.push(...tableUnits(table))
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph' || !isChallengeListLabel(block)) continue
    for (const item of doc.followingListItems(block)) units.push(...listItemUnits(item))
  }
  return units.sort((a, b) => a.range.start - b.range.start)
}

/** Units of a challenge section: list items, labelled paragraphs, sub-headings with a paragraph. */
function sectionUnits(root: Section): Unit[] {
  const units: Unit[] = []
  const groups: Section[] = [root]
  const headed: Section[] = []
  const visit = (section: Section): void => {
    for (const child of section.children) {
      if (!isChallengeSubsection(child)) continue
      const first = child.nodes[0]
      // A nested challenge section ("Deep Dive: Most Interesting Challenge") groups challenges; it is not one.
      if (first?.type === 'paragraph' && !child.roles.has('challenges') && !introducesList(child)) headed.push(child)
      else groups.push(child)
      visit(child)
    }
  }
  visit(root)
  const otherLists = groups.flatMap(listsOfOtherThings)
  // The groups are in document order (`visit` goes depth first), and each
  // section keeps its own list items and blocks: read through them rather
  // than the whole document's once per challenge section.
  for (const item of groups.flatMap((section) => section.listItems)) {
    if (item.parent !== null) continue
    if (otherLists.some((list) => item.start >= list.start && item.end <= list.end)) continue
    units.push(...listItemUnits(item))
  }
  for (const block of groups.flatMap((section) => section.blocks)) {
    if (block.kind !== 'paragraph' || block.listItem || !block.label) continue
    // `**Key challenges:**` or `**Requirements:**` with nothing after it titles the list below; it is not a challenge.
    if (block.label.contentStart >= block.text.text.trimEnd().length) continue
    const unit = labelledUnit(block)
    if (unit) units.push(unit)
  }
  for (const section of headed) {
    const title = section.titleBlock
    if (!title || title.text.isEmpty) continue
    // Each section keeps its own blocks: read through them, in document order, rather than filtering the document's per section.
    const body = descendants(section).flatMap((s) => s.blocks.filter((block) => block.kind === 'paragraph').map((block) => block.text.text))
    units.push({head: section.title, range: trimmedRange(title, 0, title.text.text.length), body})
  }
  return units
}

/** Lists introduced by a paragraph such as `**Constraints:**` or `Requirements:`: they list something other than challenges. */
function listsOfOtherThings(section: Section): SourceRange[] {
  const ranges: SourceRange[] = []
  section.nodes.forEach((node, i) => {
    const previous = section.nodes[i - 1]
    if (node.type !== 'list' || previous?.type !== 'paragraph') return
    const intro = plainText(previous).trim()
    if (!/[:：]$/.test(intro)) return
    const title = intro.slice(0, -1).trim()
    if (challengeWords(title).length > 5 || classifyHeading(title).has('challenges')) return
    if (NON_CHALLENGE_GROUP_RE.test(title) || NON_CHALLENGE_LABEL_RE.test(title)) {
      ranges.push({start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0})
    }
  })
  return ranges
}

function isChallengeSubsection(section: Section): boolean {
  if (section.roles.has('challenges')) return true
  if (OTHER_ROLES.some((role) => section.roles.has(role))) return false
  return !NON_CHALLENGE_GROUP_RE.test(section.title)
}

/** A sub-heading whose first paragraph only introduces the list after it ("We hit three problems:"). */
function introducesList(section: Section): boolean {
  const [first, second] = section.nodes
  return second?.type === 'list' && /[:：]\s*$/.test(plainText(first))
}

/**
 * The challenges of a list item: the item itself, or, when it is only a group
 * title such as `Frontend:` over a sub-list, the items of that sub-list.
 */
function listItemUnits(item: ListItem): Unit[] {
  const unit = listItemUnit(item)
  if (unit && item.children.length > 0 && isGroupTitle(item, unit)) return item.children.flatMap(listItemUnits)
  return unit ? [unit] : []
}

/** `Frontend:` or `**Backend**` over a sub-list, with no text of its own and no category shape. */
function isGroupTitle(item: ListItem, unit: Unit): boolean {
  const first = item.blocks[0]
  if (!first || item.blocks.length > 1) return false
  const text = first.text.text.trim()
  const titleOnly = /[:：]$/.test(text) || (first.label !== null && first.label.contentStart >= first.text.text.trimEnd().length) || unit.head.trim() === text
  return titleOnly && challengeWords(text).length <= 5 && challengeShape(unit.head.replace(CHALLENGE_NUMBERING_RE, '')) === null
}

/** A list item as a challenge: a bold title or the text before the first dash, colon or full stop. */
function listItemUnit(item: ListItem): Unit | null {
  const first = item.blocks[0]
  if (!first || isLinkOnly(first)) return null
  const rest = [...item.blocks.slice(1).map((block) => block.text.text), ...item.children.map(itemText)]
  if (first.label) {
    const unit = labelledUnit(first)
    if (unit) unit.body.push(...rest)
    return unit
  }
  const text = first.text.text
  let start = text.length - text.trimStart().length
  const lead = first.node.children?.[0]
  if (lead && (lead.type === 'strong' || lead.type === 'emphasis')) {
    const title = plainText(lead).trim()
    if (title && text.startsWith(title, start)) {
      const after = text.slice(start + title.length)
      if (/^\s*$|^\s*(?:[—–-]|[.:;])/.test(after)) {
        return {head: title, range: trimmedRange(first, start, start + title.length), body: [after.replace(/^\s*[—–:;.-]+\s*/, ''), ...rest]}
      }
    }
  }
  let sentenceEnd = firstSentenceEnd(first, start)
  let separator = HEAD_SEPARATOR_RE.exec(text.slice(start, sentenceEnd))
  // `Challenge: X` or `Problem — X`: X is the headline.
  if (separator && CHALLENGE_INTRO_LABEL_RE.test(text.slice(start, start + separator.index).trim())) {
    start += separator.index + separator[0].length
    sentenceEnd = firstSentenceEnd(first, start)
    separator = HEAD_SEPARATOR_RE.exec(text.slice(start, sentenceEnd))
  }
  const headEnd = separator ? start + separator.index : sentenceEnd
  return {
    head: text.slice(start, headEnd).trim(),
    range: trimmedRange(first, start, headEnd),
    body: [text.slice(separator ? headEnd + separator[0].length : sentenceEnd), ...rest],
  }
}

/** `**Challenge:** …` (the content is the challenge) or `**Cold starts:** …` (the label is). */
function labelledUnit(block: Block): Unit | null {
  const label = block.label!
  const text = block.text.text
  if (NON_CHALLENGE_LABEL_RE.test(label.text.trim())) return null
  if (CHALLENGE_INTRO_LABEL_RE.test(label.text.trim())) {
    const start = label.contentStart
    const end = firstSentenceEnd(block, start)
    if (end <= start) return null
    return {head: text.slice(start, end).trim(), range: trimmedRange(block, start, end), body: [text.slice(end)]}
  }
  const at = text.indexOf(label.text)
  if (at < 0) return null
  return {head: label.text, range: trimmedRange(block, at, at + label.text.length), body: [text.slice(label.contentStart)]}
}

/** Rows of a table with a `Challenge`/`Problem` column, with the `Why it was hard` cell as the explanation. */
function tableUnits(table: Table): Unit[] {
  const column = table.header.findIndex((cell) => CHALLENGE_COLUMN_RE.test(cell.trim()))
  if (column < 0) return []
  const why = table.header.map((cell, i) => (i !== column && WHY_HARD_COLUMN_RE.test(cell.trim()) ? i : -1)).filter((i) => i >= 0)
  const units: Unit[] = []
  for (const row of table.rows) {
    const cell = row[column]
    if (!cell || cell.text.isEmpty) continue
    const text = cell.text.text
    units.push({head: text.trim(), range: trimmedRange(cell, 0, text.length), body: why.map((i) => row[i]?.text.text ?? '')})
  }
  return units
}

/** `**Challenges faced:**` (or `Key challenges:` on its own) right before a list. */
function isChallengeListLabel(block: Block): boolean {
  const text = block.text.text.trim()
  if (block.label) return block.label.contentStart >= block.text.text.trimEnd().length && classifyHeading(block.label.text).has('challenges')
  return /[:：]$/.test(text) && challengeWords(text).length <= 5 && classifyHeading(text.slice(0, -1)).has('challenges')
}

/** A list item that only links elsewhere (`[Handling webhooks](./webhooks.md)`): the detail is on the other page. */
function isLinkOnly(block: Block): boolean {
  const children = (block.node.children ?? []).filter((child) => !(child.type === 'text' && (child.value ?? '').trim() === ''))
  return children.length === 1 && (children[0].type === 'link' || children[0].type === 'linkReference')
}

function itemText(item: ListItem): string {
  return [...item.blocks.map((block) => block.text.text), ...item.children.map(itemText)].join('\n')
}

function descendants(section: Section): Section[] {
  return [section, ...section.children.flatMap(descendants)]
}

/** A sentence end: a terminator after a word, a number or a closing mark, then space or the end. */
const SENTENCE_END_RE = letterRe(String.raw`(?<=\p{L}{2}|\p{N}|[)\]"”’'*_\uFFFC])[.!?](?=\s|$)`, 'u')

/** End of the first sentence that starts at `from`, or of its line when the line ends in a hard break. */
function firstSentenceEnd(block: Block, from: number): number {
  const text = block.text.text
  const lineEnd = hardLineEnd(block, from)
  const match = SENTENCE_END_RE.exec(text.slice(from, lineEnd))
  return match ? from + match.index + 1 : lineEnd
}

/**
 * Index of the first hard line break (`  ⏎`, `\⏎`) at or after `from`, else the
 * text's end. Soft line breaks are spaces in the rendered page and end nothing.
 */
function hardLineEnd(block: Block, from: number): number {
  const text = block.text.text
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
    const range = block.text.range(i, i + 1)
    if (range.end - range.start > 1) return i
  }
  return text.length
}

function trimmedRange(block: Block, from: number, to: number): SourceRange {
  const text = block.text.text
  while (from < to && /\s/.test(text[from])) from++
  while (to > from && /[\s.:;]/.test(text[to - 1])) to--
  return block.text.range(from, to)
}
