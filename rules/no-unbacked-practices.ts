import {defineRule} from '../src/define-rule.js'
import {byOffset} from '../src/by-offset.js'
import type {Block, DocumentIndex, ListItem, Section} from '../src/document.js'
import {OBJECT_CHAR, type SourceRange} from '../src/text/prose-text.js'
import {findBacking} from '../src/text/backing.js'
import {FIRST_PERSON_RE, OTHER_OWNER_BEFORE_RE, PASSIVE_BEFORE_RE, PASSIVE_CLAUSE_RE, PATIENT_BEFORE_RE, QUESTION_WORD_BEFORE_RE, SUBJECT_TO_BEFORE_RE, clauseAround, clauseVeto, quotedRanges, sentenceVeto} from '../src/text/claim-cues.js'
import {compileHeadingPattern, headingPatternProblem, type HeadingMatcher} from '../src/text/heading-patterns.js'
import {findChoiceParentheses, findGuidance} from '../src/text/practice-guidance.js'
import {DEFAULT_EXPECTED, findPracticeMentions, practiceHead, practiceOfItem, type ItemPractice} from '../src/text/practices.js'
import {isNonGoalsLabel} from '../src/text/non-goals.js'
import {hasQuantity} from '../src/text/quantities.js'
import type {SectionRole} from '../src/text/section-roles.js'
import {stemTokens, type StemToken} from '../src/text/stems.js'
import {LETTER_RE, letterRe} from '../src/text/letter-re.js'

/** Sections whose checklists are plans, never claims; their prose is never a claim either. */
const NOT_CLAIMED_ROLES: ReadonlySet<SectionRole> = new Set(['roadmap', 'non-goals', 'retrospective'])
/** Sections whose checklists are out of scope even under a practices heading. */
const OUT_OF_SCOPE_ROLES: ReadonlySet<SectionRole> = new Set(['roadmap', 'non-goals'])

/**
 * Items longer than this (in words, choice lists aside) describe something
 * rather than name a practice: they are not judged as bare names.
 */
const BARE_NAME_MAX_WORDS = 9
/** A word of an item, code spans included. */
const ITEM_WORD_RE = letterRe(String.raw`[\p{L}\p{N}\uFFFC][\p{L}\p{N}\uFFFC'’-]*`, 'gu')

/** A term that ends in a preposition (`cached for`) is reported without it. */
const TRAILING_PREPOSITION_RE = /\s+(?:for|in|on|with|to|at|by|via)$/i

/** Longest `actual` shown inside a message before it is shortened with `…`. */
const MESSAGE_TEXT_MAX = 60

interface Task {
  item: ListItem
  /** First paragraph of the item. */
  block: Block
  text: string
}

