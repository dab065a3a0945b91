/**
 * Section roles from heading text. The table is data: each role lists the
 * patterns (over the normalised heading) that give a heading that role.
 * A heading can have several roles ("Goals and Non-Goals").
 */
import {boundedMemo} from './memo.js'
import {letterRe, withFlags} from './letter-re.js'

export type SectionRole =
  | 'goals'
  | 'non-goals'
  | 'challenges'
  | 'narrative'
  | 'results'
  | 'practices'
  | 'roadmap'
  | 'lessons'
  | 'risks'
  | 'retrospective'
  | 'resources'

export interface RolePattern {
  role: SectionRole
  /** Matched against the normalised heading (lower case, no emoji, numbering or punctuation). */
  patterns: RegExp[]
  /** Patterns that veto the role even when a pattern matched. */
  except?: RegExp[]
  /** Text removed before matching (so "Non-goals" is not also "goals"). */
  ignoring?: RegExp
}

export const NON_GOALS_HEADING_RE =
  /\b(?:non[ -]?goals?|anti[ -]?goals?|out[ -]of[ -]scope|not in scope|scope boundar(?:y|ies)|(?:what|things) (?:we|i) (?:did not|didn ?t|do not|don ?t|won ?t|will not|are not|aren ?t|am not|chose not to|decided not to) (?:build|do|ship|cover|include|tackle|building|doing|shipping|covering)|^won ?t have|exclusions|(?:deliberately|intentionally|explicitly) (?:excluded|out[ -]of[ -]scope|left out|not (?:built|included|covered))|what this (?:.* )?(?:does not|doesn ?t|did not|didn ?t) (?:include|cover))\b/

export const SECTION_ROLES: readonly RolePattern[] = [
  {role: 'non-goals', patterns: [NON_GOALS_HEADING_RE]},
  {
    role: 'goals',
    patterns: [/\b(?:goals?|objectives?|aims?|requirements|success criteria|what we built)\b/],
    ignoring: NON_GOALS_HEADING_RE,
  },
  {
    role: 'challenges',
    patterns: [/\bchallenges?\b/, /\bproblems\b/, /\bobstacles?\b/, /\bpain ?points?\b/, /\bwhat went wrong\b/, /\bhurdles?\b/, /\bdifficult(?:y|ies)\b/],
    except: [/\bproblem statement\b/],
  },
  {role: 'narrative', patterns: [/\bproblem statement\b/, /^context\b/, /\bbackground\b/, /^(?:the )?problem$/, /\bmotivation\b/]},
  {
    role: 'results',
    patterns: [/\bresults?\b/, /\bimpact\b/, /\boutcomes?\b/, /\bmetrics\b/, /\bkpis?\b/, /\bbenchmarks?\b/, /\bperformance (?:analysis|metrics|results)\b/],
    except: [/\bimpact (?:of|on) (?:the )?(?:change|proposal)\b/],
  },
  {role: 'practices', patterns: [/\bpractices?\b/]},
  {
    role: 'roadmap',
    patterns: [
      /\broadmap\b/,
      /\bfuture\b/,
      /\bnext steps?\b/,
      /\bwhat s next\b/,
      /\bplanned\b/,
      /\bupcoming\b/,
      /\bimprovements?\b/,
      /\btechnical debt\b/,
      /\bfollow[ -]?ups?\b/,
      /\btodo\b/,
    ],
  },
  {role: 'lessons', patterns: [/\blessons?\b/, /\blearnings?\b/, /\btakeaways?\b/, /\bwhat went well\b/]},
  {role: 'risks', patterns: [/\brisks?\b/, /\bmitigations?\b/, /\bdrawbacks?\b/, /\bcaveats?\b/]},
  {role: 'retrospective', patterns: [/\b(?:do|done) differently\b/, /\bin hindsight\b/, /\bretrospective\b/]},
  {role: 'resources', patterns: [/\bresources?\b/, /\blinks?\b/, /\breferences?\b/, /\bfurther reading\b/]},
]

const NUMBERING_RE = /^(?:(?:step|part|phase|section)\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.):]\s+/i
const SYMBOLS_RE = letterRe(String.raw`[^\p{L}\p{N}\s'’-]`, 'gu')

/** Lower case; emoji, numbering, markup and punctuation folded away (memoised: rules ask again for the same headings). */
export const normaliseHeading: (text: string) => string = boundedMemo((text) => foldHeading(text), 500)

function foldHeading(text: string): string {
  let out = text.normalize('NFKC').toLowerCase()
  out = out.replace(/[\u2010-\u2015\u2212\u00ad]/g, '-')
  out = out.replace(SYMBOLS_RE, ' ').replace(/\s+/g, ' ').trim()
  out = out.replace(NUMBERING_RE, '')
  out = out.replace(/^\d+\s+/, '')
  out = out.replace(/['’]/g, ' ').replace(/\s+/g, ' ').trim()
  return out
}

const globalPatterns = new WeakMap<RegExp, RegExp>()

function globalOf(pattern: RegExp): RegExp {
  let global = globalPatterns.get(pattern)
  if (!global) {
    global = withFlags(pattern, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g')
    globalPatterns.set(pattern, global)
  }
  return global
}

export function classifyHeading(text: string): Set<SectionRole> {
  const normal = normaliseHeading(text)
  const roles = new Set<SectionRole>()
  for (const entry of SECTION_ROLES) {
    const subject = entry.ignoring ? normal.replace(globalOf(entry.ignoring), ' ') : normal
    if (entry.patterns.some((re) => re.test(subject)) && !entry.except?.some((re) => re.test(subject))) roles.add(entry.role)
  }
  return roles
}
