import {describe, expect, it} from 'vitest'
import {
  PLACEHOLDER_FENCE_LANGUAGE_RE,
  closingTagNames,
  expectedFor,
  findBareTemplateWord,
  findFrontMatterPlaceholders,
  findHtmlPrompts,
  findInlinePlaceholders,
  findNumberedStandIn,
  hasContentBeyond,
  isPlaceholderUrl,
  isTemplateToken,
} from '../../src/text/placeholder-patterns.js'

const found = (text: string): string[] => findInlinePlaceholders(text).map((m) => `${m.kind}:${m.text}`)

describe('findInlinePlaceholders: matches', () => {
  it.each([
    // bracketed prompts
    ['How We Built [Project Name]: From Concept to Production', ['prompt:[Project Name]']],
    ['[Describe the problem you set out to solve]', ['prompt:[Describe the problem you set out to solve]']],
    ['[Metric 1]: [Number/percentage with context]', ['prompt:[Metric 1]', 'prompt:[Number/percentage with context]']],
    ['Language: [Language and version]', ['prompt:[Language and version]']],
    ['In-depth exploration of [topic].', ['prompt:[topic]']],
    ['[Optional] Aggregation method:', ['prompt:[Optional]']],
    ['Dear [NAME], thanks', ['prompt:[NAME]']],
    ['[2-3 paragraphs about the context]', ['prompt:[2-3 paragraphs about the context]']],
    ['**[Milestone 1]** ([Date]): [Achievement]', ['prompt:[Milestone 1]', 'prompt:[Date]', 'prompt:[Achievement]']],
    // angle-bracket prompts written as text
    ['One-liner: <What / Who / Main outcome.>', ['prompt:<What / Who / Main outcome.>']],
    ['Backend: <...>', ['prompt:<...>']],
    ['Relationships: <A -> B, etc>', ['prompt:<A -> B, etc>']],
    ['Entities: <A, B, C>', ['prompt:<A, B, C>']],
    ['<2–6 bullets explaining the boundaries>', ['prompt:<2–6 bullets explaining the boundaries>']],
    ['Live: <URL>', ['prompt:<URL>']],
    // template tokens
    ['YOUR_PROJECT_NAME', ['token:YOUR_PROJECT_NAME']],
    ['GOAL_1: what problem does this solve', ['token:GOAL_1']],
    ['NON_GOAL_2 and ALT_1, ALT_2', ['token:NON_GOAL_2', 'token:ALT_1', 'token:ALT_2']],
    ['TRADE_OFF -- what cost', ['token:TRADE_OFF']],
    ['replace all PLACEHOLDER_TEXT values', ['token:PLACEHOLDER_TEXT']],
    ['PERFORMANCE_IMPROVEMENT -- what bottleneck', ['token:PERFORMANCE_IMPROVEMENT']],
    ['Welcome to {{PROJECT_NAME}} by {{ CLIENT }}', ['token:{{PROJECT_NAME}}', 'token:{{ CLIENT }}']],
    ['COMPANY_NAME cut costs', ['token:COMPANY_NAME']],
    // to-do markers
    ['TODO(jbd): mention the decoders.', ['todo:TODO']],
    ['Launch date: TBD', ['todo:TBD']],
    ['FIXME before publishing', ['todo:FIXME']],
    ['XXX check this', ['todo:XXX']],
    ['Lorem ipsum dolor sit amet', ['todo:Lorem ipsum']],
    // variable quantities
    ['Response time: X ms', ['quantity:X ms']],
    ['x ms | y ms | z%', ['quantity:x ms', 'quantity:y ms', 'quantity:z%']],
    ['x req/s', ['quantity:x req/s']],
    ['X people', ['quantity:X people']],
    ['X weeks/months', ['quantity:X weeks/months']],
    ['Over N months of operation', ['quantity:N months']],
    ['X GB after a year', ['quantity:X GB']],
    ['X/week', ['quantity:X/week']],
    ['Under Y%', ['quantity:Y%']],
    ['from X% to Y%', ['quantity:X%', 'quantity:Y%']],
    ['saved $X a month', ['quantity:$X']],
    ['XX% more sign-ups', ['quantity:XX%']],
    ['Xms | Yms | XMB | X/s', ['quantity:Xms', 'quantity:Yms', 'quantity:XMB', 'quantity:X/s']],
    ['between X-Y ms', ['quantity:X-Y ms']],
    ['scaling to X users within six months', ['quantity:X users']],
    // masks
    ['Published: YYYY-MM-DD', ['date:YYYY-MM-DD']],
    ['Launched MM/DD/YYYY', ['date:MM/DD/YYYY']],
    ['Released 2024-XX-XX, sunset in 20XX', ['date:2024-XX-XX', 'date:20XX']],
    ['KEP-NNNN: short title', ['number:NNNN']],
    ['Customer count: X,XXX.', ['number:X,XXX']],
    ['X,XXX customers', ['quantity:X,XXX customers']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

describe('findInlinePlaceholders: near misses', () => {
  it.each([
    // acronyms and identifiers
    'The API uses JWT, CSRF tokens and AWS S3 buckets.',
    'p95 latency, S3 prefixes, OAuth2 clients and GPT-4 prompts',
    'The connection string is in DATABASE_URL and MAX_RETRIES is 5.',
    'Replace YOUR_API_KEY with the key from the dashboard.',
    'The README links CODE_OVERVIEW and the ADRs.',
    'Served from {{ site.baseurl }}/assets on every build.',
    // task boxes, footnotes, citations, alerts
    '[x] shipped and [ ] pending and [X] done and [] empty',
    'as shown in [1] and [12] and [1, 2]',
    'a footnote[^1] and a note [^2]',
    '[!NOTE] this is an alert',
    // elisions and editorial marks
    '"we decided [...] to ship"',
    '"we decided […] to ship"',
    '"teh [sic] pipeline"',
    '[Update: fixed in v2] and [Edit 2024-03-01]',
    '[citation needed] and [WIP] and [INFO] and [DRAFT]',
    // intervals and arrays
    'drawn from [0, 1] and [1, 2, 3] and [a, b]',
    'targets [arm, arm64/aarch64, x86_64]',
    // arrows and directives
    '[Webhook trigger] → [HTTP Request] → [Slack]',
    '[Webhook trigger] -> [HTTP Request] => [Slack]',
    ':::tip[Automated Migrate]',
    // code notation
    'walk(path, [optionsOrSettings], callback)',
    'new Headers([init])',
    'fastqueue([that], worker)',
    'merge2(stream1, [stream2, stream3, ...], streamN)',
    'Type: (Boolean [optional])',
    'see the [RFC 6455] framing and the [UNICODE] tables',
    'the [GSUtil] section of the config',
    '#[derive(Debug)] and #[inline]',
    'github.com/[owner-name]/[repo-name]',
    "replaced with '[Circular]'",
    'array[0] and refs[1]',
    // quotation insertions
    '"we [the platform team] never saw it"',
    // generics and tuples
    'Vec<T> and Map<K, V> and <T as Trait> and <K, V> pairs',
    'a <1, 2> tuple',
    'a \\<br> element',
    'Landed in "<commit hash>"',
    // multipliers and product names
    '2x faster, 10x growth, Xcode builds, X (formerly Twitter), Series X',
    'Gen Z users and Model Y owners',
    '3 x 4 GB sticks',
    // N in algorithm prose
    'the scheduler handles N pods and n requests',
    'resync every N minutes',
    // format descriptions and quoted mentions
    'Dates are stored as YYYY-MM-DD strings in ISO 8601 format.',
    'Dates listed as "YYYY-MM-DD" are UTC.',
    // to-do mentions
    'We built a TODO app and block FIXME comments in CI.',
    'The decision log lives in TODO.md until the ADR lands.',
    'In the cost model $X$ is the invoice count.',
    'See [[Billing Design Notes]] in the wiki.',
    'TODO tests are reported separately; the TODO-format check is skipped.',
    "the 'TODO' label",
    // non-Latin text
    '[Название проекта] и <Название проекта>',
    '[注意] 旧システムは停止済みです',
    // plain prose
    'We cut p95 latency from 840 ms to 310 ms for 1,200 customers.',
  ])('%s', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('isTemplateToken', () => {
  it.each([
    ['YOUR_ROLE', true],
    ['MY_PROJECT', true],
    ['GOAL_1', true],
    ['CHALLENGE_5', true],
    ['LEARNING_2', true],
    ['IMAGE_1', true],
    ['TRADE_OFF', true],
    ['PLACEHOLDER_TEXT', true],
    ['DATABASE_URL', false],
    ['NODE_ENV', false],
    ['MAX_RETRIES', false],
    ['IMAGE_NAME', false],
    ['CODE_OVERVIEW', false],
    ['HTTP_2', false],
  ])('%s → %s', (token, expected) => {
    expect(isTemplateToken(token)).toBe(expected)
  })
})

describe('findHtmlPrompts', () => {
  const closed = closingTagNames(['</Note>', '</kbd>', '<Intro>…</Intro>'])
  it.each([
    ['<Project Name>', ['<Project Name>']],
    ['<add your repo URL>', ['<add your repo URL>']],
    ['<Month YYYY>', ['<Month YYYY>']],
    ['<URL>', ['<URL>']],
    ['<link to docs>', ['<link to docs>']],
    // real HTML, components and generics
    ['<br>', []],
    ['<details open>', []],
    ['<video controls muted>', []],
    ['<table border>', []],
    ['<div x-cloak>', []],
    ['<img src="a.png" alt="[Project Name]">', []],
    ['<kbd>', []],
    ['<Note>', []],
    ['<Intro>', []],
    ['<Solution />', []],
    ['<username>', []],
    ['<T as Trait>', []],
    ['</Project>', []],
  ])('%s', (value, expected) => {
    expect(findHtmlPrompts(value, closed).map((m) => m.text)).toEqual(expected)
  })

  it('skips a tag glued to a word (generics)', () => {
    expect(findHtmlPrompts('<String>', new Set(), 'n')).toEqual([])
    expect(findHtmlPrompts('<T>', new Set(), 'c')).toEqual([])
  })
})

describe('isPlaceholderUrl', () => {
  it.each([
    ['YOUR_GITHUB_URL', '', true],
    ['link-to-diagram', '', true],
    ['link', '', true],
    ['url', '', true],
    ['#', 'Demo', true],
    ['', 'Status', true],
    ['../assets/<img1>.png', '', true],
    ['link-to-screenshot', '', true],
    ['https://github.com/your-username/project', '', true],
    ['https://via.placeholder.com/600x400', '', true],
    ['/images/placeholder.png', '', true],
    ['https://', '', true],
    // real targets
    ['#', 'Back to top', false],
    ['#results', '', false],
    ['https://example.org/blog', '', false],
    ['https://github.com/acme/web/blob/main/pages/[slug].tsx', '', false],
    ['https://help.github.com/articles/setting-your-username-in-git/', '', false],
    ['./images/diagram.png', '', false],
  ])('%s (%s) → %s', (url, text, expected) => {
    expect(isPlaceholderUrl(url, text)).toBe(expected)
  })
})

describe('findNumberedStandIn', () => {
  it.each([
    ['Goal 1', 'Goal 1'],
    ['Metric 2', 'Metric 2'],
    ['Key Feature 3', 'Key Feature 3'],
    ['✓ Pro 1', 'Pro 1'],
    ['Full code example 1', 'Full code example 1'],
    ['Lesson 2.', 'Lesson 2'],
    // content
    ['Story 1', null],
    ['Phase 1', null],
    ['Step 2', null],
    ['Next 13', null],
    ['Example 1:', null],
    ['Decision 1: use Postgres', null],
    ['Goal 1 was met in March', null],
  ])('%s', (value, expected) => {
    expect(findNumberedStandIn(value)?.text ?? null).toBe(expected)
  })
})

describe('findBareTemplateWord', () => {
  it.each([
    ['TECH', 'TECH'],
    ['REASON -- include the constraint', 'REASON'],
    ['TECH (if applicable)', 'TECH'],
    ['FEATURE -- what pattern you used', 'FEATURE'],
    ['ALTERNATIVE', 'ALTERNATIVE'],
    // acronyms and ordinary values
    ['API', null],
    ['AWS', null],
    ['JWT with rotating refresh tokens', null],
    ['Tech debt was paid down', null],
    ['SOLUTIONS ARCHITECT', null],
  ])('%s', (value, expected) => {
    expect(findBareTemplateWord(value)?.text ?? null).toBe(expected)
  })
})

describe('PLACEHOLDER_FENCE_LANGUAGE_RE', () => {
  it.each([
    ['[language]', true],
    ['<lang>', true],
    ['language', true],
    ['ts', false],
    ['mermaid', false],
    ['{note}', false],
  ])('%s → %s', (lang, expected) => {
    expect(PLACEHOLDER_FENCE_LANGUAGE_RE.test(lang)).toBe(expected)
  })
})

describe('findFrontMatterPlaceholders', () => {
  const texts = (entry: Parameters<typeof findFrontMatterPlaceholders>[0]) => findFrontMatterPlaceholders(entry).map((m) => `${m.item ?? '-'}:${m.text}`)

  it('reports a one-item list under a scalar key as a bracketed prompt', () => {
    expect(texts({key: 'slug', raw: '[slug-for-url]', value: ['slug-for-url'], items: [{raw: 'slug-for-url', value: 'slug-for-url'}]})).toEqual(['-:[slug-for-url]'])
    expect(texts({key: 'date', raw: '[YYYY-MM-DD]', value: ['YYYY-MM-DD'], items: [{raw: 'YYYY-MM-DD', value: 'YYYY-MM-DD'}]})).toEqual(['-:[YYYY-MM-DD]'])
  })

  it('accepts a one-item list under a list key', () => {
    expect(texts({key: 'authors', raw: '[mara]', value: ['mara'], items: [{raw: 'mara', value: 'mara'}]})).toEqual([])
    expect(texts({key: 'categories', raw: '[Search]', value: ['Search'], items: [{raw: 'Search', value: 'Search'}]})).toEqual([])
  })

  it('reports a list nested in a tag list', () => {
    const items = [
      {raw: 'engineering', value: 'engineering'},
      {raw: '[technology]', value: ['technology']},
    ]
    expect(texts({key: 'tags', raw: '[engineering, [technology]]', value: ['engineering', ['technology']], items})).toEqual(['1:[technology]'])
  })

  it('finds prompts, masks and numbered stand-ins in strings', () => {
    expect(texts({key: 'title', raw: '"How We Built [Project Name]: From Concept"', value: 'How We Built [Project Name]: From Concept', items: null})).toEqual(['-:[Project Name]'])
    expect(texts({key: 'date', raw: 'YYYY-MM-DD', value: 'YYYY-MM-DD', items: null})).toEqual(['-:YYYY-MM-DD'])
    expect(texts({key: 'keywords', raw: 'keyword1, keyword2', value: 'keyword1, keyword2', items: null})).toEqual(['-:keyword1', '-:keyword2'])
    expect(texts({key: 'title', raw: '"Building Our Platform: A Deep Dive"', value: 'Building Our Platform: A Deep Dive', items: null})).toEqual([])
    expect(texts({key: 'date', raw: '2025-03-19', value: '2025-03-19', items: null})).toEqual([])
  })

  it('finds template defaults and placeholder paths as whole values', () => {
    expect(texts({key: 'author', raw: 'Your Name', value: 'Your Name', items: null})).toEqual(['-:Your Name'])
    expect(texts({key: 'title', raw: '"Title goes here"', value: 'Title goes here', items: null})).toEqual(['-:Title goes here'])
    expect(texts({key: 'image', raw: '/images/placeholder.png', value: '/images/placeholder.png', items: null})).toEqual(['-:/images/placeholder.png'])
    expect(texts({key: 'author', raw: 'Mara Okafor', value: 'Mara Okafor', items: null})).toEqual([])
    expect(texts({key: 'image', raw: '/images/billing.png', value: '/images/billing.png', items: null})).toEqual([])
  })
})

describe('expectedFor', () => {
  it.each([
    ['prompt', '<add your repo URL>', 'a real URL'],
    ['prompt', '[Date]', 'a real date'],
    ['prompt', '[Project Name]', 'real content'],
    ['quantity', 'X ms', 'a measured value'],
    ['todo', 'TODO', 'finished text'],
  ] as const)('%s %s → %s', (kind, text, expected) => {
    expect(expectedFor(kind, text)).toBe(expected)
  })
})

describe('hasContentBeyond', () => {
  it('is false when only placeholders and punctuation remain', () => {
    const text = '[Role 1]: [Responsibilities]'
    expect(hasContentBeyond(text, findInlinePlaceholders(text))).toBe(false)
  })
  it('is true when real words remain', () => {
    const text = 'Use case for [Team]'
    expect(hasContentBeyond(text, findInlinePlaceholders(text))).toBe(true)
  })
})
