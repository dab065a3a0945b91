/**
 * Acceptance: each shared template, linted as-is with `no-placeholders`,
 * reports its prompts. The templates are read from ../shared (never copied);
 * the assertions name specific placeholders, not just counts.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {LintMessage} from '../src/engine.js'
import {lintWith, SHARED} from './helpers.js'

const TEMPLATES = join(SHARED, 'templates')
const ID = 'no-placeholders'

async function findings(file: string): Promise<LintMessage[]> {
  const path = join(TEMPLATES, file)
  const result = await lintWith(readFileSync(path, 'utf8'), path, {[ID]: undefined})
  return result.messages.filter((message) => message.ruleId === ID)
}

/** `line actual` for each finding, to assert placeholders at their lines. */
const located = (messages: readonly LintMessage[]): string[] => messages.map((m) => `${m.line} ${m.actual}`)

describe.runIf(existsSync(TEMPLATES))('no-placeholders on the shared templates', () => {
  it('how-we-built.md: front matter, title, prompts and the code-fence language', async () => {
    const messages = await findings('how-we-built.md')
    expect(located(messages)).toEqual(
      expect.arrayContaining([
        '2 [slug-for-url]',
        '3 [Project Name]',
        '5 [technology]',
        '6 [YYYY-MM-DD]',
        '7 [project]',
        '10 [Project Name]',
        '16 [Describe the problem you set out to solve]',
        '19 [Requirement 1]',
        '48 [Language and version]',
        '75 [Role 1]',
        '75 [Responsibilities]',
        '85 [Date]',
        '91 [Key Feature 1]',
        '95 [language]',
        '144 [language]',
        '186 [URL if public]',
      ]),
    )
    const slug = messages.find((m) => m.actual === '[slug-for-url]')!
    expect(slug.message).toBe('Unfilled front-matter value `[slug-for-url]` in `slug`, expected a real slug')
    expect(messages.find((m) => m.line === 95)!.message).toBe('Placeholder code-fence language `[language]`, expected a language name')
    // The mermaid skeleton is code: `A[Component A]` is not prose.
    expect(messages.filter((m) => m.line >= 33 && m.line <= 36)).toEqual([])
    expect(messages.some((m) => /Component A/.test(m.actual ?? ''))).toBe(false)
  })

  it('case-study.mdx: tokens, bare template words, variable quantities and link targets', async () => {
    const messages = await findings('case-study.mdx')
    expect(located(messages)).toEqual(
      expect.arrayContaining([
        '19 YOUR_PROJECT_NAME',
        '21 (YOUR_GITHUB_URL)',
        '23 X people',
        '24 YOUR_ROLE',
        '25 X weeks/months',
        '33 GOAL_1',
        '39 NON_GOAL_1',
        '56 TECH',
        '56 REASON',
        '56 ALTERNATIVE_1',
        '57 ALTERNATIVE',
        '107 FEATURE',
        '234 CHALLENGE_1',
        '234 DIFFICULTY',
        '234 ALT_1',
        '234 SOLUTION',
        '234 TRADE_OFF',
        '306 X ms',
        '306 Y ms',
        '308 N months',
        '309 X',
        '309 Y',
        '311 X/week',
        '312 Y%',
        '320 LEARNING_1',
        '336 PERFORMANCE_IMPROVEMENT',
        '342 (YOUR_GITHUB_URL)',
      ]),
    )
    expect(messages.find((m) => m.actual === 'X ms')!.message).toBe('Unfilled placeholder `X ms`, expected a measured value')
    expect(messages.find((m) => m.actual === '(YOUR_GITHUB_URL)')!.message).toBe('Placeholder link target `(YOUR_GITHUB_URL)`, expected a real URL')
    // `PLACEHOLDER_TEXT` on line 10 is in a code span; the mermaid and ER diagrams are code.
    expect(messages.filter((m) => m.line === 10 || (m.line >= 69 && m.line <= 93))).toEqual([])
  })

  it('case-study-brief.md: the title prompt, technology prompts and the metrics table', async () => {
    const messages = await findings('case-study-brief.md')
    expect(located(messages)).toEqual(
      expect.arrayContaining(['1 [Project Name]', '27 [List technologies]', '45 x ms', '45 y ms', '45 z%', '46 x req/s', '47 x%']),
    )
    // `A[Client Entry Point]` and `E[Microservice 1]` are mermaid node labels, inside code.
    expect(messages.filter((m) => m.line >= 13 && m.line <= 22)).toEqual([])
  })

  it('platform-deep-dive.md: keyword stand-ins and link-to-* targets', async () => {
    const messages = await findings('platform-deep-dive.md')
    expect(located(messages)).toEqual(['6 keyword1', '6 keyword2', '6 keyword3', '88 (link-to-diagram)', '89 (link-to-docs)', '90 (link-to-metrics)'])
    expect(messages[0].message).toBe('Unfilled front-matter value `keyword1` in `keywords`, expected real keywords')
  })

  it('technical-deep-dive.md: title, date mask, benchmark masks and numbered stand-ins', async () => {
    const messages = await findings('technical-deep-dive.md')
    expect(located(messages)).toEqual(
      expect.arrayContaining([
        '1 [Technical Deep Dive Title]',
        '7 YYYY-MM-DD',
        '76 Xms',
        '76 Yms',
        '76 Z%',
        '77 X/s',
        '78 XMB',
        '143 [Symptom]',
        '152 Pro 1',
        '159 Improvement 1',
        '177 Lesson 1',
        '200 [Date]',
      ]),
    )
    expect(messages.find((m) => m.actual === 'YYYY-MM-DD')!.message).toBe('Unfilled placeholder `YYYY-MM-DD`, expected a real date')
    // The ASCII-art and mermaid prompts sit inside code blocks.
    expect(messages.filter((m) => m.line === 35 || m.line === 45)).toEqual([])
  })
})
