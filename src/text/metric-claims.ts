/**
 * Word lists for `no-unquantified-metrics`: what counts as a measurable
 * subject, which words claim a change in it, and which words turn a sentence
 * into a plan, a condition or a negation instead of a claim. Everything here
 * is data; `findMetricClaims` only applies it.
 *
 * A claim is one of
 * - a change verb + a measurable subject: `reduced latency`, `build times dropped`;
 * - a comparative + a measurable subject: `fewer incidents`, `lower costs`;
 * - a change noun + a measurable subject: `reduction in overtime hours`,
 *   `performance improvements`;
 * - an intensifier + a result noun: `significant savings`, `measurable results`;
 * - a comparative that implies a measure on its own: `faster`, `slower`,
 *   `quicker`, `cheaper`.
 */
import {allMatches} from './all-matches.js'
import {letterRe, withFlags} from './letter-re.js'

/** Which direction of change is an improvement for a subject. */
export type Better = 'lower' | 'higher' | 'either'

export interface MeasurableSubject {
  /** Group name, for the docs. */
  group: string
  /** Regex source over lower-case text. */
  pattern: string
  /** `lower`: less is better (latency, costs); `higher`: more is better (revenue, uptime). */
  better: Better
}

/** An optional further word of a compound subject (`manual spreadsheet work`), never a preposition or article. */
const MORE = `(?:[- ](?!(?:on|in|of|for|to|and|or|with|through|by|across|from|at|the|a|an|via|while|when|per|into|over|under|than|as|is|are|was|were)\\b)[a-z]+)?`

const subjects = (group: string, better: Better, patterns: readonly string[]): MeasurableSubject[] =>
  patterns.map((pattern) => ({group, pattern, better}))

/**
 * Measurable subjects: the closed list of things a result can be measured
 * in. Extend it with the rule's `subjects` option.
 */
export const MEASURABLE_SUBJECTS: readonly MeasurableSubject[] = [
  ...subjects('time and speed', 'lower', [
    'latenc(?:y|ies)',
    '(?:response|load|loading|page[- ]load|build|deploy|deployment|ci|pipeline|test|testing|compile|compilation|link|linking|startup|start-up|boot|render|rendering|query|processing|resolution|review|wait|waiting|queue|turnaround|lead|cycle|onboarding|release|setup|run|execution|recovery|checkout|search|sync|import|export|indexing|reporting|drafting|handling|triage|closing|approval|travel|update)[ -]times?',
    '[a-z]+(?:ing|ion|ment) times?',
    'turnaround',
    `time[- ]to[- ][a-z]+${MORE}`,
    'time spent',
    'mean time to [a-z]+',
    'mttr|mttd|ttfb|tti|lcp|fcp|inp|core web vitals',
    'page ?loads?',
    'release cycles?',
    'feedback loops?',
    'durations?',
    'delays?',
    'downtime',
    'overtime(?: hours)?',
    'hours',
  ]),
  ...subjects('time and speed', 'higher', ['speed', 'performance', 'responsiveness']),
  ...subjects('throughput', 'higher', ['throughput', 'requests? per second', 'rps|qps|tps', 'capacity', 'concurrency', 'bandwidth', 'velocity', 'output']),
  ...subjects('errors and incidents', 'lower', [
    '(?:errors|failures|crashes|bounces|defects|incidents|(?:error|failure|crash|bounce|defect|incident) rates?)',
    '(?:churn|abandonment|drop-off)(?: rates?)?',
    'bugs',
    'regressions?',
    'outages?',
    'flak(?:iness|y tests?)',
    'false (?:positives|negatives|alarms)',
    'rework',
    'retries',
    'timeouts',
    'escalations?',
    'complaints?',
    'stock-?outs?',
    'support (?:tickets|requests|load|volume|emails|calls|contacts|cases)',
    'tickets',
    `missed [a-z]+${MORE}`,
  ]),
  ...subjects('availability', 'higher', ['uptime', 'availability']),
  ...subjects('cost', 'lower', [
    'costs?(?![- ](?:model|center|centre|structure|awareness))',
    'spend(?:ing)?',
    'expenses?',
    '(?:cloud|aws|infra(?:structure)?|hosting|compute|server|licen[cs]e|api|token) (?:bills?|costs?|spend)',
    'bills?',
    'overhead',
    'headcount',
    'ftes?',
    'price',
  ]),
  ...subjects('cost', 'higher', ['savings', 'money']),
  ...subjects('business and usage', 'higher', [
    'revenue',
    'sales',
    'conversions?(?: rates?)?',
    'retention',
    'adoption',
    'engagement',
    '(?:active |paying |new |returning )?users',
    'sign-?ups',
    'registrations',
    'traffic',
    'visits|visitors',
    'page ?views',
    'downloads|installs',
    'subscribers|subscriptions',
    'customers',
    'leads',
    'bookings|orders|transactions',
    'nps|csat|net promoter score',
    '(?:customer |employee |user )?satisfaction(?: scores?)?',
    'click-?through(?: rates?)?|ctr',
    'open rates?',
    'deliverability',
    'roi|return on investment',
    'profit(?:s|ability)?',
    'margins?',
    'productivity',
    'efficiency',
    'accuracy',
    'precision|recall',
    'coverage',
    'utili[sz]ation',
    '(?:hit|success|pass|fix|first-time-fix|completion|win|open|click) rates?',
    'rankings?',
  ]),
  ...subjects('business and usage', 'either', ['[a-z]+(?:-[a-z]+)* (?:rates?|ratios?)(?! limit)']),
  ...subjects('resources', 'lower', [
    'memory(?: usage| footprint| consumption)?',
    'ram',
    'cpu(?: usage| time| load)?',
    '(?:bundle|binary|image|payload|artifact|build|docker image|app|package|index|database|db) sizes?',
    'disk (?:usage|space)',
    'storage (?:usage|costs?)',
    'footprint',
    'resource (?:usage|consumption)',
    '(?:database|server|db) load',
    'queries',
    'api calls',
    'allocations',
    'gc pauses',
    'cold starts',
    'battery (?:usage|drain)',
  ]),
  ...subjects('manual work and effort', 'lower', [
    `manual [a-z]+${MORE}`,
    'toil',
    'effort',
    'workload',
    'admin(?:istration|istrative)?(?: (?:work|effort|tasks|overhead|burden|time))?',
    'paperwork',
    'hand-?offs?',
    'clicks|keystrokes',
    'steps',
    'staff time',
  ]),
]

