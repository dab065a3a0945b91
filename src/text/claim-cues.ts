/**
 * Cues that tell whether a sentence states something as done ("we
 * rate-limit `/login`") or only mentions it: negated ("no Redis cache
 * layer"), planned or future ("CSRF tokens are v2", "we plan to add"),
 * hypothetical ("would saturate", "if traffic grows"), a question, or an
 * instruction to the author ("Specify the limits"). Phrase lists are data;
 * the helpers only apply them.
 */
import {allMatches} from './all-matches.js'
import {letterRe} from './letter-re.js'

/** Negation: the thing is absent, avoided or removed. */
export const NEGATION_CUES_RE =
  /\b(?:no|not|never|without|none|nor|neither|lack(?:s|ed|ing)?|missing|skip(?:s|ped|ping)?|removed|dropped|disabled|avoid(?:s|ed|ing)?|instead of|rather than|no longer|yet to|cannot|can['’]t|won['’]t|don['’]t|doesn['’]t|didn['’]t|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|haven['’]t|hasn['’]t|hadn['’]t|wouldn['’]t|shouldn['’]t|couldn['’]t)\b/i

/** Plans, intentions, future work and versions still to come. */
export const PLAN_CUES_RE =
  /\b(?:will|shall|['’]ll|plan(?:s|ned|ning)?|going to|intend(?:s|ed|ing)?|aim(?:s|ed|ing)? to|hop(?:e|es|ing) to|want(?:s|ed)? to|would like|next (?:step|sprint|quarter|version|release|phase|iteration|milestone)s?|future|later|eventually|someday|roadmap|to-?do|tbd|upcoming|backlog|v\d+(?:\.\d+)*|version \d+|phase \d+|consider(?:s|ed|ing)?|evaluat(?:e|es|ed|ing)|explor(?:e|es|ed|ing)|investigat(?:e|es|ing)|propos(?:e|es|ed|al)|need(?:s|ed)? to|ideally|wish(?:list)?)\b/i

/** Hypotheticals, conditions and advice: not a statement of what was done. */
export const HYPOTHETICAL_CUES_RE = /\b(?:would|could|can|should|might|may|must|if|unless|whether|recommend(?:s|ed)?|suggest(?:s|ed)?|imagine|suppose)\b|\b(?:I|we|you|they|it)['’]d\b/i

/** A first-person subject: the author speaking about their own project. */
export const FIRST_PERSON_RE = /\b(?:we|our|ours|us|my|mine|we['’](?:ve|re|d))\b|\bI\b|\bI['’](?:ve|m|d)\b/i

/** A passive or stative "is done" before the mention: `is rate-limited`, `are all cached`. */
export const PASSIVE_BEFORE_RE = /\b(?:is|are|was|were|been|being|get|gets|got|stay|stays)(?:\s+(?:all|always|also|now|each|both|fully|strictly|automatically|already))?\s*$/i

/** A passive anywhere in the clause: `passwords are hashed with argon2id`, `keys were rotated via Vault`. */
export const PASSIVE_CLAUSE_RE = letterRe(String.raw`\b(?:is|are|was|were|been|get|gets|got)\s+(?:(?:all|always|also|now|each|both|fully|strictly|automatically|already)\s+)?\p{L}+(?:ed|en)\b`, 'iu')

/** The author on the receiving end: `we were rate-limited`, `I kept getting throttled`. */
export const PATIENT_BEFORE_RE = /\b(?:we|I)\s+(?:(?:were|was|are|am|got|get|kept getting|keep getting|have been|had been|started getting)\s+)(?:(?:also|repeatedly|constantly|quickly|briefly|occasionally)\s+)?$/i

/** Someone else's practice: `the provider's rate limits`, `their cache`, `GitHub's rate limit`. */
export const OTHER_OWNER_BEFORE_RE = letterRe(String.raw`(?:\b(?:their|its|his|her|your)|\p{L}['’]s?)\s+(?:[\p{L}-]+\s+)?$`, 'iu')

/** Being subject to a limit rather than applying it: `we kept hitting the rate limit`. */
export const SUBJECT_TO_BEFORE_RE = letterRe(String.raw`\b(?:hit|hits|hitting|trigger(?:s|ed|ing)?|exceed(?:s|ed|ing)?|ran into|run into|running into|reach(?:ed|es|ing)?|bypass(?:ed|es|ing)?|respect(?:ed|s|ing)?|under|within|around|avoid(?:ed|s|ing)?)\s+(?:(?:the|a|an|any|their|its)\s+)?(?:[\p{L}-]+\s+)?$`, 'iu')

/** A question word right before the passive: `what is cached` asks, it does not state. */
export const QUESTION_WORD_BEFORE_RE = /\b(?:what|which|how|why|where|when|who|whether)\s+(?:\S+\s+)?$/i

/** Instructions to the author at the start of a sentence. */
export const IMPERATIVE_START_RE =
  /^(?:specify|mention|include|describe|explain|list|name|add|show|use|consider|avoid|make sure|ensure|pick|choose|label|replace|frame|prioriti[sz]e|group|highlight|focus|quantify|write|implement|enable|set up|configure|keep|try|check|remember|note|link|state|provide|give|document|fill in|insert|start|don['’]t|do not|never|always)\b/i

export type ClaimVeto = 'negation' | 'plan' | 'hypothetical' | 'question' | 'imperative'

/** Anything before the first letter: bullets, numbers, emphasis marks. */
const LEADING_NON_LETTERS_RE = letterRe(String.raw`^[^\p{L}]+`, 'u')

/** Whole-sentence vetoes: a question, or an instruction to the author. */
export function sentenceVeto(sentence: string): ClaimVeto | null {
  const text = sentence.trim()
  if (/\?["'”’)\]*_]*$/.test(text)) return 'question'
  if (IMPERATIVE_START_RE.test(text.replace(LEADING_NON_LETTERS_RE, ''))) return 'imperative'
  return null
}

/** Clause vetoes: negated, planned or hypothetical wording. */
export function clauseVeto(clause: string): ClaimVeto | null {
  if (NEGATION_CUES_RE.test(clause)) return 'negation'
  if (PLAN_CUES_RE.test(clause)) return 'plan'
  if (HYPOTHETICAL_CUES_RE.test(clause)) return 'hypothetical'
  return null
}

/** Why `sentence` (taken as one clause) is not an affirmative statement, or `null` when it reads as one. */
export function claimVeto(sentence: string): ClaimVeto | null {
  return sentenceVeto(sentence) ?? clauseVeto(sentence)
}

/** Clause boundaries that separate a claim from a negated or planned remark in the same sentence. */
export const CLAUSE_BREAK_RE = /;\s+|\s+but\s+|\s+however,?\s+|\s+whereas\s+|\s+although\s+|\s+while\s+/gi

/** The clause of `sentence` around index `at`: `[start, end)` offsets into `sentence`. */
export function clauseAround(sentence: string, at: number): {start: number; end: number} {
  let start = 0
  let end = sentence.length
  for (const match of allMatches(sentence, CLAUSE_BREAK_RE)) {
    const a = match.index
    const b = a + match[0].length
    if (b <= at) start = b
    else if (a >= at) {
      end = a
      break
    }
  }
  return {start, end}
}

/** Text in double quotes is quoted or exemplary, not the author's own statement. */
export const QUOTED_RE = /"[^"\n]{3,}"|“[^”\n]{3,}”|«[^»\n]{3,}»/g

/** `[start, end)` ranges of quoted text in `text`. */
export function quotedRanges(text: string): Array<{start: number; end: number}> {
  return allMatches(text, QUOTED_RE).map((match) => ({start: match.index, end: match.index + match[0].length}))
}
