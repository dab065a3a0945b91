import {describe, expect, it} from 'vitest'
import {claimVeto, clauseAround, clauseVeto, quotedRanges, sentenceVeto, FIRST_PERSON_RE, OTHER_OWNER_BEFORE_RE, PASSIVE_CLAUSE_RE, PATIENT_BEFORE_RE, SUBJECT_TO_BEFORE_RE, type ClaimVeto} from '../../src/text/claim-cues.js'

describe('claimVeto', () => {
  const cases: Array<[sentence: string, veto: ClaimVeto | null]> = [
    // affirmative statements
    ['We rate-limit `/login` to 5 requests per minute per IP.', null],
    ['Passwords are hashed with bcrypt before they are stored.', null],
    ['Sessions live in Redis with a 30 minute TTL.', null],
    ['For example, we cache product pages at the edge.', null],
    // negated
    ['There is no Redis cache layer.', 'negation'],
    ['TypeScript — not used', 'negation'],
    ["We don't cache anything yet.", 'negation'],
    ['We shipped without rate limiting.', 'negation'],
    // planned or future
    ['CSRF tokens are v2.', 'plan'],
    ['We plan to add rate limiting.', 'plan'],
    ['We will add a cache in front of the API.', 'plan'],
    ["We'll move secrets to a vault next quarter.", 'plan'],
    ['Caching is on the roadmap.', 'plan'],
    ['We considered caching responses.', 'plan'],
    // hypothetical or advice
    ['At 10x load, our connection pool would saturate.', 'hypothetical'],
    ['If traffic grows, caching could help.', 'hypothetical'],
    ['Teams should rate-limit public endpoints.', 'hypothetical'],
    ["I'd add error tracking from day one.", 'hypothetical'],
    ['Operators can deploy an OpenTelemetry collector on each node.', 'hypothetical'],
    // questions and instructions to the author
    ['Which columns are indexed and why?', 'question'],
    ['Specify what is cached and where.', 'imperative'],
    ['Include evidence from `EXPLAIN ANALYZE`.', 'imperative'],
  ]
  it.each(cases)('%s → %s', (sentence, veto) => expect(claimVeto(sentence)).toBe(veto))

  it('splits vetoes between the sentence and its clauses', () => {
    expect(sentenceVeto('Does it cache?')).toBe('question')
    expect(clauseVeto('we cache sessions in Redis')).toBeNull()
  })
})

describe('clauseAround', () => {
  const cases: Array<[sentence: string, word: string, clause: string]> = [
    ['We rate-limit logins; CSRF tokens are v2.', 'rate-limit', 'We rate-limit logins'],
    ['We rate-limit logins; CSRF tokens are v2.', 'CSRF', 'CSRF tokens are v2.'],
    ['Sessions are cached, but search is not.', 'cached', 'Sessions are cached,'],
    ['TypeScript — not used; v2 migration planned', 'TypeScript', 'TypeScript — not used'],
  ]
  it.each(cases)('%s / %s', (sentence, word, clause) => {
    const at = sentence.indexOf(word)
    const range = clauseAround(sentence, at)
    expect(sentence.slice(range.start, range.end)).toBe(clause)
  })
})

describe('FIRST_PERSON_RE', () => {
  it.each(['We cache it', 'our cache', 'I added it', "we've added it", 'for us'])('matches %s', (text) => expect(FIRST_PERSON_RE.test(text)).toBe(true))
  it.each(['Weather data', 'the user', 'Items are cached', 'Yours truly'])('does not match %s', (text) => expect(FIRST_PERSON_RE.test(text)).toBe(false))
})

describe('quotedRanges', () => {
  it('finds double-quoted and curly-quoted text', () => {
    const text = 'Example: "We cache sessions in Redis." and “rate limits apply” but not "x".'
    expect(quotedRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['"We cache sessions in Redis."', '“rate limits apply”'])
  })
})

describe('ownership and passives before a mention', () => {
  const other: Array<[before: string, matches: boolean]> = [
    ["The payment provider's ", true],
    ["GitHub's strict ", true],
    ['their ', true],
    ['We apply ', false],
    ['Our ', false],
  ]
  it.each(other)('OTHER_OWNER_BEFORE_RE %s → %s', (before, matches) => expect(OTHER_OWNER_BEFORE_RE.test(before)).toBe(matches))

  const subject: Array<[before: string, matches: boolean]> = [
    ['We kept hitting the upstream ', true],
    ['Requests exceeded the ', true],
    ['We respect their ', true],
    ['Our retry loop triggered ', true],
    ['We added ', false],
    ['Logins are ', false],
  ]
  it.each(subject)('SUBJECT_TO_BEFORE_RE %s → %s', (before, matches) => expect(SUBJECT_TO_BEFORE_RE.test(before)).toBe(matches))

  const patient: Array<[before: string, matches: boolean]> = [
    ['We were ', true],
    ['During the import we kept getting ', true],
    ['I was repeatedly ', true],
    ['Our login endpoint is ', false],
    ['Logins were ', false],
  ]
  it.each(patient)('PATIENT_BEFORE_RE %s → %s', (before, matches) => expect(PATIENT_BEFORE_RE.test(before)).toBe(matches))

  const passive: Array<[clause: string, matches: boolean]> = [
    ['passwords are hashed with argon2id', true],
    ['keys were rotated through Vault', true],
    ['pages are always cached at the edge', true],
    ['the pool is large', false],
    ['Redis holds sessions', false],
  ]
  it.each(passive)('PASSIVE_CLAUSE_RE %s → %s', (clause, matches) => expect(PASSIVE_CLAUSE_RE.test(clause)).toBe(matches))
})
