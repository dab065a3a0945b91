/**
 * Challenge vocabulary as data: what makes a written challenge a category
 * ("Performance issues", "Deployment was hard", "Ensuring consistency") and
 * what makes it specific (a number, an observable failure, a cause or
 * condition). Quantities come from ./quantities.ts, the one number detector.
 */
import {hasQuantity} from './quantities.js'
import {allMatches} from './all-matches.js'
import {letterRe, NON_WORD_RUN_RE} from './letter-re.js'

// ---------------------------------------------------------------------------
// Specific detail

/** Observable failures: a reader can picture what broke. Lower case; matched as whole words. */
export const FAILURE_WORDS: readonly string[] = [
  'crash', 'crashed', 'crashes', 'crashing', 'crash-looped', 'crashloop', 'segfault', 'segfaulted', 'panicked', 'panics',
  'timed out', 'timing out', 'time out', 'times out', 'timeout', 'timeouts',
  'double-charged', 'double charged', 'charged twice', 'double-booked', 'double booked', 'double-submitted', 'duplicate', 'duplicated', 'duplicates',
  'n+1', 'race', 'races', 'raced', 'race condition', 'race conditions', 'deadlock', 'deadlocks', 'deadlocked', 'livelock',
  'oom', 'oomkilled', 'oom-killed', 'out of memory', 'out-of-memory', 'memory leak', 'memory leaks', 'leaked', 'leaking',
  '5xx', '4xx', '500s', '502s', '503s', '504s', '500 errors', '502 errors', '503 errors', '504 errors', 'http 500', 'http 502', 'http 503',
  'stale', 'stale reads', 'data loss', 'lost', 'dropped', 'dropping', 'corrupt', 'corrupted', 'corruption', 'truncated', 'garbled',
  'hung', 'hangs', 'froze', 'frozen', 'freezes', 'stalled', 'stalls', 'throttled', 'rate-limited', 'rate limited',
  'overwrote', 'overwritten', 'overwrites', 'out of sync', 'desync', 'desynced', 'drifted', 'diverged',
  'flaky', 'flaked', 'flakes', 'failed', 'fails', 'broke', 'broken', 'breaking', 'regressed', 'rejected', 'bounced',
  'invalidating', 'invalidated', 'blank page', 'blank screen', 'white screen', 'infinite loop', 'infinite loops', 'retry storm',
  'thundering herd', 'cold start', 'cold starts', 'exceeded', 'overflowed', 'overflow', 'mismatch', 'mismatched',
  'rolled back', 'rollback', 'outage', 'outages', 'incident', 'incidents', 'paged', 'evicted', 'killed', 'locked out', 'unreachable',
]

/** Causes and conditions: why or when it went wrong. Lower case; whole words. */
export const CAUSE_WORDS: readonly string[] = [
  'because', 'when', 'whenever', 'under', 'after', 'due to', 'caused by', 'since', 'while', 'during', 'if', 'until', 'unless',
  'as soon as', 'every time', 'each time', 'so that', 'which meant', 'which caused', 'causing', 'caused', 'led to', 'leading to',
  'resulting in', 'as a result', 'root cause', 'triggered', 'triggering', 'once',
]

function wordsRe(words: readonly string[]): RegExp {
  const escaped = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  // Boundaries as alternatives rather than one class: the same matches, built and compiled in about half the time.
  return letterRe(`(?<!\\p{L}|\\p{N})(?:${escaped.join('|')})(?!\\p{L}|\\p{N})`, 'iu')
}

/** Any observable failure word. */
export const FAILURE_RE = wordsRe(FAILURE_WORDS)
/** Any cause or condition word. */
export const CAUSE_RE = wordsRe(CAUSE_WORDS)

/** Whether `text` carries concrete detail: a quantity, an observable failure, or a cause or condition. */
export function hasChallengeDetail(text: string): boolean {
  return FAILURE_RE.test(text) || CAUSE_RE.test(text) || hasQuantity(text)
}

