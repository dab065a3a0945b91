/**
 * Template knowledge: the shipped templates, their generated profiles,
 * heading keys and mojibake repair, sentence matching (with its tolerance for
 * small edits and its near misses), detection, team templates, and each
 * built-in template linted as-is.
 */
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {beforeAll, describe, expect, it} from 'vitest'
import {buildDocumentIndex, type MdNode} from '../src/document.js'
import {createParser} from '../src/processor.js'
import {BUILTIN_TEMPLATES, BUILTIN_TEMPLATE_NAMES, prepareTemplates, TEMPLATES_DIR, type TemplateCatalog} from '../src/templates/catalog.js'
import {detectTemplate, scoreTemplate} from '../src/templates/detect.js'
import {allowedEdits} from '../src/templates/match.js'
import {displayTitle, headingKey, isOnlyStandIns, normaliseSentence, repairMojibake} from '../src/templates/normalise.js'
import {restoreProfile, storeProfile} from '../src/templates/stored.js'
import {lintWith, SHARED} from './helpers.js'

let catalog: TemplateCatalog

beforeAll(async () => {
  catalog = await prepareTemplates([])
})

function index(source: string, path = 'doc.md') {
  const tree = createParser('markdown').parse(new VFile({path, value: source})) as MdNode
  return buildDocumentIndex(tree, source, path)
}

describe('shipped templates', () => {
  it('ships the five built-in templates', () => {
    expect(Object.values(BUILTIN_TEMPLATES).sort()).toEqual(readdirSync(TEMPLATES_DIR).sort())
  })

  it.runIf(existsSync(join(SHARED, 'templates')))('keeps them byte-identical to the shared templates', () => {
    for (const file of Object.values(BUILTIN_TEMPLATES)) {
      expect(readFileSync(join(TEMPLATES_DIR, file)).equals(readFileSync(join(SHARED, 'templates', file))), file).toBe(true)
    }
  })
})

describe('normalisation', () => {
  const HEADINGS: ReadonlyArray<[string, string]> = [
    ['The Challenge \uF8FFüéØ', 'challenge'],
    ['The Challenge üéØ', 'challenge'],
    ['The Challenge 🎯', 'challenge'],
    ['Results & Impact 📊', 'results impact'],
    ['Results and Impact', 'results impact'],
    ['Results / impact', 'results impact'],
    ['Summary (Excerpt)', 'summary'],
    ['🗄️ Database Design', 'database design'],
    ['2. Deployment & Operations', 'deployment operations'],
    ['Non-Goals (Scope Boundaries)', 'non goals'],
    ['Want to Learn More?', 'want to learn more'],
  ]
  for (const [title, key] of HEADINGS) it(`heading key of ${JSON.stringify(title)}`, () => expect(headingKey(title)).toBe(key))

  it('repairs mojibake only when the bytes decode', () => {
    expect(repairMojibake('Lessons Learned \uF8FFüìö')).toBe('Lessons Learned 📚')
    expect(repairMojibake('CafÃ© menu')).toBe('Café menu')
    expect(repairMojibake('naïve café, 日本語, déjà vu')).toBe('naïve café, 日本語, déjà vu')
    expect(displayTitle('Architecture Overview üèóÔ∏è')).toBe('Architecture Overview')
  })

  it('folds case, markdown and punctuation in sentences', () => {
    expect(normaliseSentence('Start with a *monolith*, split only -- when NECESSARY!')).toBe('start with a monolith split only when necessary')
    expect(normaliseSentence("We'd ship \uFFFC — GOAL_1, fast.")).toBe('wed ship \uFFFC goal_1 fast')
  })

  const STAND_INS: ReadonlyArray<[string, boolean]> = [
    ['[Component 1]: [Description and responsibility]', true],
    ['CHALLENGE_2', true],
    ['TECH', true],
    ['X ms', true],
    ['[Role 1]: [Responsibilities]', true],
    ['CHALLENGE_1 -- describe the specific symptom', false],
    ['Auth service: issues tokens', false],
  ]
  for (const [text, expected] of STAND_INS) it(`${expected ? 'only stand-ins' : 'has words'}: ${text}`, () => expect(isOnlyStandIns(text)).toBe(expected))
})