export default defineRule({
  id: 'no-unbacked-practices',
  description: 'Require ticked practice checkboxes to be backed by detail, and practices claimed in prose to be ticked',
  rationale:
    'A ticked "Caching strategy" box with nothing after it, or one that still carries the template\'s "specify the limits" prompt, claims a practice without evidence: reviewers will ask for the detail. And a box left unticked while the prose says the practice was done makes the document contradict itself.',
  fix: 'After a ticked practice, say what backs it: the tool or library, a number (limits, sizes, times), where it runs (`on every POST`, `in CI`) or a code span or link. Replace template guidance with that detail. When the prose claims a practice, tick its box or correct the prose.',
  severity: 'warn',
  options: {
    sections: {
      type: 'string[]',
      default: [],
      description:
        'Extra headings whose task lists are practice checklists (besides headings containing "practice"). A plain string matches a heading containing it, ignoring case and punctuation; `/source/` or `/source/flags` is a regular expression tested on the heading, always ignoring case.',
      validate: headingPatternProblem,
    },
  },
  messages: {
    guidance: ({name, expected}: {name: string; expected: string}) => `Unfilled practice \`${name}\`, expected ${expected} instead of the template guidance`,
    unbacked: ({actual, expected}: {actual: string; expected: string}) => `Unbacked practice \`${actual}\`, expected ${expected}`,
    unchecked: ({actual, line}: {actual: string; line: number}) => `Claimed practice \`${actual}\` is unchecked on line ${line}, expected the box ticked or the claim removed`,
  },
  check({doc, options, report}) {
    const matchers = options.sections.map(compileHeadingPattern)
    const tasks = practiceTasks(doc, matchers)
    if (tasks.length === 0) return

    for (const task of tasks) {
      if (task.item.checked !== true) continue
      const finding = judgeTicked(doc, task)
      if (!finding) continue
      const expected = practiceOfItem(task.text)?.expected ?? DEFAULT_EXPECTED
      const range = task.block.text.range(finding.start, finding.end)
      const actual = doc.slice(range)
      if (finding.kind === 'guidance') report('guidance', {name: shorten(headSource(doc, task)), expected}, range, {actual, expected})
      else report('unbacked', {actual: shorten(actual), expected}, range, {actual, expected})
    }

    const tickedKeys = new Set(tasks.filter((t) => t.item.checked === true).map((t) => practiceOfItem(stripGuidance(t.text))?.key).filter((key) => key !== undefined))
    let sentences: ClaimSentence[] | null = null
    const claimed = new Set<string>()
    for (const task of tasks) {
      if (task.item.checked !== false) continue
      const practice = practiceOfItem(stripGuidance(task.text))
      if (!practice || tickedKeys.has(practice.key) || claimed.has(practice.key)) continue
      sentences ??= claimSentences(doc)
      const claim = findClaim(sentences, practice)
      if (!claim) continue
      claimed.add(practice.key)
      const line = doc.point(task.item.start).line
      report('unchecked', {actual: shorten(claim.actual), line}, claim.range, {actual: claim.actual, expected: `the box on line ${line} ticked, or the claim removed`})
    }
  },
})

/** Task items of practice checklists: under a `practice` heading or a configured one, never under a roadmap. */
function practiceTasks(doc: DocumentIndex, matchers: readonly HeadingMatcher[]): Task[] {
  const out: Task[] = []
  for (const item of doc.listItems) {
    if (item.checked === null || !inPracticeScope(item.section, matchers)) continue
    const block = item.blocks[0]
    // Nothing to judge: an empty box, or one holding only code, HTML or an image.
    // An item without a letter holds no prose to judge.
    if (!block || !LETTER_RE.test(block.text.text)) continue
    out.push({item, block, text: block.text.text})
  }
  return out
}

/** The practice name at the start of an item, as written in the source. */
function headSource(doc: DocumentIndex, task: Task): string {
  const start = task.text.length - task.text.trimStart().length
  const head = practiceHead(task.text.slice(start))
  return doc.slice(task.block.text.range(start, start + head.length))
}

function inPracticeScope(section: Section, matchers: readonly HeadingMatcher[]): boolean {
  let inScope = false
  for (let s: Section | null = section; s; s = s.parent) {
    if ([...s.roles].some((role) => OUT_OF_SCOPE_ROLES.has(role))) return false
    if (s.roles.has('practices') || (s.heading && matchers.some((match) => match(s!.title)))) inScope = true
  }
  return inScope
}

interface TickedFinding {
  kind: 'guidance' | 'unbacked'
  start: number
  end: number
}

/** What is wrong with a ticked item, as a text range of its first paragraph, or `null` when it is backed. */
function judgeTicked(doc: DocumentIndex, task: Task): TickedFinding | null {
  const text = task.text
  const end = text.trimEnd().length
  const start = text.length - text.trimStart().length
  const guidance = findGuidance(text)
  if (guidance && (guidance.kind === 'instruction' || !authored(text.slice(guidance.start, guidance.end)))) {
    return {kind: 'guidance', start: guidance.start, end: guidance.end}
  }
  if (isBacked(doc, task)) return null
  return {kind: 'unbacked', start, end}
}