// ---------------------------------------------------------------------------
// Category shapes

/** Adjectives and phrases that call a topic hard without saying how: `<topic> was tricky`. Lower case. */
export const DIFFICULTY_PHRASES: readonly string[] = [
  'hard', 'tricky', 'difficult', 'challenging', 'complex', 'complicated', 'painful', 'time-consuming', 'time consuming',
  'an issue', 'a challenge', 'a problem', 'a pain', 'a pain point', 'a struggle', 'a headache', 'a nightmare', 'a bottleneck',
  'an obstacle', 'a hurdle', 'cumbersome', 'messy', 'problematic', 'confusing', 'non-trivial', 'nontrivial', 'not easy',
  'not trivial', 'not straightforward', 'frustrating', 'tedious', 'error-prone', 'overwhelming', 'difficult to manage',
  'hard to manage', 'a big challenge', 'a major challenge', 'a real challenge', 'a significant challenge', 'a constant struggle',
]

/** Degree words allowed between the verb and the difficulty phrase. */
export const DEGREE_WORDS: readonly string[] = [
  'quite', 'very', 'really', 'extremely', 'particularly', 'surprisingly', 'a bit', 'a little', 'somewhat', 'incredibly',
  'so', 'too', 'more', 'pretty', 'especially', 'rather', 'fairly', 'initially', 'always', 'often', 'also', 'harder', 'still',
  'unexpectedly', 'notoriously', 'genuinely', 'definitely', 'sometimes', 'at first',
]

/** `<topic> was/were/is/are … hard`: group 1 the topic, group 2 what follows the phrase. */
export const DIFFICULTY_SHAPE_RE = letterRe(
  `^(.{2,80}?)\\s+(?:was|were|is|are|has been|have been|had been|proved(?: to be)?|proved|turned out to be|became|felt|got|remained|remains)\\s+` +
    `(?:(?:${DEGREE_WORDS.join('|')})\\s+)*(?:${DIFFICULTY_PHRASES.map((p) => p.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}-])(.*)$`,
  'iu',
)

/** Words ending in -ing that are not gerunds. Lower case. */
export const NON_GERUND_ING: ReadonlySet<string> = new Set([
  'thing', 'things', 'string', 'strings', 'spring', 'during', 'nothing', 'something', 'anything', 'everything', 'morning',
  'evening', 'ceiling', 'king', 'ring', 'wing', 'sling', 'sibling', 'siblings', 'darling', 'pudding', 'wedding', 'bring', 'sing',
  'swing', 'sting', 'cling', 'fling', 'offspring', 'viking', 'ping', 'bling', 'boeing', 'beijing', 'sterling', 'herring', 'duckling',
])

/** Gerunds that name a solution rather than a challenge (`Using Redis for sessions`). Lower case. */
export const SOLUTION_GERUNDS: ReadonlySet<string> = new Set([
  'using', 'adding', 'introducing', 'adopting', 'leveraging', 'switching', 'replacing', 'choosing', 'selecting', 'picking',
  'applying', 'utilizing', 'utilising', 'employing', 'refactoring', 'rewriting',
])

/** A gerund phrase counts as a category up to this many words. */
export const GERUND_MAX_WORDS = 12
/** A verbless noun phrase counts as a category up to this many words. */
export const NOUN_PHRASE_MAX_WORDS = 6

/**
 * Category nouns: the head of a noun phrase that names a kind of trouble, not
 * a symptom (`Performance issues`, `Time constraints`, `Learning curve`).
 * Lower case.
 */