describe('profiles', () => {
  it('profiles every built-in template from its file', () => {
    expect(catalog.profiles.map((profile) => profile.name)).toEqual(BUILTIN_TEMPLATE_NAMES)
    for (const profile of catalog.profiles) {
      expect(profile.builtin).toBe(true)
      expect(profile.required.length, profile.name).toBeGreaterThanOrEqual(7)
      expect(profile.sentences.length, profile.name).toBeGreaterThan(0)
      for (const sentence of profile.sentences) expect(sentence.tokens.length, sentence.text).toBeGreaterThanOrEqual(5)
    }
  })

  it('takes the H2 headings as required sections, outside blockquotes', () => {
    const howWeBuilt = catalog.find('how-we-built')!
    expect(howWeBuilt.required.map((heading) => displayTitle(heading.title))).toEqual([
      'The Challenge',
      'Architecture Overview',
      'Technology Stack',
      'Development Process',
      'Technical Deep Dives',
      'Lessons Learned',
      'Deployment & Operations',
      'Results & Impact',
      'Future Roadmap',
      'Open Source & Community',
      'Resources & Links',
      'Want to Learn More?',
    ])
    expect(catalog.find('case-study')!.required.map((heading) => heading.key)).not.toContain('documentation index')
  })

  it('fingerprints guidance in paragraphs, JSX bodies, table cells and front matter, never headings or task items', () => {
    const caseStudy = catalog.find('case-study')!
    const keys = caseStudy.sentences.map((sentence) => sentence.key)
    expect(keys).toContain('only check boxes for practices you actually implemented')
    expect(keys).toContain('listing non goals is one of the strongest signals of engineering maturity')
    expect(keys).toContain('include the p95 to show tail latency not just averages')
    expect(keys.some((key) => key.includes('sql injection prevention'))).toBe(false)
    expect(catalog.find('platform-deep-dive')!.sentences.map((sentence) => sentence.key)).toContain('a brief description of your post 150 160 characters ideal for seo')
    expect(caseStudy.placeholders.has('YOUR_PROJECT_NAME')).toBe(true)
  })
})

describe('stored profiles', () => {
  it('restores exactly the profile they were made from', () => {
    for (const profile of catalog.profiles) {
      const source = readFileSync(profile.path, 'utf8')
      const restored = restoreProfile(JSON.parse(JSON.stringify(storeProfile(profile, 'x', source))), profile.path)
      expect(restored, profile.name).toEqual(profile)
    }
  })
})

describe('sentence matching', () => {
  const match = (text: string) => catalog.matcher.matchText(text)[0]?.template.name ?? null

  const CASES: ReadonlyArray<[string, string, string | null]> = [
    ['verbatim guidance', 'Only check boxes for practices you actually implemented.', 'case-study'],
    ['case and markdown changed', 'ONLY check boxes for *practices* you actually implemented', 'case-study'],
    ['a changed example word', 'Example: "Sellers lose 20% of orders because inventory is out of sync."', 'case-study'],
    ['stand-in replaced by the author', 'Checkout -- what pattern or approach you used and why', 'case-study'],
    ['stand-in dropped', 'What problem does this solve?', 'case-study'],
    ['template sentence inside a longer one', 'Start with a monolith, split only when necessary, which is what we did in 2021.', 'platform-deep-dive'],
    ['a cut-down template sentence', 'Brief overview of the client, challenge, and solution', 'case-study-brief'],
    ['too different', 'Only tick boxes for the practices your team actually shipped to production.', null],
    ['two changed words in a short sentence', 'Start with microservices, merge only when necessary', null],
    ['short generic sentence', 'Lessons learned', null],
  ]
  for (const [what, text, expected] of CASES) it(`${expected ? 'matches' : 'does not match'}: ${what}`, () => expect(match(text)).toBe(expected))

  it('allows one edit per six real words', () => {
    expect([5, 6, 11, 12, 18].map(allowedEdits)).toEqual([0, 1, 1, 2, 3])
  })
})

