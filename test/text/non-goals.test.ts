import {describe, expect, it} from 'vitest'
import {NON_GOALS_LINE_LABEL_RE, hasNonGoalReason, isNonGoalFiller, isNonGoalsLabel, normaliseProse} from '../../src/text/non-goals.js'

describe('isNonGoalsLabel', () => {
  it.each([
    ['Non-goals', true],
    ['Non goals', true],
    ['Non\u2011Goals', true],
    ['Out of scope', true],
    ['Out of scope for v1', true],
    ['Not in scope', true],
    ['Anti-goals', true],
    ['The non-goals', true],
    ['Deliberately excluded', true],
    ["What we didn't build", true],
    // near misses
    ['Goals', false],
    ['This is out of scope', false],
    ['Scope', false],
    ['Non-goals are listed in the appendix because the list is long', false],
  ])('%s → %s', (label, expected) => {
    expect(isNonGoalsLabel(label)).toBe(expected)
  })
})

describe('NON_GOALS_LINE_LABEL_RE', () => {
  it.each([
    ['• Non-goals: customer login', 'Non-goals', 'customer login'],
    ['Non-Goals', 'Non-Goals', undefined],
    ['- Out of scope: SMS', 'Out of scope', 'SMS'],
    ['🚫 Non-goals: none of the reports', 'Non-goals', 'none of the reports'],
  ])('%s', (line, label, rest) => {
    const match = NON_GOALS_LINE_LABEL_RE.exec(line)
    expect(match?.[1]).toBe(label)
    expect(match?.[2]).toBe(rest)
  })
})

describe('normaliseProse', () => {
  it.each([
    ["What we didn't build", 'what we did not build'],
    ['What’s planned for V2?', 'what is planned for v2'],
    ['NON_GOAL_1: Mobile -- app', 'non goal 1 mobile app'],
  ])('%s', (text, normal) => {
    expect(normaliseProse(text)).toBe(normal)
  })
})

describe('isNonGoalFiller', () => {
  it.each([
    ['NON_GOAL_1', true],
    ['NON\\_GOAL\\_2', true],
    ['[What you chose not to build]', true],
    ['TBD', true],
    ['NON_GOAL_1: What you explicitly did not build -- and briefly why.', true],
    ["NON_GOAL_1: What we explicitly didn't build", true],
    ["NON_GOAL_2: What's planned for v2", true],
    ['Listing non-goals is one of the strongest signals of engineering maturity.', true],
    ['\uFFFC', true],
    // starts like the template prompt, so it reads as the prompt
    ['What is planned for v2 lives in the roadmap: offline mode and sharing.', true],
    // real content
    ['Mobile app (planned for v2)', false],
    ['NON_GOAL_1: Mobile app, deferred', false],
    ['Offline mode', false],
    ['None: every feature we discussed shipped.', false],
  ])('%s → %s', (text, expected) => {
    expect(isNonGoalFiller(text)).toBe(expected)
  })
})

describe('hasNonGoalReason', () => {
  it.each([
    ['Mobile app, because most sellers use a laptop', true],
    ['Mobile app (deferred)', true],
    ['Mobile app — sellers use laptops', true],
    ['Mobile app -- sellers use laptops', true],
    ['Mobile app: sellers use laptops', true],
    ['Mobile app in v2', true],
    ['Multi-currency pricing, out of scope for this release', true],
    ['Mobile app, deferred to the next release', true],
    ['Mobile app. Sellers use laptops.', true],
    // no reason
    ['Mobile app', false],
    ['Real-time sync', false],
    ['Self-service sign-up', false],
    ['Seller analytics dashboard', false],
    ['Support for v', false],
  ])('%s → %s', (text, expected) => {
    expect(hasNonGoalReason(text)).toBe(expected)
  })
})