/**
 * Soft qualities: not measurable subjects. They are not in the list above;
 * this list documents the choice and vetoes a subject that is only a
 * modifier of one of them (`performance culture`, `cost awareness`).
 */
export const SOFT_QUALITIES: readonly string[] = [
  'usability',
  'consistency',
  'understanding',
  'collaboration',
  'developer experience',
  'user experience',
  'experience',
  'quality',
  'readability',
  'maintainability',
  'transparency',
  'visibility',
  'clarity',
  'confidence',
  'trust',
  'morale',
  'communication',
  'accessibility',
  'reproducibility',
  'flexibility',
  'awareness',
  'culture',
  'decision-making',
  'ownership',
  'alignment',
  'reliability',
  'security',
  'workflow',
  'brand',
]

/** Direction of a change word: `down` (reduced), `up` (increased), `good` (improved: better whatever the subject). */
export type Direction = 'down' | 'up' | 'good' | 'bad'

/** Change verbs in their claim forms (past, third person, gerund), by direction. */
export const CHANGE_VERBS: Readonly<Record<Direction, readonly string[]>> = {
  down: [
    'reduced|reduces|reducing',
    'decreased|decreases|decreasing',
    'cut|cuts|cutting',
    'lowered|lowers|lowering',
    'slashed|slashes|slashing',
    'minimi[sz]ed|minimi[sz]es|minimi[sz]ing',
    'dropped|drops|dropping',
    'fell|falls|falling',
    'declined|declines|declining',
    'shrank|shrunk|shrinks|shrinking',
    'trimmed|trims|trimming',
    'shortened|shortens|shortening',
    'went down|goes down|going down',
    'lessened|lessens|lessening',
    'curbed|curbs|curbing',
  ],
  up: [
    'increased|increases|increasing',
    'raised|raises|raising',
    'boosted|boosts|boosting',
    'rose|rises|rising',
    'grew|grows|growing',
    'maximi[sz]ed|maximi[sz]es|maximi[sz]ing',
    'lifted|lifts|lifting',
    'drove|drives|driving',
    'went up|goes up|going up',
  ],
  good: [
    'improved|improves|improving',
    'optimi[sz]ed|optimi[sz]es|optimi[sz]ing',
    'enhanced|enhances|enhancing',
    'accelerated|accelerates|accelerating',
    'sped up|speeds up|speeding up|speeded up',
    'saved|saves|saving',
    'freed up|frees up|freeing up',
  ],
  bad: [],
}

/** Base forms: a claim only in results sections (`Reduce travel time` elsewhere is an aim), never after `to` or a modal. */
export const CHANGE_VERB_BASES: Readonly<Record<Direction, readonly string[]>> = {
  down: ['reduce', 'decrease', 'lower', 'slash', 'minimi[sz]e', 'shorten', 'lessen', 'curb', 'trim'],
  up: ['increase', 'raise', 'boost', 'maximi[sz]e', 'lift', 'drive'],
  good: ['improve', 'optimi[sz]e', 'enhance', 'accelerate', 'speed up', 'save', 'free up'],
  bad: [],
}

/** Verbs that count only after their subject: `errors dropped` is a decrease, `dropped the errors table` a removal. */
export const INTRANSITIVE_ONLY_RE = /^(?:dropped|drops|dropping|fell|falls|falling|rose|rises|rising|declined|declines|declining|went (?:down|up)|goes (?:down|up)|going (?:down|up))$/

/** Verbs that can follow their subject (`latency dropped`, `build times improved`). */
export const INTRANSITIVE_CHANGE_RE =
  /^(?:improved|improves|increased|increases|decreased|decreases|dropped|drops|fell|falls|rose|rises|grew|grows|declined|declines|shrank|shrunk|shrinks|went (?:down|up)|goes (?:down|up)|sped up)$/

