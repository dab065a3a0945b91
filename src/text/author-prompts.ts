/**
 * Author prompts: instructions to the person filling in a template about what
 * to write (`(2-3 paragraphs)`, `Describe the problem you set out to solve`,
 * `(If deployed, link your frontend live URL here)`), recognised in any
 * document, also when the template is unknown.
 *
 * Instructions to the *reader* are content: a tutorial's `Replace YOUR_API_KEY
 * with your key` or `List your buckets with aws s3 ls` is not a prompt. So the
 * patterns look for what only a prompt does: it asks for writing (describe,
 * explain, summarise …) about the story (the problem, how it was found, your
 * role), names the document itself (`this section`, `this template`), or
 * sets a length (`3-4 sentences`).
 */

export interface PromptMatch {
  /** Which pattern matched (a key of `AUTHOR_PROMPT_PATTERNS` or `imperative`). */
  kind: string
  /** Offsets in the sentence text. */
  start: number
  end: number
}

/** Units of length a prompt asks for. */
const LENGTH_UNITS = String.raw`(?:paragraphs?|sentences?|words|characters|chars|bullets?|bullet points|lines|slides|items)`
/** A number range: `2-3`, `150–160`, `3 to 4`, `one or two`. */
const SMALL_NUMBER = String.raw`(?:\d+|one|two|three|four|five|six)`
const RANGE = String.raw`${SMALL_NUMBER}\s*(?:[-–—]|to|or)\s*${SMALL_NUMBER}`
/** Hints that a single number is a length limit: `(max 200 words)`, `(160 characters or less)`. */
const LIMIT_BEFORE = String.raw`(?:max(?:imum)?|at most|up to|about|around|approx\.?|roughly|~)`
const LIMIT_AFTER = String.raw`(?:max(?:imum)?|or less|or fewer|ideal|recommended|limit)`

/** Verbs that ask for writing. */
export const WRITING_VERBS = [
  'describe',
  'explain',
  'summarise',
  'summarize',
  'outline',
  'mention',
  'elaborate on',
  'discuss',
  'introduce',
  'highlight',
  'detail',
  'tell us',
  'tell the reader',
  'tell readers',
  'briefly describe',
  'briefly explain',
  'briefly summarise',
  'briefly summarize',
] as const

/** Verbs of putting something into the page: a prompt only together with `here`. */
export const PLACING_VERBS = ['link', 'add', 'insert', 'attach', 'embed', 'include', 'paste', 'put', 'drop', 'place'] as const

const alternation = (words: readonly string[]): string => words.map((word) => word.replace(/ /g, String.raw`\s+`)).join('|')

/** Named patterns, matched against one sentence. */
export const AUTHOR_PROMPT_PATTERNS = {
  /** `(2-3 paragraphs)`, `(150-160 characters ideal for SEO)`, `(max 200 words)`. */
  lengthParenthetical: new RegExp(
    String.raw`\((?:[^()]{0,40}?\b)?(?:${RANGE}\s+${LENGTH_UNITS}\b|${LIMIT_BEFORE}\s*\d+\s+${LENGTH_UNITS}\b|\d+\s+${LENGTH_UNITS}\s+${LIMIT_AFTER}\b)[^()]{0,60}\)`,
    'i',
  ),
  /** A sentence that is only a length: `3-4 sentences.`, `3–6 bullets describing what you actually built.` */
  lengthSentence: new RegExp(String.raw`^(?:(?:an?\s+)?(?:simple|short|brief|concise)\s+)?${RANGE}\s+${LENGTH_UNITS}\b(?:\s+(?:max(?:imum)?|each|total|describing|about|on|covering|that|explaining|summari[sz]ing)\b[^.!?]{0,80})?[.!]?$`, 'i'),
  /** `(If deployed, link your frontend live URL here)`, `(add screenshots here)`, `(describe your role)`. */
  parenthetical: new RegExp(
    String.raw`\((?:if [^,()]{1,60},\s*|optional:?\s*|e\.g\.,?\s*)?(?:(?:${alternation(PLACING_VERBS)})\b[^()]{0,120}\bhere\b|(?:${alternation(WRITING_VERBS)})\b[^()]{0,120}\b(?:your?|here)\b)[^()]{0,80}\)`,
    'i',
  ),
  /** `Replace this template with your actual architecture.`, `Delete this section before publishing`. */
  thisDocument: /^(?:please\s+)?(?:replace|delete|remove|update|edit|rewrite|fill in|fill out|customi[sz]e|adapt)\s+this\s+(?:template|section|paragraph|placeholder|example|text|note|line|block|page)\b/i,
  /** `Insert architecture diagram here.`, `Add screenshot of the dashboard here` (a page element, not a reader's key or file). */
  placeHere: new RegExp(
    String.raw`^(?:please\s+)?(?:${alternation(PLACING_VERBS)})\s+(?:(?:a|an|the|your|one|two|some|more)\s+)?(?:[\w-]+\s+){0,2}?(?:screenshots?|images?|diagrams?|pictures?|photos?|figures?|charts?|graphs?|videos?|gifs?|links?|urls?|demos?|quotes?|testimonials?|tables?|examples?|snippets?|metrics|results|numbers|stats|statistics|logos?|captions?|details)\b[^.!?:]{0,60}\bhere[.!]?$`,
    'i',
  ),
  /** `This section must be completed when targeting beta graduation to a release.` */
  sectionMustBe: /^this\s+(?:section|part|table|template)\s+(?:must|should|needs to|is to)\s+be\s+(?:completed|filled(?:\s+(?:in|out))?|written|removed|deleted|replaced|updated)\b/i,
} as const

