import {describe, expect, it} from 'vitest'
import {classifyHeading, normaliseHeading, type SectionRole} from '../../src/text/section-roles.js'

const cases: Array<[heading: string, roles: SectionRole[]]> = [
  // non-goals
  ['Non-Goals', ['non-goals']],
  ['Non goals', ['non-goals']],
  ['Nongoals', ['non-goals']],
  ['Non\u2011goals', ['non-goals']],
  ['Non\u2013Goals', ['non-goals']],
  ['Non-Goals (Scope Boundaries)', ['non-goals']],
  ['Out of scope', ['non-goals']],
  ['Out-of-scope', ['non-goals']],
  ['Not in scope', ['non-goals']],
  ['Scope boundaries', ['non-goals']],
  ["What we didn't build", ['non-goals']],
  ['What we didn\u2019t build', ['non-goals']],
  ['What we did not build', ['non-goals']],
  ['What I chose not to build', ['non-goals']],
  ['What we are not doing', ['non-goals']],
  ["Things we didn't build", ['non-goals']],
  ["Won't have (this time)", ['non-goals']],
  ['Exclusions', ['non-goals']],
  ['What this template does NOT include', ['non-goals']],
  ['What this release does not include', ['non-goals']],
  ['Anti-goals', ['non-goals']],
  ['Deliberately excluded', ['non-goals']],
  ['Intentionally left out', ['non-goals']],
  ['3. Non-Goals', ['non-goals']],
  ['Goals and Non-Goals', ['non-goals', 'goals']],
  // goals, not non-goals
  ['Goals', ['goals']],
  ['🎯 Goals', ['goals']],
  ['What We Built', ['goals']],
  // challenges
  ['Challenges', ['challenges']],
  ['The Challenge', ['challenges']],
  ['Key Challenges Faced', ['challenges']],
  ['2. Key Challenges Faced', ['challenges']],
  ['Challenges Overcome', ['challenges']],
  ['Challenges and Solutions', ['challenges']],
  ['Technical Challenges & Solutions', ['challenges']],
  ['Business Challenge', ['challenges']],
  ['Problems', ['challenges']],
  ['Obstacles', ['challenges']],
  ['Pain points', ['challenges']],
  ['What went wrong', ['challenges']],
  // narrative, not challenges
  ['Problem Statement', ['narrative']],
  ['Context', ['narrative']],
  ['Context & Problem Statement', ['narrative']],
  ['The Problem', ['narrative']],
  // near misses: no role
  ['Scope', []],
  ['Scoping the work', []],
  ['Architecture', []],
  ['Going out for lunch', []],
]

describe('classifyHeading', () => {
  it.each(cases)('%s', (heading, roles) => {
    expect([...classifyHeading(heading)].sort()).toEqual([...roles].sort())
  })
})

describe('normaliseHeading', () => {
  it.each([
    ['## 1. Non‑Goals 🚫', '## 1. Non‑Goals 🚫', 'non-goals'],
    ["What we didn't build", "What we didn't build", 'what we didn t build'],
  ])('%s', (_name, heading, normal) => {
    expect(normaliseHeading(heading)).toBe(normal)
  })
})