describe('detection', () => {
  it('detects each built-in template in its own file with score 1', () => {
    for (const profile of catalog.profiles) {
      const source = readFileSync(profile.path, 'utf8')
      if (profile.path.endsWith('.mdx')) continue // parsed as MDX by the engine; covered by the lint test below
      const detection = detectTemplate(index(source, profile.path), catalog.profiles)
      expect(detection.detected?.profile.name, profile.name).toBe(profile.name)
      expect(detection.detected?.score).toBe(1)
    }
  })

  it('matches headings across emoji, mangled emoji, `&`/`and` and depth', () => {
    const doc = index('# Shop\n\n## 🎯 The Challenge\n\nText.\n\n### Architecture overview\n\nText.\n\n## Technology Stack\n\nText.\n\n## Development process\n\nText.\n\n## Technical Deep Dives\n\nText.\n\n## Lessons learned\n\nText.\n\n## Deployment and Operations\n\nText.\n')
    const score = scoreTemplate(doc, catalog.find('how-we-built')!)
    expect(score.matched.length).toBe(7)
    expect(detectTemplate(doc, catalog.profiles).detected?.profile.name).toBe('how-we-built')
  })

  it('detects nothing below half of the H2 headings', () => {
    const doc = index('# Post\n\n## The Challenge\n\nText.\n\n## Lessons Learned\n\nText.\n\n## Results & Impact\n\nText.\n')
    const detection = detectTemplate(doc, catalog.profiles)
    expect(detection.detected).toBeNull()
    expect(detection.candidates[0].profile.name).toBe('how-we-built')
    expect(detection.candidates[0].score).toBe(0.25)
  })
})

describe('team templates', () => {
  it('profiles a template named in the config and detects copies of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csl-tpl-'))
    const path = join(dir, '_template.md')
    writeFileSync(path, '# <Project>\n\n## Problem\n\nWhat was broken, and who felt the pain of it?\n\n## Approach\n\nThe three decisions that shaped the solution, with their trade-offs.\n\n## Outcome\n\nMeasured results, with the numbers before and after.\n')
    const team = await prepareTemplates([path])
    const profile = team.find('_template')!
    expect(profile.builtin).toBe(false)
    expect(team.find(path)).toBe(profile)
    expect(team.find('docs/../_template.md') ?? team.find('_template.md')).toBe(profile)
    const doc = index('# Billing\n\n## Problem\n\nInvoices were sent twice.\n\n## Outcome\n\nMeasured results, with the numbers before and after.\n')
    expect(detectTemplate(doc, team.profiles).detected?.profile.name).toBe('_template')
    expect(team.matcher.matchText('Measured results, with the numbers before and after.')[0]?.template.name).toBe('_template')
  })

  it('reports an unreadable team template as a configuration error', async () => {
    await expect(prepareTemplates(['/nonexistent/_template.md'])).rejects.toThrow(/cannot read/)
  })
})

describe('built-in templates linted as-is', () => {
  for (const name of BUILTIN_TEMPLATE_NAMES) {
    it(`${name}: residue for its guidance, no missing or empty sections`, async () => {
      const path = join(TEMPLATES_DIR, BUILTIN_TEMPLATES[name])
      const result = await lintWith(readFileSync(path, 'utf8'), path, {'no-template-residue': undefined, 'require-sections': undefined})
      const residue = result.messages.filter((message) => message.ruleId === 'no-template-residue')
      expect(residue.length, name).toBeGreaterThanOrEqual(3)
      expect(residue.every((message) => message.message.includes(`template \`${name}\``) || message.message.startsWith('Leftover'))).toBe(true)
      expect(result.messages.filter((message) => message.ruleId === 'require-sections')).toEqual([])
    })
  }
})

describe('require-sections options', () => {
  const doc = '# Kiln\n\n## Executive Summary\n\nA kiln scheduler for a pottery studio.\n\n## Lessons Learned\n\nBook the kiln by load, not by hour.\n'

  it('checks against a named template even below the detection threshold', async () => {
    const result = await lintWith(doc, 'kiln.md', {'require-sections': {template: 'case-study-brief'}})
    const missing = result.messages.map((message) => message.message)
    expect(missing).toHaveLength(8)
    expect(missing[0]).toBe('Missing section `Business Challenge` of template `case-study-brief`, expected a heading `Business Challenge` with content')
    expect(result.messages[0]).toMatchObject({line: 5, column: 39})
  })

  it('stays silent with template false, and without a detected template under auto', async () => {
    expect((await lintWith(doc, 'kiln.md', {'require-sections': {template: false}})).messages).toEqual([])
    expect((await lintWith(doc, 'kiln.md', {'require-sections': undefined})).messages).toEqual([])
  })

  it('treats an unknown template name as a configuration problem', async () => {
    const result = await lintWith(doc, 'kiln.md', {'require-sections': {template: 'nope'}})
    expect(result.messages[0].message).toMatch(/unknown template `nope`/)
  })
})