/** Comparatives that imply a measure on their own. `slower` describes a problem, not a result. */
export const STANDALONE_COMPARATIVES: Readonly<Record<Direction, readonly string[]>> = {
  down: [],
  up: [],
  good: ['faster', 'quicker', 'cheaper'],
  bad: ['slower'],
}

/** Comparatives that need a measurable subject right after them. */
export const COMPARATIVES: Readonly<Record<Direction, readonly string[]>> = {
  down: ['fewer', 'less', 'lower', 'shorter', 'smaller', 'leaner', 'lighter', 'reduced', 'decreased', 'lower-cost'],
  up: ['more', 'higher', 'greater', 'bigger', 'larger', 'increased'],
  good: ['better', 'improved', 'faster', 'quicker', 'cheaper'],
  bad: ['slower', 'worse'],
}

/** Change nouns: `reduction in costs`, `latency improvements`. */
export const CHANGE_NOUNS: Readonly<Record<Direction, readonly string[]>> = {
  down: ['reductions?', 'decreases?', 'declines?', 'drops?', 'cuts'],
  up: ['increases?', 'growth', 'gains?', 'boosts?', 'uplifts?', 'lift'],
  good: ['improvements?', 'speed-?ups?', 'savings'],
  bad: ['regressions?'],
}

/** Result nouns that an intensifier turns into a claim: `significant savings`, `measurable results`. */
export const RESULT_NOUNS: readonly string[] = [
  'results', 'improvements?', 'gains', 'savings', 'reductions?', 'speed-?ups?', 'wins', 'benefits', 'returns',
]

/** Intensifiers (`significantly reduced`, `dramatic drop`). */
export const INTENSIFIERS: readonly string[] = [
  'significant(?:ly)?', 'dramatic(?:ally)?', 'substantial(?:ly)?', 'massive(?:ly)?', 'measurabl[ey]', 'huge(?:ly)?',
  'greatly', 'considerabl[ey]', 'vast(?:ly)?', 'drastic(?:ally)?', 'tremendous(?:ly)?', 'sharp(?:ly)?', 'marked(?:ly)?',
  'enormous(?:ly)?', 'noticeabl[ey]', 'big', 'major', 'much', 'far', 'meaningful(?:ly)?', 'immense(?:ly)?',
]