/** A prompt-shaped tail that the author wrote: first person, or concrete detail in it. */
function authored(tail: string): boolean {
  const blanked = blank(tail, findChoiceParentheses(tail))
  return FIRST_PERSON_RE.test(blanked) || hasQuantity(blanked) || findBacking(blanked) === 'tool' || blanked.includes(OBJECT_CHAR)
}

/** Backing detail in the item: its own text (name and choice lists aside), code, links, or its nested content. */
function isBacked(doc: DocumentIndex, task: Task): boolean {
  const {item, block, text} = task
  const choices = findChoiceParentheses(text)
  const own = blank(text, choices)
  if ((own.match(ITEM_WORD_RE) ?? []).length > BARE_NAME_MAX_WORDS) return true
  const headText = practiceHead(own.trimStart())
  const headStart = own.length - own.trimStart().length
  if (hasQuantity(own) || findBacking(own, {head: {start: headStart, end: headStart + headText.length}})) return true
  const choiceRanges = choices.map((c) => block.text.range(c.start, c.end))
  const outsideChoices = (start: number): boolean => !choiceRanges.some((r) => start >= r.start && start < r.end)
  const code = byOffset(doc.code).within(item.start, item.end)
  if (code.some((c) => c.inline && outsideChoices(c.node.position?.start.offset ?? -1))) return true
  if (byOffset(doc.links).within(item.start, item.end).some((link) => link.kind !== 'definition' && outsideChoices(link.node.position?.start.offset ?? -1))) return true
  // Nested detail: further paragraphs of the item, sub-items, tables or code blocks under it.
  const nested = byOffset(doc.blocks).within(item.start, item.end).filter((b) => b !== block)
  return nested.some((b) => hasQuantity(b.text.text) || findBacking(b.text.text) !== null || b.text.text.includes(OBJECT_CHAR)) || code.some((c) => !c.inline)
}

function blank(text: string, ranges: ReadonlyArray<{start: number; end: number}>): string {
  let out = text
  for (const r of ranges) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end)
  return out
}

function stripGuidance(text: string): string {
  const guidance = findGuidance(text)
  return guidance ? text.slice(0, guidance.start) : text
}

interface Claim {
  range: SourceRange
  actual: string
}

/** A sentence that may carry a claim, with what every practice check needs. */
interface ClaimSentence {
  block: Block
  /** Sentence offsets into the block text. */
  start: number
  text: string
  tokens: StemToken[]
  /** Quoted text and template guidance, as offsets into the block text. */
  quoted: ReadonlyArray<{start: number; end: number}>
  guidanceStart: number | null
}

/** Sentences of prose blocks that can carry a claim (computed once per document). */
function claimSentences(doc: DocumentIndex): ClaimSentence[] {
  const excluded = nonGoalLabelRanges(doc)
  const out: ClaimSentence[] = []
  for (const block of doc.blocks) {
    if (!claimableBlock(block)) continue
    const start = block.node.position?.start.offset ?? -1
    if (excluded.some((r) => start >= r.start && start < r.end)) continue
    const quoted = quotedRanges(block.text.text)
    const guidanceStart = findGuidance(block.text.text)?.start ?? null
    for (const sentence of doc.sentences(block)) {
      if (sentenceVeto(sentence.text)) continue
      out.push({block, start: sentence.start, text: sentence.text, tokens: stemTokens(sentence.text), quoted, guidanceStart})
    }
  }
  return out
}

/** The first affirmative prose statement of `practice` outside checklists, plans and non-goals. */
function findClaim(sentences: readonly ClaimSentence[], practice: ItemPractice): Claim | null {
  for (const sentence of sentences) {
    for (const mention of findPracticeMentions(sentence.text, practice, sentence.tokens)) {
      const at = sentence.start + mention.start
      if (sentence.quoted.some((q) => at >= q.start && at < q.end)) continue
      if (sentence.guidanceStart !== null && at >= sentence.guidanceStart) continue
      const clause = clauseAround(sentence.text, mention.start)
      const clauseText = sentence.text.slice(clause.start, clause.end)
      if (clauseVeto(clauseText)) continue
      if (!affirmative(sentence.text.slice(clause.start, mention.start), clauseText, mention.start - clause.start, mention.end - clause.start)) continue
      const actual = sentence.text.slice(mention.start, mention.end).replace(TRAILING_PREPOSITION_RE, '')
      return {range: sentence.block.text.range(at, at + actual.length), actual}
    }
  }
  return null
}

