/**
 * Non-goals vocabulary as data: how a non-goals label is written, what a
 * left-over template prompt in a non-goals list looks like, and what counts
 * as the reason a non-goal was left out.
 */
import {NON_GOALS_HEADING_RE, normaliseHeading} from './section-roles.js'
import {letterRe, NON_WORD_RUN_RE} from './letter-re.js'

/** A label (bold label, line prefix or table cell) this long or shorter can name a non-goals list. */
export const NON_GOALS_LABEL_MAX_WORDS = 6

/**
 * `Non-goals` written as a label: `• Non-goals: …`, `Out of scope:` or
 * `Non-Goals` alone on a line. Group 1 is the label, group 2 what follows
 * the colon. Matched against one line of prose after leading bullets.
 */
export const NON_GOALS_LINE_LABEL_RE = /^[\s•·▪◦‣∙*+>-]*(?:\p{Extended_Pictographic}\uFE0F?\s*)*([^:：\n]{2,60}?)\s*(?:[:：]\s*(.*))?$/u

/**
 * A non-goals label: the phrase first (`Non-goals`, `Out of scope for v1`,
 * `The non-goals`), a few words at most, so prose such as "this is out of
 * scope" is not a label.
 */
export const NON_GOALS_LABEL_RE = new RegExp(`^(?:(?:the|our|project|key|explicit)\\s)?(?:${NON_GOALS_HEADING_RE.source})(?:\\s.*)?$`)

/** Whether `label` (a bold label, a line prefix, a table cell) names a non-goals list. */
export function isNonGoalsLabel(label: string): boolean {
  const normal = normaliseHeading(label)
  if (normal === '' || normal.split(' ').length > NON_GOALS_LABEL_MAX_WORDS) return false
  return NON_GOALS_LABEL_RE.test(normal)
}

/**
 * The opening words of the templates' own non-goal prompts and guidance,
 * normalised (lower case, contractions expanded, punctuation as spaces). A
 * non-goals block that starts with one of these is still the template's text.
 */
export const NON_GOAL_TEMPLATE_FINGERPRINTS: readonly string[] = [
  'what you explicitly did not build',
  'what we explicitly did not build',
  'what i explicitly did not build',
  'what is planned for v2',
  'listing non goals is one of the strongest signals',
  'what is out of scope for this',
  'list the specific non goals',
  'list what is out of scope',
]

/** Template tokens (`NON_GOAL_1`, `YOUR\_FEATURE`), bracketed prompts (`[Feature]`) and to-do markers. */
export const NON_GOAL_PLACEHOLDER_RE = /\b[A-Z][A-Z0-9]*(?:\\?_[A-Z0-9]+)+\b|\[[^\]\n]*\]|<[^>\n]*>|\b(?:TODO|TBD|FIXME|XXX)\b|\b[Ll]orem ipsum\b[^.]*/g

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bwon['’]t\b/g, 'will not'],
  [/\bcan['’]t\b/g, 'can not'],
  [/n['’]t\b/g, ' not'],
  [/['’]s\b/g, ' is'],
  [/['’]re\b/g, ' are'],
]

/** Two letters in a row. */
const TWO_LETTERS_RE = letterRe(String.raw`\p{L}{2}`, 'u')

/** Lower case, contractions expanded, punctuation and symbols as single spaces. */
export function normaliseProse(text: string): string {
  let out = text.normalize('NFKC').toLowerCase()
  for (const [re, by] of CONTRACTIONS) out = out.replace(re, by)
  return out
    .replace(NON_WORD_RUN_RE, ' ')
    .trim()
}

/**
 * Whether a block of a non-goals list holds nothing of the author's own:
 * only placeholders, or text that starts with a template prompt.
 */
export function isNonGoalFiller(text: string): boolean {
  const rest = normaliseProse(text.replace(NON_GOAL_PLACEHOLDER_RE, ' ').replace(/\uFFFC/g, ' '))
  if (!TWO_LETTERS_RE.test(rest)) return true
  return NON_GOAL_TEMPLATE_FINGERPRINTS.some((print) => rest === print || rest.startsWith(print + ' '))
}

/** Words that give the reason a non-goal was left out. */
export const NON_GOAL_REASON_RE =
  /\b(?:because|since|as (?:it|they|we|this|the)|due to|given (?:that|the|our)|owing to|deferred|postponed|parked|later|v\d+(?:\.\d+)*|version \d+|phase \d+|(?:next|future|later|a later|subsequent) (?:release|version|phase|iteration|milestone|quarter|sprint|project)|future|out[ -]of[ -]scope for|not (?:needed|required|necessary|worth)|unnecessary|no (?:need|demand|users?|one)|instead|so (?:that|we)|until|handled by|covered by|owned by|left to|belongs? to|too (?:costly|expensive|complex|risky|slow|early|large|big)|low (?:priority|demand|value)|not a priority|(?:already|separately) (?:handled|covered|solved|exists?)|only (?:a|one|\d)|rather than|would (?:require|need|add|mean|double|cost))\b/i

/** A dash, colon or parenthetical followed by words: `Mobile app — most sellers use desktop`. */
export const NON_GOAL_REASON_PUNCTUATION_RE = letterRe(String.raw`(?:\s[-–—]{1,2}\s*|[–—]\s*|[:：;]\s*)\p{L}{2}|\([^()]*\p{L}{3}[^()]*\)`, 'u')

/** A second sentence that explains the first. */
export const NON_GOAL_SECOND_SENTENCE_RE = letterRe(String.raw`\p{L}{2}[.!?]\s+[\p{Lu}\p{N}]`, 'u')

/** Whether a non-goal item's text says why it was left out. */
export function hasNonGoalReason(text: string): boolean {
  return NON_GOAL_REASON_RE.test(text) || NON_GOAL_REASON_PUNCTUATION_RE.test(text) || NON_GOAL_SECOND_SENTENCE_RE.test(text)
}