export const CATEGORY_NOUNS: ReadonlySet<string> = new Set([
  'issue', 'issues', 'problem', 'problems', 'challenge', 'challenges', 'difficulty', 'difficulties', 'constraint', 'constraints',
  'limitation', 'limitations', 'concern', 'concerns', 'bottleneck', 'bottlenecks', 'hurdle', 'hurdles', 'obstacle', 'obstacles',
  'complexity', 'complexities', 'scalability', 'scaling', 'scale', 'performance', 'reliability', 'availability', 'stability',
  'security', 'maintainability', 'consistency', 'compatibility', 'integration', 'integrations', 'management', 'deployment',
  'deployments', 'migration', 'migrations', 'testing', 'debugging', 'onboarding', 'adoption', 'coordination', 'communication',
  'collaboration', 'alignment', 'documentation', 'drift', 'debt', 'overhead', 'maintenance', 'curve', 'deadline', 'deadlines',
  'budget', 'budgets', 'time', 'timeline', 'timelines', 'resources', 'staffing', 'turnover', 'size', 'sizes', 'volume', 'volumes',
  'load', 'traffic', 'speed', 'quality', 'usability', 'accessibility', 'configuration', 'setup', 'handling', 'optimization',
  'optimisation', 'architecture', 'infrastructure', 'dependencies', 'versioning', 'synchronization', 'synchronisation', 'sync',
  'concurrency', 'caching', 'monitoring', 'observability', 'logging', 'cost', 'costs', 'pressure', 'creep', 'expectations',
  'buy-in', 'gaps', 'gap', 'inconsistency', 'inconsistencies', 'fragmentation', 'silos', 'code', 'codebase', 'systems', 'system',
  'tooling', 'workflow', 'workflows', 'process', 'processes', 'quirks', 'risks', 'risk', 'errors', 'bugs', 'compliance',
  'privacy', 'learning', 'knowledge', 'skills', 'experience', 'ux', 'design', 'state', 'data', 'requirements', 'changes',
  'edge cases', 'cases', 'latency', 'responsiveness', 'efficiency', 'flexibility', 'visibility', 'transparency', 'lack',
  'shortage', 'absence', 'evolution', 'growth', 'support',
])

/** Words that make a short phrase a clause rather than a noun phrase. Lower case. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'is', 'was', 'were', 'are', 'be', 'been', 'being', 'am', 'has', 'had', 'have', 'do', 'did', 'does', "didn't", "don't", "doesn't",
  "wasn't", "weren't", "isn't", "aren't", "couldn't", "wouldn't", "can't", 'can', 'could', 'will', 'would', 'should', 'must',
  'may', 'might', 'shall', 'i', 'we', 'they', 'he', 'she', 'you', 'it', 'our', 'my', 'their', 'not', 'no', 'took', 'made', 'went',
  'got', 'kept', 'needed', 'wanted', 'became', 'felt', 'saw', 'found', 'let', 'meant', 'required', 'forced',
])

/** Prepositions and participles that end the head of a noun phrase (`Performance issues in REST endpoints`). Lower case. */
export const NOUN_PHRASE_BREAKS: ReadonlySet<string> = new Set([
  'of', 'for', 'in', 'across', 'around', 'with', 'between', 'on', 'at', 'from', 'within', 'among', 'about', 'over', 'into',
  'to', 'through', 'via', 'per', 'and', 'or', '&', 'by', 'as', 'than', 'like', 'without', 'before', 'behind', 'against',
  'toward', 'towards', 'beyond', 'inside', 'outside', 'throughout', 'despite', 'versus', 'vs',
])

export type ChallengeShape = 'difficulty' | 'gerund' | 'noun-phrase'

const WORD_RE = letterRe(String.raw`[\p{L}\p{N}][\p{L}\p{N}'’+/.&-]*|&`, 'gu')

/** The words of `text` (letters, digits, inner hyphens and apostrophes), lower case. */
export function challengeWords(text: string): string[] {
  return allMatches(text.replace(/\uFFFC/g, ' x ').toLowerCase(), WORD_RE).map((m) => m[0].replace(/[.’]+$/g, '').replace(/’/g, "'"))
}

