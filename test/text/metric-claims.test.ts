import {describe, expect, it} from 'vitest'
import {findMetricClaims, firstCharacters, hasMeasurableSubject, MEASURABLE_SUBJECTS, NOT_RESULTS_HEADING_RE, type ClaimOptions} from '../../src/text/metric-claims.js'

/** Sentence → the claim phrase found (first one), with the options used. */
const CLAIMS: ReadonlyArray<[string, string, ClaimOptions?]> = [
  ['We significantly reduced latency on the search API.', 'significantly reduced latency'],
  ['Build times dropped after the cache landed.', 'Build times dropped'],
  ['Costs were reduced across the board.', 'Costs were reduced'],
  ['The change cut cloud spend for the team.', 'cut cloud spend'],
  ['Automation saved time for the support team.', 'saved time'],
  ['It reduced the number of incidents.', 'reduced the number of incidents'],
  ['Deploys are now faster.', 'faster'],
  ['Checkout is now considerably faster.', 'considerably faster'],
  ['We now see fewer incidents.', 'fewer incidents'],
  ['The team saw substantially fewer manual adjustments.', 'substantially fewer manual adjustments'],
  ['The rollout brought measurable results.', 'measurable results'],
  ['The release was followed by a reduction in overtime hours.', 'reduction in overtime hours'],
  ['Clear metrics demonstrated performance improvements.', 'performance improvements'],
  ['Reduced report generation time.', 'Reduced report generation time'],
  ['Reduces manual effort for the ops team.', 'Reduces manual effort', {baseForms: true}],
  ['Logs standardise tone and reduce manual drafting.', 'reduce manual drafting', {baseForms: true}],
  ['Integration increased adoption.', 'increased adoption'],
  ['Higher staff efficiency', 'Higher staff efficiency'],
  ['The redesign improved render passes.', 'improved render passes', {subjects: ['render passes']}],
]

/** Sentences that hold no claim (with the options used). */
const NOT_CLAIMS: ReadonlyArray<[string, ClaimOptions?]> = [
  ['We will reduce latency next quarter.'],
  ['Our goal is faster builds.'],
  ['We aim to cut costs by moving to spot instances.'],
  ['To improve throughput, we added a queue.'],
  ['If latency increases, the pool scales out.'],
  ['Caching can reduce load on the database.'],
  ['Batching may slightly increase memory usage.'],
  ['A CDN would improve load times.'],
  ['Did the cache improve response times?'],
  ['The migration did not reduce costs.'],
  ['We saw no significant change in error rates.'],
  ['Improved usability and better collaboration.'],
  ['Enhanced developer experience.'],
  ['Improved code quality and consistency.'],
  ['Latency increased whenever the provider slowed down.'],
  ['Error rates increase as workflows grow.'],
  ['Caching reduces latency for repeat visitors.', {realis: true}],
  ['A faster serialiser would help.', {realis: true}],
  ['Reduce travel time.'],
  ['It lets users better utilize the memory they have.', {realis: true}],
  ['Improved over time.'],
  ['The error handling was improved.'],
  ['Better control over resources.', {context: 'It empowers users to:', realis: true}],
  ['Leaders want automation that reduces admin effort.'],
]

describe('findMetricClaims', () => {
  for (const [sentence, phrase, options] of CLAIMS) {
    it(`finds \`${phrase}\` in "${sentence}"`, () => {
      const claims = findMetricClaims(sentence, options)
      expect(claims.length).toBeGreaterThan(0)
      expect(sentence.slice(claims[0].start, claims[0].end)).toBe(phrase)
    })
  }
  for (const [sentence, options] of NOT_CLAIMS) {
    it(`finds nothing in "${sentence}"`, () => {
      expect(findMetricClaims(sentence, options).map((c) => sentence.slice(c.start, c.end))).toEqual([])
    })
  }
})

describe('hasMeasurableSubject', () => {
  it.each(['Cost Reduction', 'Uptime', 'Build time', 'Conversion rate', 'Manual work'])('%s is measurable', (text) => {
    expect(hasMeasurableSubject(text)).toBe(true)
  })
  it.each(['Usability', 'Consistency', 'Collaboration', 'Developer experience', 'Code quality'])('%s is not', (text) => {
    expect(hasMeasurableSubject(text)).toBe(false)
  })
})

describe('line breaks inside a sentence', () => {
  it('match like spaces', () => {
    const sentence = 'Build\ntimes dropped after the cache landed.'
    const [claim] = findMetricClaims(sentence)
    expect(sentence.slice(claim.start, claim.end)).toBe('Build\ntimes dropped')
  })
})

describe('subject with a short phrase before its verb', () => {
  it('still pairs', () => {
    const sentence = 'Support emails about order status decreased after the launch.'
    const [claim] = findMetricClaims(sentence)
    expect(sentence.slice(claim.start, claim.end)).toBe('Support emails about order status decreased')
  })
})

describe('removals and compounds are not changes', () => {
  it.each([
    'We dropped the legacy users table.',
    'We dropped the error column from the export.',
    'The team reduced the latency histogram buckets.',
    'Improved the error handling.',
  ])('%s', (sentence) => {
    expect(findMetricClaims(sentence)).toEqual([])
  })
})

describe('recovery after a problem', () => {
  it.each(['Error rates dropped back to baseline after the rollback.', 'Latency fell to normal once the pool was restored.'])('%s', (sentence) => {
    expect(findMetricClaims(sentence)).toEqual([])
  })
})

describe('bracketed prompts', () => {
  it('hold no claim', () => {
    expect(findMetricClaims('Team efficiency: [Development velocity improvements]', {baseForms: true})).toEqual([])
  })
})

describe('NOT_RESULTS_HEADING_RE', () => {
  it.each(['Result object', 'Results type', 'Impact of immediate flow on streams', 'Expected results', 'How we measure impact'])('%s is not a results heading', (heading) => {
    expect(NOT_RESULTS_HEADING_RE.test(heading)).toBe(true)
  })
  it.each(['Results', 'Results & Impact', 'Business impact', 'Outcomes', 'Key metrics', 'Impact on checkout'])('%s can be a results heading', (heading) => {
    expect(NOT_RESULTS_HEADING_RE.test(heading)).toBe(false)
  })
})

describe('firstCharacters (subject buckets)', () => {
  it('reads the first characters of literals, groups and alternatives', () => {
    expect(firstCharacters('latenc(?:y|ies)')).toEqual(new Set(['l']))
    expect(firstCharacters('mttr|ttfb|(?:cloud|aws) bills?')).toEqual(new Set(['m', 't', 'c', 'a']))
  })
  it('gives up on classes and optional first parts', () => {
    expect(firstCharacters('[a-z]+(?:ing|ion) times?')).toBeNull()
    expect(firstCharacters('(?:active |new )?users')).toBeNull()
    expect(firstCharacters('a?b')).toBeNull()
  })
  it('is right for every built-in subject pattern', () => {
    const sample = 'latency response times page loads mean time to recovery core web vitals costs cloud bills active users ' +
      'error rates conversion rates p95 memory usage docker image sizes hand-offs support tickets time-to-first-byte overtime hours'
    for (const subject of MEASURABLE_SUBJECTS) {
      const first = firstCharacters(subject.pattern)
      if (!first) continue
      const re = new RegExp(`(?:${subject.pattern})`, 'g')
      for (const match of sample.matchAll(re)) expect(first.has(match[0][0]), `${subject.pattern} at ${match[0]}`).toBe(true)
    }
  })
})