/** Prose that can carry a claim: paragraphs and table body cells, outside task lists and plan sections. */
function claimableBlock(block: Block): boolean {
  if (block.kind === 'heading') return false
  if (block.cell && block.cell.row === 0) return false
  if (onlyLinks(block)) return false
  for (let item: ListItem | null = block.listItem; item; item = item.parent) {
    if (item.checked !== null) return false
  }
  for (let s: Section | null = block.section; s; s = s.parent) {
    if ([...s.roles].some((role) => NOT_CLAIMED_ROLES.has(role))) return false
  }
  return true
}

/**
 * Text under a non-goals label outside a non-goals section: the labelled
 * paragraph (`**Out of scope:** rate limiting for batch jobs`) and a list
 * right after a label that stands alone (`**Non-goals:**` then a list).
 */
function nonGoalLabelRanges(doc: DocumentIndex): SourceRange[] {
  const out: SourceRange[] = []
  for (const block of doc.blocks) {
    if (!block.label || !isNonGoalsLabel(block.label.text)) continue
    const start = block.node.position?.start.offset ?? 0
    let end = block.node.position?.end.offset ?? start
    const siblings = block.section.nodes
    const at = siblings.indexOf(block.node)
    const next = at >= 0 ? siblings[at + 1] : undefined
    if (next?.type === 'list' && block.text.text.slice(block.label.contentStart).trim() === '') end = next.position?.end.offset ?? end
    out.push({start, end})
  }
  return out
}

/** A paragraph that is nothing but links (a table of contents entry, a reference list). */
function onlyLinks(block: Block): boolean {
  const children = block.node.children ?? []
  const links = children.filter((child) => child.type === 'link' || child.type === 'linkReference')
  return links.length > 0 && children.every((child) => links.includes(child) || (child.type === 'text' && /^[\s,;|·•–—-]*$/.test(child.value ?? '')))
}

/**
 * The clause states the practice as done: a first-person subject (`we
 * rate-limit`), a passive (`is rate-limited`, `are hashed with argon2id`),
 * or concrete detail beside the mention (a number, a code span, a named
 * tool, a place). Someone else's practice (`the provider's rate limits`)
 * or being subject to one (`hitting the rate limit`, `we were
 * rate-limited`) is not a claim.
 */
function affirmative(before: string, clause: string, mentionStart: number, mentionEnd: number): boolean {
  if (OTHER_OWNER_BEFORE_RE.test(before) || SUBJECT_TO_BEFORE_RE.test(before) || PATIENT_BEFORE_RE.test(before)) return false
  if (FIRST_PERSON_RE.test(clause)) return true
  if (PASSIVE_BEFORE_RE.test(before) && !QUESTION_WORD_BEFORE_RE.test(before.replace(PASSIVE_BEFORE_RE, ''))) return true
  const passive = PASSIVE_CLAUSE_RE.exec(clause)
  if (passive && !QUESTION_WORD_BEFORE_RE.test(clause.slice(0, passive.index))) return true
  const rest = clause.slice(0, mentionStart) + ' '.repeat(mentionEnd - mentionStart) + clause.slice(mentionEnd)
  if (hasQuantity(rest) || rest.includes(OBJECT_CHAR)) return true
  const backing = findBacking(rest)
  return backing === 'tool' || backing === 'where'
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= MESSAGE_TEXT_MAX) return flat
  const cut = flat.slice(0, MESSAGE_TEXT_MAX)
  const space = cut.lastIndexOf(' ')
  return `${(space > MESSAGE_TEXT_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/, '')} …`
}
