/**
 * The shape of template guidance inside a checklist item: the practice name,
 * then a separator and an instruction to the author (`Rate limiting --
 * specify the limits (e.g., 100 req/min …)`, `Caching strategy — what is
 * cached and why`), and example or alternative lists in parentheses
 * (`(e.g., Joi, Zod)`, `(Redis/CDN)`, `(GitHub Actions or similar)`) that
 * offer choices instead of stating one.
 */
import {allMatches} from './all-matches.js'
import {letterRe} from './letter-re.js'

/** A separator between a practice name and what follows it. */
export const GUIDANCE_SEPARATOR_RE = /\s(?:--|—|–|-)\s+|\s*—\s*/g

/** Words that open an instruction to the author. */
export const GUIDANCE_VERBS: readonly string[] = [
  'specify', 'mention', 'include', 'describe', 'explain', 'list', 'name', 'note', 'state', 'add', 'link', 'show',
  'provide', 'give', 'detail', 'document', 'say', 'cite', 'quantify', 'summarize', 'summarise', 'identify',
  'outline', 'write', 'replace', 'fill in', 'insert', 'share', 'highlight', 'clarify', 'indicate', 'record', 'attach',
]

/** Openings that ask the author a question: `what is cached and why`, `which columns`. */
export const GUIDANCE_PROMPTS: readonly string[] = ['what', 'which', 'how', 'why', 'where', 'when', 'who', 'at minimum', 'at a minimum', 'e.g.', 'eg.', 'for example', 'such as', 'ideally']

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')

/** An instruction at the start of a text (after a separator). */
export const GUIDANCE_VERB_START_RE = letterRe(`^(?:${GUIDANCE_VERBS.map(escape).join('|')})(?![\\p{L}])`, 'iu')
/** A prompt at the start of a text (after a separator). */
export const GUIDANCE_PROMPT_START_RE = letterRe(`^(?:${GUIDANCE_PROMPTS.map(escape).join('|')})(?![\\p{L}])`, 'iu')

/** A parenthesis with examples to pick from: `(e.g., …)`, `(such as …)`, `(for example …)`. */
export const EXAMPLE_PAREN_RE = /\((?:e\.\s?g\.?|eg\.?|i\.\s?e\.?|such as|for example|for instance|like)[\s,:][^()]*(?:\([^()]*\)[^()]*)*\)/giu

/** A parenthesis offering alternatives: `(Redis/CDN)`, `(bcrypt … or argon2id)`, `(GitHub Actions or similar)`. */
export const ALTERNATIVES_PAREN_RE = letterRe(String.raw`\((?=[^()]*(?:\bor\b|\betc\b|\band so on\b|\p{L}{2,}\/\p{L}{2,}))[^()]*\)`, 'giu')

/** A slash pair of names counts as alternatives only without a number (`100 req/min` is a rate, not a choice; `argon2` is a name). */
const DIGIT_RE = letterRe(String.raw`(?<![\p{L}])\d`, 'u')

export interface GuidanceSpan {
  /** Offsets of the guidance in the text (from its first word to the end of the item). */
  start: number
  end: number
  /** `instruction` opens with a verb to the author; `prompt` with a question word or example cue. */
  kind: 'instruction' | 'prompt'
}

/** The instruction after a separator, when the item still carries one. */
export function findGuidance(text: string): GuidanceSpan | null {
  for (const match of allMatches(text, GUIDANCE_SEPARATOR_RE)) {
    const after = match.index + match[0].length
    const rest = text.slice(after)
    if (GUIDANCE_VERB_START_RE.test(rest)) return {start: after, end: text.trimEnd().length, kind: 'instruction'}
    if (GUIDANCE_PROMPT_START_RE.test(rest)) return {start: after, end: text.trimEnd().length, kind: 'prompt'}
  }
  return null
}

export interface ParenSpan {
  start: number
  end: number
  kind: 'examples' | 'alternatives'
}

/** Parentheses that list examples or alternatives instead of stating one choice. */
export function findChoiceParentheses(text: string): ParenSpan[] {
  const out: ParenSpan[] = []
  for (const match of allMatches(text, EXAMPLE_PAREN_RE)) out.push({start: match.index, end: match.index + match[0].length, kind: 'examples'})
  for (const match of allMatches(text, ALTERNATIVES_PAREN_RE)) {
    const inner = match[0]
    const slashOnly = !/\bor\b|\betc\b|\band so on\b/i.test(inner)
    if (slashOnly && DIGIT_RE.test(inner)) continue
    if (out.some((p) => p.start < match.index + inner.length && match.index < p.end)) continue
    out.push({start: match.index, end: match.index + inner.length, kind: 'alternatives'})
  }
  return out.sort((a, b) => a.start - b.start)
}

/** `text` with choice parentheses blanked out (offsets kept). */
export function blankChoices(text: string): string {
  let out = text
  for (const paren of findChoiceParentheses(text)) out = out.slice(0, paren.start) + ' '.repeat(paren.end - paren.start) + out.slice(paren.end)
  return out
}