/** Words before a claim that make it a plan, a purpose, an expectation or advice. */
export const INTENTION_RE =
  /\b(?:will|shall|['’]ll|would|could|can|may|might|must|plan(?:s|ned|ning)? (?:to|for)|going to|intend(?:s|ed)? to|aim(?:s|ed|ing)? (?:to|for|at)|goal (?:is|was) to|goals? (?:is|are|was|were)|objective (?:is|was)|hop(?:e|es|ed|ing) to|want(?:s|ed|ing)?|demand(?:s|ed|ing)?|requir(?:e|es|ed|ing)|call(?:s|ed)? for|would like|need(?:s|ed)? to|tr(?:y|ies|ied|ying) to|seek(?:s|ing)? to|strive|designed to|meant to|in order to|so as to|so that|expect(?:s|ed)? to|expected|targeted|target(?:s|ing)?|projected|anticipated|forecast(?:ed)?|predicted|help(?:s|ing)?(?: to)?|allow(?:s|ing)?|enabl(?:e|es|ing)|lets?|ensur(?:e|es|ing)|opportunit(?:y|ies)|potential(?:ly)? (?:to|for)|promis(?:e|es|ing)|should(?! now)|ought to)\b/i

/** A purpose: `to improve …`, `to achieve faster …` (an infinitive up to two words before the claim). */
export const PURPOSE_BEFORE_RE = letterRe(String.raw`\bto\s+(?:[\p{L}-]+\s+){0,2}$`, 'iu')

/** Conditions and hypotheticals anywhere before the claim. */
export const CONDITION_RE = /\b(?:if|unless|whether|assuming|suppose|supposing|in case|once|whenever|imagine|in theory|theoretically|hypothetically|e\.g\.|for example|for instance|such as)\b/i

/** Negation within a few words before the claim. */
export const NEGATION_BEFORE_RE =
  /\b(?:no|not|never|without|nor|neither|none|nothing|hardly|barely|little|lack of|failed to|instead of|rather than|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|n['’]t|cannot)\b(?:\s+\S+){0,4}\s*$/i

/** Generic statements and risks rather than results: `can lead to increased latency`, `at the cost of`. */
export const NON_RESULT_CONTEXT_RE =
  /\b(?:at the (?:cost|expense) of|trade-?offs?|downsides?|drawbacks?|risks?|overhead of|at risk|concern(?:s|ed)? (?:about|that)|worr(?:y|ied|ies)|problem (?:is|was)|issue (?:is|was)|leads to|results in|causes?|caused|causing|suffer(?:s|ed)?|bottlenecks?|complain(?:s|ed)?|frustrat(?:ed|ing|ion)|balanc(?:e|es|ed|ing)|versus|vs\.?|compared (?:to|with))\b/i

/**
 * Outside results sections a claim must be about something that happened:
 * a past-tense change verb, or one of these words in the sentence
 * (`is now faster`, `saw fewer incidents`, `has been lower`). A present-tense
 * `caching reduces latency` explains; it does not report a result.
 */
export const REALIS_RE =
  /\b(?:was|were|has been|have been|had been|became|become|now|saw|seen|achieved|delivered|gained|got|gotten|resulted in|led to|brought|yielded|ended up|went from|since (?:then|we|the))\b/i

/** Irregular past forms of change verbs (regular ones end in `-ed`). */
export const PAST_IRREGULAR_RE = /^(?:cut|fell|rose|grew|shrank|shrunk|drove|went (?:down|up)|sped up)$/

/** A return to normal after a problem (`error rates dropped back to baseline`) is recovery, not a result. */
export const RECOVERY_AFTER_RE = /^\s+(?:\S+\s+)?(?:back|again|to (?:normal|baseline|previous levels|pre-incident levels))\b/

/** Headers that make a table a metrics table. */
export const METRIC_COLUMN_RE = /^(?:key |primary |business |success )?(?:metrics?|kpis?|measures?|measurements?|indicators?|what (?:we )?measured)$/i

/** Headers of value columns in a metrics table. */
export const VALUE_COLUMN_RE =
  /^(?:values?|before|after|results?|targets?|baseline|improvements?|current|change|impact|delta|outcomes?|now|then|old|new|previous|goal|actual|measured|score|difference|savings?|gain|reduction|increase|(?:before|after) (?:\S+ ?){1,3}|(?:target|current|baseline) (?:value|level))(?:\s*\(.*\))?$/i

/** Cells meaning "not applicable". */
export const NOT_APPLICABLE_RE = /^(?:--+|[—–-]|n\/?a|none|not applicable|\.\.\.|…|\?)$/i

/**
 * A bracketed prompt with words in it (`[Response times, throughput]`), not a
 * citation (`[1]`) or task box. Written to run in linear time on any text: a
 * `[` after another unclosed `[` on the same line is not tried again (the
 * earlier one already covered everything it could match), and the closing `]`
 * and the two letters are found with lookaheads, which never backtrack.
 */
export const BRACKET_PROMPT_RE = letterRe(String.raw`(?<!\[[^\]\n]*?)\[(?=[^\]\n]*\])(?=[^\]\n]*?\p{L}{2})[^\]\n]*\]`, 'gu')

/** A variable quantity such as `X ms`, `Y%`, `$X`, `N months`: a placeholder, reported by `no-placeholders`. */
export const PLACEHOLDER_QUANTITY_RE =
  letterRe(String.raw`(?<![\p{L}\p{N}])(?:[$€£]\s?[XYZN]{1,3}(?![\p{L}])|(?:[XYZNxyzn]{1,3}|X,XXX)\s?(?:%|ms|s|sec|seconds|minutes|mins|hours|hrs|days|weeks|months|years|x|gb|mb|kb|tb|k|req\/s|rps|qps|people|users|requests|\/[a-z]+)(?![\p{L}]))`, 'u')

/** A placeholder value that belongs to `no-placeholders`: `X ms`, `[value]`, `TBD`. */
export const PLACEHOLDER_VALUE_RE =
  /(?:^|[\s(~<>≈$€£])[XYNZxyzn]{1,3}(?:[.,][XxYy0]+)?\s*(?:%|x\b|[a-zA-Z/]+\b|$)|\[[^\]]*\]|<[^>]*>|\b(?:TBD|TBC|TODO|FIXME|XXX)\b|\uFFFC|^[_.…\s-]*$/

/** Headings that are questions or plans are never results sections. */
export const NOT_RESULTS_HEADING_RE =
  /\?\s*$|^(?:how|what|which|why|when|where|who|will|can|are|is|does|do|should)\b|\b(?:expected|target(?:ed|s)?|projected|anticipated|desired|planned|success|goals?|setup|set-up|methodology|environment|configuration|harness|tooling|measur(?:e|ing)|track(?:ed|ing)?|monitor(?:ed|ing)?|future|proposed|potential|hypothes[ie]s|criteria|definition|of done)\b|\bresults? (?:object|type|value|set|format|schema|code|shape|interface)s?\b|\bimpact of\b/i

/**
 * Headings (besides the plan, risk and retrospective roles) whose text weighs
 * options or proposes rather than reports: claims under them are hypothetical.
 */
export const HYPOTHETICAL_SECTION_RE =
  /\b(?:alternatives?|options considered|considered (?:approaches|options)|rejected (?:approaches|options|ideas)|pros(?: and cons)?|cons|trade-?offs|proposals?|proposed (?:solution|design|changes?)|design (?:details|proposal)|open questions|unresolved questions|faq|what could be (?:improved|better))\b/i

/**
 * Parent headings under which a `Results` heading names a feature or a
 * screen rather than the project's results (`## Features` → `### Results`).
 */
export const FEATURE_PARENT_RE =
  /\b(?:features?|components?|screens?|pages?|views?|tabs?|modules?|endpoints?|api|apis|ui|user interface|architecture|implementation|how it works|walkthrough|data model|schema|routes?|navigation|sections?|layout|user flows?|functionality|capabilities)\b/i

/** Labels of labelled items that name a metric (besides measurable subjects): `**Cost Reduction:**`, `**Time saved:**`. */
export const METRIC_LABEL_RE =
  /\b(?:reduction|savings?|saved|improvement|increase|decrease|growth|gains?|roi|kpi|impact|speed|speedup|efficiency|productivity|performance|satisfaction|uptime|latency|costs?|revenue|conversion|retention|adoption|time)\b/i

// ---------------------------------------------------------------------------
// Matching: applies the lists above to one sentence.

export type ClaimKind = 'verb' | 'comparative' | 'noun' | 'intensified' | 'standalone'

export interface MetricClaim {
  /** `[start, end)` of the claim phrase in the sentence. */
  start: number
  end: number
  kind: ClaimKind
}

export interface ClaimOptions {
  /** Extra measurable subjects (plain words or phrases), from the rule's `subjects` option. */
  subjects?: readonly string[]
  /** Also count base forms (`Reduce manual effort`), as in results sections. */
  baseForms?: boolean
  /** Require a past-tense or `now`-style claim (see `REALIS_RE`); on outside results sections. */
  realis?: boolean
  /** Text that leads into the sentence (a list's `We plan to:`); its plan and condition words apply too. */
  context?: string
}

interface Span {
  start: number
  end: number
}
interface SubjectSpan extends Span {
  better: Better
}
interface TriggerSpan extends Span {
  direction: Direction
  word: string
}

const alt = (list: readonly string[]): string => list.join('|')
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/**
 * Word boundaries as alternatives (`\p{L}|\p{N}`), not one class
 * (`[\p{L}\p{N}]`): they match the same, and V8 builds and compiles the
 * alternatives in about half the time (on text with letters outside ASCII,
 * where `letterRe` builds the exact pattern).
 */
const NOT_AFTER_WORD = String.raw`(?<!\p{L}|\p{N}|-)`
const NOT_BEFORE_WORD = String.raw`(?!\p{L}|\p{N}|-(?!\s))`
const wordRe = (source: string): RegExp => letterRe(`${NOT_AFTER_WORD}(?:${source})${NOT_BEFORE_WORD}`, 'gu')

/**
 * A subject followed by one of these words is only a modifier of another
 * thing (`performance culture`, `users table`, `latency histogram`), not
 * the thing that changed.
 */
export const COMPOUND_HEADS: readonly string[] = [
  'culture', 'review', 'reviews', 'awareness', 'mindset', 'model', 'models', 'engineer', 'engineers', 'team', 'teams',
  'testing', 'test', 'tests', 'budget', 'table', 'tables', 'column', 'columns', 'field', 'fields', 'flag', 'flags', 'page',
  'screen', 'view', 'histogram', 'histograms', 'metric', 'metrics', 'dashboard', 'dashboards', 'chart', 'graph', 'panel',
  'alert', 'alerts', 'log', 'logs', 'handler', 'handlers', 'message', 'messages', 'code', 'codes', 'class', 'classes', 'type',
  'types', 'api', 'endpoint', 'endpoints', 'service', 'services', 'policy', 'policies', 'settings', 'config', 'limit',
  'limits', 'threshold', 'thresholds', 'profile', 'profiles', 'schema', 'list', 'id', 'ids', 'name', 'names', 'store',
  'database', 'queue', 'cache', 'bucket', 'file', 'files', 'report', 'reports', 'section', 'tab', 'label', 'labels',
  'guide', 'docs', 'documentation', 'estimate', 'estimates', 'center', 'centre', 'structure', 'tracking', 'handling',
  'reporting', 'boundary', 'boundaries', 'path', 'paths', 'state', 'states', 'mode', 'modes', 'domain', 'domains',
]
const SOFT_AFTER_RE = new RegExp(`^[\\s-]+(?:${alt([...SOFT_QUALITIES, ...COMPOUND_HEADS].map(escape))})\\b`)
const DIRECTIONS: readonly Direction[] = ['down', 'up', 'good', 'bad']
const byDirection = (table: Readonly<Record<Direction, readonly string[]>>): ReadonlyArray<{re: RegExp; direction: Direction}> =>
  DIRECTIONS.filter((d) => table[d].length > 0).map((direction) => ({re: wordRe(alt(table[direction])), direction}))
const VERB_RES = byDirection(CHANGE_VERBS)
const BASE_RES = byDirection(CHANGE_VERB_BASES)
const COMPARATIVE_RES = byDirection(COMPARATIVES)
const STANDALONE_RES = byDirection(STANDALONE_COMPARATIVES)
const NOUN_RES = byDirection(CHANGE_NOUNS)
const RESULT_NOUN_RE = wordRe(alt(RESULT_NOUNS))
const INTENSIFIER_RE = wordRe(alt(INTENSIFIERS))
const INTENSIFIER_BEFORE_RE = new RegExp(`(?:${alt(INTENSIFIERS)})\\s+$`)
/** `the number of`-style phrases allowed between a verb and its object. */
const QUANTIFIER_OF_RE = /\b(?:number|amount|volume|count|frequency|share|percentage|proportion|level|levels|cost|costs) of\b/g
const CLAUSE_BREAK_RE = /[,;:()\u2014\u2013.!?"“”]|\b(?:for|with|by|through|via|across|on|at|from|into|between|within|without|among|while|and then|but|because|since|after|before|when|which|that|who|to|of|in|as|than|so)\b/
/** Linking words between a subject and a following change word: `costs were reduced`, `latency is now lower`. */
const LINK_GAP_RE = letterRe(String.raw`^(?:\s+(?:about|for|on|in|of|from|across|per|to)(?:\s+[\p{L}\p{N}-]+){1,3})?\s+(?:(?:was|were|is|are|has|have|had|been|got|get|gets|became|become|becomes|also|now|further|all|both|significantly|greatly|dramatically|substantially|considerably|much|far|markedly|noticeably|sharply|steadily|consistently|drastically|massively)\s+){0,3}$`, 'u')
const TIME_OBJECT_RE = /^\s+(?:(?:the|a lot of|lots of|much|significant|considerable|valuable|precious|developer|engineering|staff|team|review|setup|onboarding|build|deploy|support)\s+)*time\b(?!\s+(?:over|and again))/

/** Up to two words between a comparative and its subject: `faster page loads`. */
const OBJECT_GAP_RE = letterRe(String.raw`^(?:\s+[\p{L}\p{N}-]+){0,2}\s+$`, 'u')
/** A preposition and up to two words between a change noun and its subject: `reduction in manual work`. */
const NOUN_OBJECT_GAP_RE = letterRe(String.raw`^\s+(?:in|of|to|on|for|across)(?:\s+[\p{L}\p{N}-]+){0,2}\s+$|^\s+(?:in|of|to|on|for|across)\s+$`, 'u')
/** At most one word between a subject and its change noun: `latency improvements`, `support ticket reduction`. */
const NOUN_SUBJECT_GAP_RE = letterRe(String.raw`^[\s-]+(?:[\p{L}-]+\s+)?$`, 'u')
/** Up to two words between an intensifier and a result noun: `significant cost savings`. */
const INTENSIFIED_GAP_RE = letterRe(String.raw`^(?:\s+[\p{L}-]+){0,2}\s+$`, 'u')

/** Any trigger word at all (an intensifier alone is none): sentences without one are skipped before the subject search. */
const ANY_TRIGGER_RE = letterRe(
  `(?<![\\p{L}\\p{N}])(?:${alt([
    ...DIRECTIONS.flatMap((d) => [...CHANGE_VERBS[d], ...CHANGE_VERB_BASES[d], ...COMPARATIVES[d], ...STANDALONE_COMPARATIVES[d], ...CHANGE_NOUNS[d]]),
    ...RESULT_NOUNS,
  ])})(?![\\p{L}\\p{N}])`,
  'iu',
)

/** Claims of a change in something measurable in `sentence`, in order. Negated, planned, conditional and hedged ones are left out. */
export function findMetricClaims(sentence: string, options: ClaimOptions = {}): MetricClaim[] {
  if (/\?\s*["'”’)\]]*\s*$/.test(sentence) || !ANY_TRIGGER_RE.test(sentence)) return []
  // Bracketed prompts (`[Development velocity improvements]`) are placeholders, not claims.
  const lower = lowerSameLength(sentence).replace(BRACKET_PROMPT_RE, (m) => ' '.repeat(m.length))
  const subjects = findSubjects(lower, options.subjects ?? [])
  const candidates: Array<MetricClaim & {direction: Direction; better: Better; past?: boolean}> = []

  const verbs = collect(lower, VERB_RES)
  if (options.baseForms) verbs.push(...collect(lower, BASE_RES))
  for (const verb of verbs) {
    const past = /ed$/.test(verb.word) || PAST_IRREGULAR_RE.test(verb.word)
    const object = INTRANSITIVE_ONLY_RE.test(verb.word) ? undefined : subjects.find((s) => s.start >= verb.end && gapIsObject(lower.slice(verb.end, s.start)))
    if (object) {
      candidates.push({start: verb.start, end: object.end, kind: 'verb', direction: verb.direction, better: object.better, past})
      continue
    }
    const time = INTRANSITIVE_ONLY_RE.test(verb.word) ? null : TIME_OBJECT_RE.exec(lower.slice(verb.end))
    if (time) {
      candidates.push({start: verb.start, end: verb.end + time[0].length, kind: 'verb', direction: verb.direction, better: 'lower', past})
      continue
    }
    if (INTRANSITIVE_CHANGE_RE.test(verb.word) || /ed$/.test(verb.word)) {
      const subject = [...subjects].reverse().find((s) => s.end <= verb.start && LINK_GAP_RE.test(lower.slice(s.end, verb.start)))
      if (subject) candidates.push({start: subject.start, end: verb.end, kind: 'verb', direction: verb.direction, better: subject.better, past})
    }
  }
  for (const comparative of collect(lower, COMPARATIVE_RES)) {
    const subject = subjects.find((s) => s.start >= comparative.end && OBJECT_GAP_RE.test(lower.slice(comparative.end, s.start)) && !CLAUSE_BREAK_RE.test(lower.slice(comparative.end, s.start)))
    if (subject) {
      candidates.push({start: comparative.start, end: subject.end, kind: 'comparative', direction: comparative.direction, better: subject.better})
      continue
    }
    const before = [...subjects].reverse().find((s) => s.end <= comparative.start && LINK_GAP_RE.test(lower.slice(s.end, comparative.start)) && /\b(?:is|are|was|were|got|became|now)\b/.test(lower.slice(s.end, comparative.start)))
    if (before) candidates.push({start: before.start, end: comparative.end, kind: 'comparative', direction: comparative.direction, better: before.better})
  }
  for (const noun of collect(lower, NOUN_RES)) {
    const after = subjects.find((s) => s.start >= noun.end && NOUN_OBJECT_GAP_RE.test(lower.slice(noun.end, s.start)))
    if (after) {
      candidates.push({start: noun.start, end: after.end, kind: 'noun', direction: noun.direction, better: after.better})
      continue
    }
    const before = [...subjects].reverse().find((s) => s.end <= noun.start && NOUN_SUBJECT_GAP_RE.test(lower.slice(s.end, noun.start)))
    if (before) {
      candidates.push({start: before.start, end: noun.end, kind: 'noun', direction: noun.direction, better: before.better})
      continue
    }
    if (noun.word === 'savings') candidates.push({start: noun.start, end: noun.end, kind: 'noun', direction: 'good', better: 'either'})
  }
  for (const intensifier of matches(lower, INTENSIFIER_RE)) {
    const result = matches(lower, RESULT_NOUN_RE).find((r) => r.start >= intensifier.end && INTENSIFIED_GAP_RE.test(lower.slice(intensifier.end, r.start)))
    if (result) candidates.push({start: intensifier.start, end: result.end, kind: 'intensified', direction: 'good', better: 'either'})
  }
  for (const standalone of collect(lower, STANDALONE_RES)) {
    candidates.push({start: standalone.start, end: standalone.end, kind: 'standalone', direction: standalone.direction, better: 'either'})
  }

  const out: MetricClaim[] = []
  const context = options.context ? lowerSameLength(options.context) + ' ' : ''
  const realisInSentence = REALIS_RE.test(lower)
  candidates.sort((a, b) => a.start - b.start || b.end - a.end)
  for (const c of candidates) {
    if (!improves(c.direction, c.better)) continue
    if (options.realis && !realisInSentence && !(c.kind === 'verb' && c.past)) continue
    if (vetoed(context, lower, c.start)) continue
    if (RECOVERY_AFTER_RE.test(lower.slice(c.end))) continue
    const intensifier = INTENSIFIER_BEFORE_RE.exec(lower.slice(Math.max(0, c.start - 40), c.start))
    const start = intensifier ? c.start - intensifier[0].length : c.start
    // Overlapping phrases merge: `significant reductions` + `reductions in manual work`.
    const overlap = out.find((o) => start < o.end && c.end > o.start)
    if (overlap) {
      overlap.start = Math.min(overlap.start, start)
      overlap.end = Math.max(overlap.end, c.end)
      continue
    }
    out.push({start, end: c.end, kind: c.kind})
  }
  return out.sort((a, b) => a.start - b.start)
}

/** True when `text` names a measurable subject. */
export function hasMeasurableSubject(text: string, extra: readonly string[] = []): boolean {
  return findSubjects(lowerSameLength(text), extra).length > 0
}

function improves(direction: Direction, better: Better): boolean {
  if (direction === 'bad') return false
  if (direction === 'good' || better === 'either') return true
  return (direction === 'down') === (better === 'lower')
}

function vetoed(context: string, lower: string, at: number): boolean {
  const before = lower.slice(0, at)
  if (INTENTION_RE.test(context + before) || PURPOSE_BEFORE_RE.test(before) || CONDITION_RE.test(context + before)) return true
  if (NEGATION_BEFORE_RE.test(before) || NON_RESULT_CONTEXT_RE.test(before)) return true
  if (/\b(?:expected|projected|targeted|anticipated|goal|aim|objective|hypothesis)\b/.test(lower)) return true
  return false
}

function gapIsObject(gap: string): boolean {
  if (gap === '' || gap === ' ') return true
  const stripped = gap.replace(QUANTIFIER_OF_RE, ' ')
  if (CLAUSE_BREAK_RE.test(stripped)) return false
  return stripped.trim().split(/\s+/).length <= 4
}

const ANY_SUBJECT_RE = wordRe(alt(MEASURABLE_SUBJECTS.map((s) => s.pattern)))
/** One entry per subject; its sticky pattern is built the first time a document needs it (most runs need a third of them). */
const SUBJECT_ENTRIES: readonly SubjectEntry[] = MEASURABLE_SUBJECTS.map((s) => ({source: s.pattern, re: null, better: s.better}))

function stickyWordRe(source: string): RegExp {
  return letterRe(`(?:${source})${NOT_BEFORE_WORD}`, 'uy')
}

/**
 * The characters a match of regex `source` can start with (lower case), or
 * `null` when that is not plain to see (a class, an optional first part).
 * Understands top-level alternatives, `(?:…)` groups and literal letters.
 */
export function firstCharacters(source: string): Set<string> | null {
  const out = new Set<string>()
  for (const branch of topLevelAlternatives(source)) {
    const first = branchFirst(branch)
    if (!first) return null
    for (const ch of first) out.add(ch)
  }
  return out
}

function branchFirst(branch: string): Set<string> | null {
  if (branch.startsWith('(?:')) {
    const close = groupEnd(branch, 0)
    if (close < 0 || /^[?*{]/.test(branch.slice(close + 1))) return null
    return firstCharacters(branch.slice(3, close))
  }
  const ch = branch[0]
  if (ch === undefined || !/[a-z0-9 -]/.test(ch) || /^[?*{]/.test(branch.slice(1))) return null
  return new Set([ch])
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0
  for (let i = open; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') i++
    else if (ch === '[') i = classEnd(source, i)
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return i
  }
  return -1
}

/** Index of the `]` closing the character class opened at `open` (escapes skipped). */
function classEnd(source: string, open: number): number {
  let i = open
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1
  return i
}

function topLevelAlternatives(source: string): string[] {
  const out: string[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') i++
    else if (ch === '[') i = classEnd(source, i)
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(from, i))
      from = i + 1
    }
  }
  out.push(source.slice(from))
  return out
}

type SubjectEntry = {source: string; re: RegExp | null; better: Better}
/** Built-in subject entries by the character they can start with; `any` holds those that may start with anything. */
const SUBJECT_BUCKETS = (() => {
  const byChar = new Map<string, SubjectEntry[]>()
  const any: SubjectEntry[] = []
  MEASURABLE_SUBJECTS.forEach((subject, i) => {
    const entry = SUBJECT_ENTRIES[i]
    const first = firstCharacters(subject.pattern)
    if (!first) {
      any.push(entry)
      // Keep the list order: entries that may start anywhere go in every bucket too.
      for (const list of byChar.values()) list.push(entry)
      return
    }
    for (const ch of first) {
      let list = byChar.get(ch)
      if (!list) {
        list = [...any]
        byChar.set(ch, list)
      }
      list.push(entry)
    }
  })
  return {byChar, any}
})()
const SUBJECT_SCAN_RE = withFlags(ANY_SUBJECT_RE, 'gu')

/** Measurable subjects in `lower`: one combined scan finds where subjects start, then each entry that can start there is tried. */
function findSubjects(lower: string, extra: readonly string[]): SubjectSpan[] {
  const out: SubjectSpan[] = []
  const starts = new Set<number>()
  const scan = SUBJECT_SCAN_RE
  scan.lastIndex = 0
  for (let m = scan.exec(lower); m; m = scan.exec(lower)) {
    starts.add(m.index)
    scan.lastIndex = m.index + 1
  }
  const extraEntries: SubjectEntry[] = extra.map((word) => ({source: escape(word.toLowerCase()), re: null, better: 'either'}))
  if (extra.length > 0) {
    for (const word of extra) {
      const re = wordRe(escape(word.toLowerCase()))
      for (const m of allMatches(lower, re)) starts.add(m.index)
    }
  }
  for (const at of starts) {
    const builtIn = SUBJECT_BUCKETS.byChar.get(lower[at]) ?? SUBJECT_BUCKETS.any
    for (const entry of extraEntries.length ? [...builtIn, ...extraEntries] : builtIn) {
      const re = (entry.re ??= stickyWordRe(entry.source))
      const better = entry.better
      re.lastIndex = at
      const m = re.exec(lower)
      if (!m) continue
      const end = at + m[0].length
      if (SOFT_AFTER_RE.test(lower.slice(end))) continue
      out.push({start: at, end, better})
    }
  }
  // Longest first; on equal spans the one with a known direction (not `either`) first.
  out.sort((a, b) => a.start - b.start || b.end - a.end || Number(a.better === 'either') - Number(b.better === 'either'))
  return out.filter((s, i) => !out.slice(0, i).some((o) => s.start >= o.start && s.end <= o.end))
}

function collect(lower: string, table: ReadonlyArray<{re: RegExp; direction: Direction}>): TriggerSpan[] {
  const out: TriggerSpan[] = []
  for (const {re, direction} of table) {
    for (const m of allMatches(lower, re)) out.push({start: m.index, end: m.index + m[0].length, direction, word: m[0]})
  }
  return out.sort((a, b) => a.start - b.start)
}

function matches(lower: string, re: RegExp): Span[] {
  return allMatches(lower, re).map((m) => ({start: m.index, end: m.index + m[0].length}))
}

/** Lower case, line breaks and tabs as spaces, without changing the length (a unit whose lower case is longer stays as is). */
function lowerSameLength(text: string): string {
  // Whole-string lower-casing equals unit-by-unit lower-casing unless a unit
  // grows (İ), a surrogate pair changes (Deseret) or a final sigma appears.
  if (!/[\u0130\u03a3\ud800-\udfff]/.test(text)) {
    const lower = text.toLowerCase()
    if (lower.length === text.length) return lower.replace(/\s/g, ' ')
  }
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    const low = /\s/.test(ch) ? ' ' : ch.toLowerCase()
    out += low.length === 1 ? low : ch
  }
  return out
}
