import {describe, expect, it} from 'vitest'
import {
  CHALLENGE_COLUMN_RE,
  CHALLENGE_INTRO_LABEL_RE,
  CHALLENGE_NUMBERING_RE,
  CHALLENGE_PROMPT_RE,
  NON_CHALLENGE_GROUP_RE,
  NON_CHALLENGE_LABEL_RE,
  SOLUTION_SEGMENT_RE,
  WHY_HARD_COLUMN_RE,
  challengeShape,
  hasChallengeDetail,
  isChallengeTemplatePrompt,
  isGerund,
  type ChallengeShape,
} from '../../src/text/challenges.js'

describe('challengeShape', () => {
  it.each<[string, ChallengeShape | null]>([
    // <topic> was hard
    ['Deployment was hard', 'difficulty'],
    ['State management was tricky.', 'difficulty'],
    ['The release process was quite painful', 'difficulty'],
    ['Testing the payment flow is time-consuming', 'difficulty'],
    ['Data consistency: it was a challenge', 'difficulty'],
    ['it was a challenge', 'difficulty'],
    ['Getting the build to work on Windows was painful', 'difficulty'],
    ['It was hard to keep the docs in sync', 'difficulty'],
    // gerund phrases
    ['Streamlining the documentation workflow', 'gerund'],
    ['Ensuring consistency across documentation', 'gerund'],
    ['Managing state across micro-frontends', 'gerund'],
    ['Handling edge cases', 'gerund'],
    ['Keeping the API docs up to date', 'gerund'],
    ['Scaling', 'gerund'],
    ['Making the documentation accessible to developers with varying levels of blockchain experience', 'gerund'],
    // noun phrases
    ['Performance issues', 'noun-phrase'],
    ['Scalability', 'noun-phrase'],
    ['Time constraints', 'noun-phrase'],
    ['Large payload sizes', 'noun-phrase'],
    ['Large payload sizes affecting client performance', 'noun-phrase'],
    ['Stripe payment integration issues', 'noun-phrase'],
    ['Architecture drift', 'noun-phrase'],
    ['Legacy system limitations', 'noun-phrase'],
    ['Lack of documentation', 'noun-phrase'],
    ['Poorly documented legacy code', 'noun-phrase'],
    ['Slow onboarding', 'noun-phrase'],
    // near misses: symptoms and sentences
    ['Two buyers could purchase the last item simultaneously because our inventory check and decrement were not atomic.', null],
    ['Checkout crashed', null],
    ['Documentation lagged behind the code', null],
    ['CI was slow', null],
    ['Limited access to production data', null],
    ['Builds took forever', null],
    ['Users abandoned carts', null],
    ['Transcript extraction from the lecture platform', null],
    ['Using Redis for session storage', null],
    ['What was broken or missing?', null],
    ['Show an icon for incomplete items', null],
    ['Making the documentation accessible to developers with varying levels of blockchain experience and tooling', null],
    ['Our team lacked performance budgets for the product grid', null],
    ['', null],
  ])('%s → %s', (head, shape) => {
    expect(challengeShape(head)).toBe(shape)
  })
})

describe('hasChallengeDetail', () => {
  it.each([
    ['N+1 query issues in REST endpoints', true],
    ['Checkout timed out under load', true],
    ['Customers were double-charged', true],
    ['Workers ran out of memory (OOM) on large imports', true],
    ['Stale reads from the replica', true],
    ['Race between two writers', true],
    ['The API returned 5xx errors', true],
    ['Builds broke whenever a lockfile changed', true],
    ['Keeping 7 people’s work integrated', true],
    ['Pages took 9 s to render', true],
    ['Slow checkout due to a missing index', true],
    ['Errors after each deploy', true],
    // no detail
    ['Performance issues', false],
    ['Stripe payment integration issues', false],
    ['Error handling', false],
    ['Ensuring consistency across documentation', false],
    ['Supporting multiple output formats', false],
    ['Architecture drift', false],
    ['Scaling the backend in Kubernetes', false],
  ])('%s → %s', (text, expected) => {
    expect(hasChallengeDetail(text)).toBe(expected)
  })
})