const PARENTHETICAL_KINDS: ReadonlySet<string> = new Set(['lengthParenthetical', 'parenthetical'])

/**
 * A telegraphic description of what to write, opening a section: `Short
 * overview of what was done, for whom, and why.`, `High-level description of
 * the system architecture`, `Step-by-step explanation of how the work was
 * completed.` Needs at least one adjective, so a plain `Overview of results`
 * caption is not one.
 */
export const DESCRIPTION_PROMPT_RE =
  /^(?:an?\s+)?(?:(?:short|brief|concise|quick|clear|high[- ]level|detailed|step[- ]by[- ]step|one[- ](?:line|sentence|paragraph)|in[- ]depth|simple)[,\s]+){1,3}(?:overview|summary|description|explanation|list|reflection|account|outline|walkthrough|breakdown|introduction|recap|statement)\s+(?:of|on|about)\b/i
/** First person or figures: the author is already telling the story. */
export const STORY_TOLD_RE = /\b(?:we|our|us|i|my|me)\b|\d/i

/** An imperative writing verb at the start of a sentence. */
export const IMPERATIVE_PROMPT_RE = new RegExp(String.raw`^(?:please\s+|now\s+|first,?\s+|then,?\s+)?(?:${alternation(WRITING_VERBS)})\b\s*`, 'i')
/** Second person: the prompt talks to the author. */
export const SECOND_PERSON_RE = /\b(?:you|your|yours|yourself)\b/i
/** The prompt names the document it sits in. */
export const THIS_DOCUMENT_RE = /\b(?:this|the)\s+(?:section|case study|post|article|document|doc|page|template|rfc|kep|proposal|write-?up|paragraph|summary|story)\b|\bthis project\b/i
/** The prompt sets a length: `in one paragraph`, `in 2-3 sentences`. */
export const LENGTH_PHRASE_RE = /\bin (?:one|two|three|a few|a couple of|\d+(?:\s*[-–]\s*\d+)?) (?:short )?(?:sentences?|paragraphs?|lines|bullets?|words)\b/i
/**
 * A question-word clause about the story: `how the issue was first identified`,
 * `what the team changed`. `how to …` (documentation goals) does not count.
 */
export const STORY_CLAUSE_RE = /^(?:briefly\s+)?(?:how|what|why|when|where|who|which)\s+(?:the|this|that|it|we|they|our|an?)\s+\S+/i

export interface PromptContext {
  /** The sentence opens a paragraph that is the first content under its heading. */
  leadsSection: boolean
}

/**
 * The author prompt in `sentence`, if any. `context.leadsSection` lets a
 * bare `Explain how the issue was first identified.` count: a section whose
 * body opens with an imperative about the story is a template prompt, while
 * the same words inside a goals list are a goal.
 */
export function findAuthorPrompt(sentence: string, context: PromptContext = {leadsSection: false}): PromptMatch | null {
  const text = sentence.trim()
  const offset = sentence.indexOf(text)
  for (const [kind, re] of Object.entries(AUTHOR_PROMPT_PATTERNS)) {
    const match = re.exec(text)
    if (!match) continue
    // A parenthetical is the prompt itself; the other patterns make the whole sentence one.
    if (PARENTHETICAL_KINDS.has(kind)) return {kind, start: offset + match.index, end: offset + match.index + match[0].length}
    return {kind, start: offset, end: offset + text.length}
  }
  if (context.leadsSection && DESCRIPTION_PROMPT_RE.test(text) && !STORY_TOLD_RE.test(text)) return {kind: 'description', start: offset, end: offset + text.length}
  const imperative = IMPERATIVE_PROMPT_RE.exec(text)
  if (!imperative || /:\s*$/.test(text)) return null
  const rest = text.slice(imperative[0].length)
  const toAuthor = SECOND_PERSON_RE.test(rest) || THIS_DOCUMENT_RE.test(rest) || LENGTH_PHRASE_RE.test(rest) || (context.leadsSection && STORY_CLAUSE_RE.test(rest))
  return toAuthor ? {kind: 'imperative', start: offset, end: offset + text.length} : null
}