/** The category shape of a challenge's headline, or `null` when it reads like a symptom or a sentence. */
export function challengeShape(head: string): ChallengeShape | null {
  const text = head.trim().replace(/[.!…]+$/, '')
  if (text === '' || /[?]$/.test(text)) return null
  const difficulty = DIFFICULTY_SHAPE_RE.exec(text)
  if (difficulty && challengeWords(difficulty[1]).length <= 8 && challengeWords(difficulty[2]).length <= 6) return 'difficulty'
  const words = challengeWords(text)
  if (words.length === 0) return null
  const first = words[0]
  if (words.length <= GERUND_MAX_WORDS && isGerund(first)) return 'gerund'
  if (words.length <= NOUN_PHRASE_MAX_WORDS && isCategoryNounPhrase(words)) return 'noun-phrase'
  return null
}

/** Word shapes of a gerund (`managing`) and a past tense (`lagged`). */
const GERUND_SHAPE_RE = letterRe(String.raw`^\p{L}{3,}ing$`, 'u')
const PAST_SHAPE_RE = letterRe(String.raw`^\p{L}{3,}ed$`, 'u')

/** A word that opens a gerund phrase: `Ensuring`, `Managing`, `Keeping`. */
export function isGerund(word: string): boolean {
  return GERUND_SHAPE_RE.test(word) && !NON_GERUND_ING.has(word) && !SOLUTION_GERUNDS.has(word)
}

/** A past-tense verb after the first word (`Documentation lagged behind`), unless an adverb makes it an adjective (`poorly documented`). */
function hasPastTenseVerb(words: string[]): boolean {
  return words.some((w, i) => i > 0 && PAST_SHAPE_RE.test(w) && !/eed$/.test(w) && !/ly$/.test(words[i - 1]))
}

function isCategoryNounPhrase(words: string[]): boolean {
  if (words.some((w) => CLAUSE_WORDS.has(w)) || hasPastTenseVerb(words)) return false
  // The head noun: the last word before a preposition or a participle, else the last word.
  let end = words.length
  for (let i = 1; i < words.length; i++) {
    if (NOUN_PHRASE_BREAKS.has(words[i]) || (i > 0 && isGerund(words[i]) && !CATEGORY_NOUNS.has(words[i]))) {
      end = i
      break
    }
  }
  const head = words[end - 1]
  const pair = end >= 2 ? `${words[end - 2]} ${head}` : head
  return CATEGORY_NOUNS.has(head) || CATEGORY_NOUNS.has(pair)
}

// ---------------------------------------------------------------------------
// Structure around the challenge

/** A part of a challenge item that describes the fix, not the problem (`— we added …`, `Solution: …`). */
export const SOLUTION_SEGMENT_RE =
  /^(?:(?:we|i|the team|our team|they)\s+(?:then\s+|eventually\s+|finally\s+)?(?:added|used|introduced|implemented|built|wrote|created|switched|moved|migrated|adopted|replaced|solved|fixed|resolved|addressed|mitigated|refactored|rewrote|set up|configured|enabled|deployed|chose|picked|went with|applied|designed|automated|documented|handled|split|cached|wrapped|put)\b|(?:solution|solved|fix|fixed|resolution|resolved|mitigation|mitigated|approach|workaround|answer|how we solved it|how i solved it|what we did|what i did|outcome|result|lessons? learned|lesson|what i learned|what we learned|takeaway|trade-?off|impact)\b|(?:solved|fixed|resolved|addressed|mitigated|handled) (?:by|with|via|through)\b|(?:added|introduced|implemented|built|wrote|created|switched|moved|migrated|adopted|replaced|refactored|rewrote|configured|enabled|automated|used)\s|(?:to (?:solve|fix|address|mitigate|handle) (?:this|it|that))\b|(?:→|->|=>))/i

