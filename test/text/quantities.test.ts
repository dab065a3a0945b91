import {describe, expect, it} from 'vitest'
import {findQuantities, hasQuantity, type QuantityKind} from '../../src/text/quantities.js'

/** Text → the quantities found, as `[text, kind]`. */
const MATCHES: ReadonlyArray<[string, Array<[string, QuantityKind]>]> = [
  ['p50 latency fell to 120 ms', [['120 ms', 'measure']]],
  ['down to 120ms', [['120ms', 'measure']]],
  ['conversion rose 40%', [['40%', 'percent']]],
  ['a 12 percent lift', [['12 percent', 'percent']]],
  ['builds are 3x faster', [['3x', 'multiplier']]],
  ['builds are 10X faster', [['10X', 'multiplier']]],
  ['throughput ×3', [['×3', 'multiplier']]],
  ['a 2.5× speed-up', [['2.5×', 'multiplier']]],
  ['it costs $49/month', [['$49/month', 'money']]],
  ['saved €2k a year', [['€2k', 'money']]],
  ['1.2M requests a day', [['1.2M', 'measure']]],
  ['2,000 customers', [['2,000', 'count']]],
  ['3-5 engineers', [['3-5', 'range']]],
  ['10–20% fewer errors', [['10–20%', 'range']]],
  ['took 2 weeks', [['2 weeks', 'measure']]],
  ['a 2-week sprint', [['2-week', 'measure']]],
  ['a 10-fold increase', [['10-fold', 'multiplier']]],
  ['startup in 3.2s', [['3.2s', 'measure']]],
  ['we served 2000 users', [['2000', 'count']]],
  ['we have 12 services', [['12', 'count']]],
  ['cut the bundle to 180 KB', [['180 KB', 'measure']]],
  ['-20% churn', [['20%', 'percent']]],
  ['0.5 seconds', [['0.5 seconds', 'measure']]],
  ['USD 500 a month', [['USD 500', 'money']]],
  ['twice as fast', [['twice', 'word']]],
  ['halved the build time', [['halved', 'word']]],
  ['dozens of tickets', [['dozens', 'word']]],
  ['hundreds of hours', [['hundreds', 'word']]],
  ['three weeks earlier', [['three', 'word']]],
  ['in one week', [['one week', 'word']]],
  ['in a single day', [['a single day', 'word']]],
  ['single-digit latency', [['single-digit', 'word']]],
  ['an order of magnitude faster', [['order of magnitude', 'word']]],
  ['from weeks to days', [['from weeks to days', 'transition']]],
  ['from hours to minutes', [['from hours to minutes', 'transition']]],
  ['onboarding went from weeks to a few days', [['from weeks to a few days', 'transition']]],
  ['deploys dropped from days → hours', [['from days → hours', 'transition']]],
  ['at 6 River Systems we cut 30% of spend', [['30%', 'percent']]],
]

/** Near misses: text with no quantity. */
const NEAR_MISSES: readonly string[] = [
  'p95 latency improved',
  'Q4 planning',
  'Web3 wallets',
  'B2B customers',
  'stored in S3',
  'the v2 API',
  'OAuth2 login',
  'GPT-4 summaries',
  'Metric 1',
  'Goal 2: ship it',
  'Phase 3 of the rollout',
  'Step 3-5 are manual',
  'at 6 River Systems we worked',
  'in 2023 we moved',
  'from 2022-2024',
  'released on 2023-05-01',
  'on 05/01/2023',
  'on May 12',
  'on 12 March',
  'Q4 2023',
  'the 3rd attempt',
  'at 10:30',
  'at 9am',
  'X ms',
  'z% of users',
  '$X per month',
  'N months',
  'from X% to Y%',
  'version 1.2.3',
  'Python 3 and Node 20',
  'issue #42',
  'a 3-tier app',
  '2FA for admins',
  '3D models',
  'in the 1990s',
  'single sign-on',
  'a single source of truth',
  'double-click the icon',
  'one of the services',
  'into a single prioritised list',
  'no one noticed',
  'zero-trust networking',
  '1. Setup',
  'hours of meetings',
]

describe('findQuantities', () => {
  for (const [text, expected] of MATCHES) {
    it(`finds ${JSON.stringify(expected.map((e) => e[0]))} in "${text}"`, () => {
      const found = findQuantities(text)
      expect(found.map((q) => [q.text, q.kind])).toEqual(expected)
      for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text)
    })
  }
  for (const text of NEAR_MISSES) {
    it(`finds nothing in "${text}"`, () => {
      expect(findQuantities(text)).toEqual([])
      expect(hasQuantity(text)).toBe(false)
    })
  }
})