describe('isGerund', () => {
  it.each([
    ['ensuring', true],
    ['handling', true],
    ['scaling', true],
    ['thing', false],
    ['string', false],
    ['during', false],
    ['morning', false],
    ['using', false],
    ['bring', false],
  ])('%s → %s', (word, expected) => {
    expect(isGerund(word)).toBe(expected)
  })
})

describe('SOLUTION_SEGMENT_RE', () => {
  it.each([
    ['we added dependency-cruiser to CI', true],
    ['Solution: implemented GraphQL with DataLoader', true],
    ['Fixed by batching the writes', true],
    ['To solve this, we cached the token', true],
    ['→ moved to a queue', true],
    ['added remote caching', true],
    ['I switched to optimistic locking', true],
    ['the queue grew without bound', false],
    ['learning curve with GraphQL', false],
    ['CORS, auth and a changing DOM', false],
    ['sync conflicts', false],
  ])('%s → %s', (text, expected) => {
    expect(SOLUTION_SEGMENT_RE.test(text)).toBe(expected)
  })
})

describe('labels, columns and groups', () => {
  it.each([
    [CHALLENGE_INTRO_LABEL_RE, 'Challenge', true],
    [CHALLENGE_INTRO_LABEL_RE, 'The Problem', true],
    [CHALLENGE_INTRO_LABEL_RE, 'Cold starts', false],
    [NON_CHALLENGE_LABEL_RE, 'Solution', true],
    [NON_CHALLENGE_LABEL_RE, 'What I learned', true],
    [NON_CHALLENGE_LABEL_RE, 'Investigation', true],
    [NON_CHALLENGE_LABEL_RE, 'Data consistency', false],
    [CHALLENGE_COLUMN_RE, 'Challenge', true],
    [CHALLENGE_COLUMN_RE, 'Problem', true],
    [CHALLENGE_COLUMN_RE, 'Pain point', true],
    [CHALLENGE_COLUMN_RE, 'Decision', false],
    [CHALLENGE_COLUMN_RE, 'Problem statement', false],
    [WHY_HARD_COLUMN_RE, 'Why It Was Hard', true],
    [WHY_HARD_COLUMN_RE, 'Root cause', true],
    [WHY_HARD_COLUMN_RE, 'Description', true],
    [WHY_HARD_COLUMN_RE, 'Why it mattered', true],
    [WHY_HARD_COLUMN_RE, 'Solution', false],
    [WHY_HARD_COLUMN_RE, 'Trade-off', false],
    [NON_CHALLENGE_GROUP_RE, 'Key Constraints', true],
    [NON_CHALLENGE_GROUP_RE, 'Requirements', true],
    [NON_CHALLENGE_GROUP_RE, 'Database schema evolution', false],
    [CHALLENGE_PROMPT_RE, 'Challenge 1', true],
    [CHALLENGE_PROMPT_RE, 'Describe the main obstacle', true],
    [CHALLENGE_PROMPT_RE, 'How you handled performance', true],
    [CHALLENGE_PROMPT_RE, 'Challenges of scale', false],
    [CHALLENGE_PROMPT_RE, 'Challenge 1: Scaling the ingest pipeline', false],
    [CHALLENGE_NUMBERING_RE, 'Challenge 1: Scaling the ingest pipeline', true],
    [CHALLENGE_NUMBERING_RE, '2. Testing', true],
    [CHALLENGE_NUMBERING_RE, 'Problem #3 — stale caches', true],
    [CHALLENGE_NUMBERING_RE, '2FA rollout', false],
    [CHALLENGE_NUMBERING_RE, 'Challenges of scale', false],
    [CHALLENGE_PROMPT_RE, 'Listing pagination', false],
  ])('%s %s → %s', (re, text, expected) => {
    expect(re.test(text)).toBe(expected)
  })

  it.each([
    ['Pain points', true],
    ['Technical context', true],
    ['Limitations of existing solution', true],
    ['Pain points in the checkout flow', false],
  ])('template prompt %s → %s', (text, expected) => {
    expect(isChallengeTemplatePrompt(text)).toBe(expected)
  })
})