/** Bold labels that introduce the challenge itself: `**Challenge:** …`, `**The Problem**: …`. */
export const CHALLENGE_INTRO_LABEL_RE = /^(?:the |main |key |core |biggest )?(?:challenge|problem|issue|symptom|pain ?point|obstacle|hurdle|difficulty)s?$/i

/** Bold labels of the other parts of a challenge write-up: not a challenge unit on their own. */
export const NON_CHALLENGE_LABEL_RE =
  /^(?:the |our |my )?(?:solutions?|fix(?:es)?|approach|resolution|results?|outcomes?|impact|investigation|root cause|cause|why|how|what (?:i|we) (?:learned|did|changed|built)|learned|learnings?|lessons?(?: learned)?|takeaways?|trade-?offs?|alternatives?(?: considered)?|context|background|notes?|tip|example|status|owners?|tools?|(?:tech )?stack|decisions?|next steps?|mitigations?|workarounds?|goals?|objectives?|aims?|client|customer|role|team|duration|timeline|deliverables?|scope|audience|users|platform|year|date|links?|summary|overview|tl;?dr)$/i

/** Sub-headings inside a challenge section that group something other than challenges. */
export const NON_CHALLENGE_GROUP_RE =
  /\b(?:constraints?|requirements?|solutions?|approach|fix(?:es)?|resolution|how (?:we|i) (?:solved|fixed)|assumptions?|stakeholders?|scope|timeline|team|overview|summary|context|background|problem statement|goals?|objectives?|opportunit(?:y|ies)|deep dive)\b/i

/** Table header cells that hold the challenge (`Challenge`, `Problem`, `Pain point`). */
export const CHALLENGE_COLUMN_RE = /^(?:the |key |main )?(?:challenges?|problems?|pain ?points?|obstacles?)(?: faced)?$/i

/** Table header cells that explain the challenge (`Why it was hard`, `Root cause`). */
export const WHY_HARD_COLUMN_RE =
  /^(?:why\b.*|difficult(?:y|ies)|(?:root )?causes?|symptoms?|impact|effects?|descriptions?|details?|what happened|context|explanation|notes?)$/i

/** Headlines that are still prompts to the author or numbered stand-ins: left to other rules. */
export const CHALLENGE_PROMPT_RE =
  /^(?:(?:challenge|problem|issue|obstacle|pain point|point)\s*\d+[.:)]?\s*$|(?:describe|explain|list|add|write|include|mention|replace|insert|summari[sz]e|outline|note)\b|(?:how|why|what|which|who|where|any)\s+(?:you|your)\b)/i

/**
 * Challenge-list prompts of the built-in templates, normalised (lower case,
 * punctuation as spaces): a list item that is exactly one of these was never
 * filled in and belongs to the template rules.
 */
export const CHALLENGE_TEMPLATE_PROMPTS: ReadonlySet<string> = new Set([
  'technical context',
  'pain points',
  'limitations of existing solution',
  'real obstacles faced and how they were overcome',
])

/** Whether a challenge headline is exactly a template prompt. */
export function isChallengeTemplatePrompt(head: string): boolean {
  return CHALLENGE_TEMPLATE_PROMPTS.has(head.toLowerCase().replace(NON_WORD_RUN_RE, ' ').trim())
}

/** Numbering before a challenge headline: `1.`, `2)`, `Challenge 3:`, `Problem #2 —`. */
export const CHALLENGE_NUMBERING_RE = /^\s*(?:(?:challenge|problem|issue|obstacle|pain point)\s*#?\d+\s*(?:[:.)]|[—–-])\s*|#?\d{1,2}[.)]\s+)/i

/** Template tokens, bracketed prompts and to-do markers. */
export const CHALLENGE_PLACEHOLDER_RE = /\b[A-Z][A-Z0-9]*(?:\\?_[A-Z0-9]+)+\b|\[[^\]\n]*\]|<[^>\n]*>|\b(?:TODO|TBD|FIXME)\b|\.\.\.|…/
