/**
 * Properties of every registered rule over generated Markdown and MDX
 * (test/markdown-grammar.ts):
 *
 * - no crash: no "Rule crashed" (or other engine failure) message, with the
 *   rule's default options and with its `strict` options;
 * - every position lies inside the document (1 <= line <= lines, the column
 *   within the line, end not before start);
 * - time linear in the input: the rule's time on ~1 MB of a shape is at most
 *   20 times its time on ~60 KB of the same shape (see SMALL below).
 *
 * FUZZ_RUNS sets the documents per rule (default 200); `npm run fuzz` runs
 * 10,000. FUZZ_SEED replays a failure that fast-check reported.
 *
 * Time is CPU time after a forced garbage collection (see `expectLinear`).
 * The shared document index (built once per file) is timed on its own; each
 * rule is then timed alone, running its check over the built index. Parsing
 * is left out: it belongs to the Markdown parser, which is itself
 * super-linear on some inputs (long runs of `]` through the GFM footnote
 * extension, bracket-heavy text); the CLI's per-file time budget covers those.
 */
import v8 from 'node:v8'
import {runInNewContext} from 'node:vm'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {Linter, toFileResult, type EffectiveConfig, type FileResult} from '../src/engine.js'
import type {Rule} from '../src/define-rule.js'
import {buildDocumentIndex, getDocumentIndex, type MdNode} from '../src/document.js'
import {createParser, createProcessor, loadMdx, syntaxOf} from '../src/processor.js'
import {rules} from '../rules/index.js'
import {STRICT_OPTIONS} from '../rules/presets.js'
import {headingKey} from '../src/templates/normalise.js'
import {isEnumeration} from '../src/text/backing.js'
import {BRACKET_PROMPT_RE} from '../src/text/metric-claims.js'
import {findNumberedStandIn} from '../src/text/placeholder-patterns.js'
import {practiceHead, PRACTICE_HEAD_END_RE} from '../src/text/practices.js'
import {findQuantities} from '../src/text/quantities.js'
import {grammar} from './markdown-grammar.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
const RATIO_LIMIT = 20
/**
 * Ratios are taken against at least this many milliseconds at 60 KB: below it
 * the small run is mostly cache warmth and timer noise (a linear 1 MB run then
 * reads as 25-35x). A super-linear rule takes seconds at 1 MB, so the floor
 * hides none.
 */
const FLOOR_MS = 10

const linter = new Linter(rules)
const md = grammar({mdx: false})
const mdx = grammar({mdx: true})

const anyDocument = fc.oneof(
  {weight: 3, arbitrary: md.document.map((text) => ({text, path: 'doc.md'}))},
  {weight: 1, arbitrary: mdx.document.map((text) => ({text, path: 'doc.mdx'}))},
)

function configFor(rule: Rule, strict: boolean): EffectiveConfig {
  const options = strict ? STRICT_OPTIONS[rule.id] : undefined
  return {rules: {[rule.id]: [2, rule.resolveOptions(options)]}, settings: {templates: []}}
}

const ENGINE_FAILURE = /^(Rule crashed|Invalid options|Cannot lint)/

/** Throws (with the offending message) unless every message is a finding located inside `text`. */
function checkMessages(text: string, result: FileResult): void {
  const lines = text.split(/\r\n|\r|\n/)
  for (const m of result.messages) {
    const show = `${m.ruleId}: ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`
    if (ENGINE_FAILURE.test(m.message)) throw new Error(`engine failure: ${show}`)
    if (m.fatal) {
      if (!/^(Invalid MDX|Cannot parse Markdown): /.test(m.message)) throw new Error(`unexpected fatal message: ${show}`)
      continue
    }
    const inside = (line: number, column: number) => Number.isInteger(line) && line >= 1 && line <= lines.length && Number.isInteger(column) && column >= 1 && column <= lines[line - 1].length + 1
    if (!inside(m.line, m.column)) throw new Error(`start outside the document (${lines.length} lines): ${show}`)
    if (!inside(m.endLine, m.endColumn)) throw new Error(`end outside the document (${lines.length} lines): ${show}`)
    if (m.endLine < m.line || (m.endLine === m.line && m.endColumn < m.column)) throw new Error(`end before start: ${show}`)
  }
}

beforeAll(async () => {
  await loadMdx()
})

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s on generated documents', (_id, rule) => {
  it(`never crashes and reports only inside the document (${RUNS} documents)`, () => {
    fc.assert(
      fc.property(anyDocument, fc.boolean(), ({text, path}, strict) => {
        checkMessages(text, toFileResult(linter.lintTextSync(text, path, configFor(rule, strict)), path))
      }),
      {numRuns: RUNS, seed: SEED},
    )
  })
})

describe('the grammar', () => {
  it('produces MDX that mostly parses, so MDX paths are really exercised', () => {
    const samples = fc.sample(mdx.document, {numRuns: 200, seed: 1})
    const parsed = samples.filter((text) => {
      const file = linter.lintTextSync(text, 'doc.mdx', {rules: {}, settings: {templates: []}})
      return !file.messages.some((m) => m.fatal)
    })
    expect(parsed.length).toBeGreaterThan(samples.length * 0.7)
  })
})

describe('shared text patterns rewritten for linear time', () => {
  const text = fc.array(fc.constantFrom('[', ']', 'a', 'bc', 'é', ' ', '  ', '\t', '\n', '1', '-', '--', '—', '(', ',', 'and', 'with'), {maxLength: 30}).map((parts) => parts.join(''))

  it('match exactly what their plain forms match', () => {
    const plainBracket = /\[[^\]\n]*\p{L}{2}[^\]\n]*\]/gu
    const plainHeadEnd = /\s+(?:--|—|–|-)\s|[(:;,[]|\s(?:with|for|on|in|via|using|through|across|by|at|to|per)\s/i
    fc.assert(
      fc.property(text, (s) => {
        expect([...s.matchAll(BRACKET_PROMPT_RE)].map((m) => [m.index, m[0]])).toEqual([...s.matchAll(plainBracket)].map((m) => [m.index, m[0]]))
        const head = PRACTICE_HEAD_END_RE.exec(s)
        const plain = plainHeadEnd.exec(s)
        expect(head && [head.index, head[0]]).toEqual(plain && [plain.index, plain[0]])
      }),
      {numRuns: Math.max(RUNS * 10, 2000), seed: SEED},
    )
  })

  const n = 50_000
  it.each([
    ['a bracketed-prompt search over unclosed brackets', () => [...'['.repeat(n).matchAll(BRACKET_PROMPT_RE)]],
    ['a bracketed-prompt search over one unclosed bracket before words', () => [...('[' + 'ab '.repeat(n / 3)).matchAll(BRACKET_PROMPT_RE)]],
    ['a practice name followed by spaces', () => practiceHead('Tests' + ' '.repeat(n) + 'done')],
    ['an enumeration check over spaces', () => isEnumeration('a' + ' '.repeat(n) + 'b')],
    ['a numbered stand-in check over spaces', () => findNumberedStandIn('Goal' + ' '.repeat(n) + 'x')],
    ['a heading key over spaces', () => headingKey('Results' + ' '.repeat(n) + 'x')],
    ['quantities in a text of many numbers', () => findQuantities('1 '.repeat(n / 2))],
  ])('%s takes linear time (quadratic was seconds)', (_name, run) => {
    run()
    expect(cpuTime(run)).toBeLessThan(500)
  })
})

// ---------------------------------------------------------------------------
// Linear time

/**
 * ~60 KB and ~1 MB: 17 times the text, against a limit of 20 times the time.
 * Exactly linear rules measure 15-20x from 50 KB to 1 MB (a 1 MB index no
 * longer fits in the CPU caches), so that pair would fail them at random; the
 * super-linear cases this test has found measured 100-400x.
 */
const SMALL = 60 * 1024
const LARGE = 1024 * 1024

/** Joins deterministic samples of `arbitrary` (cycling) until `bytes` long. */
function fill(arbitrary: fc.Arbitrary<string>, bytes: number, separator: string, seed: number): string {
  const pool = fc.sample(arbitrary, {numRuns: 300, seed})
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < bytes; i++) {
    const part = pool[i % pool.length]
    parts.push(part)
    length += part.length + separator.length
  }
  return parts.join(separator) + '\n'
}

/**
 * A paragraph per character the patterns care about, each a long run between
 * words; the runs grow with the size. (Separate paragraphs: in one paragraph
 * the parser's delimiter matching alone takes minutes at 1 MB.)
 */
function runs(bytes: number, wrap: (run: string) => string = (run) => `Some words ${run} more words.`, separator = '\n\n'): string {
  const units = ['[', '_', 'X', '0', '7', '%', ' ', '<', '(', 'X_', '1 ', '(a ']
  const each = Math.floor(bytes / units.length) - 40
  return units.map((unit) => wrap(unit.repeat(Math.ceil(each / unit.length)))).join(separator) + '\n'
}

interface Shape {
  name: string
  path: string
  build(bytes: number): string
}

const SHAPES: Shape[] = [
  {name: 'a mixed document', path: 'doc.md', build: (bytes) => fill(md.block, bytes, '\n\n', 11)},
  {name: 'a mixed MDX document', path: 'doc.mdx', build: (bytes) => fill(mdx.block, bytes, '\n\n', 12)},
  {name: 'many short sections', path: 'doc.md', build: (bytes) => fill(fc.tuple(md.heading, md.paragraph).map(([h, p]) => `${h}\n\n${p}`), bytes, '\n\n', 13)},
  {name: 'one long paragraph', path: 'doc.md', build: (bytes) => fill(md.inline.map((i) => i.replace(/\n/g, ' ')), bytes, ' ', 14)},
  {name: 'one long list', path: 'doc.md', build: (bytes) => '## Goals\n\n' + fill(md.list, bytes, '\n', 15)},
  {
    name: 'one long table',
    path: 'doc.md',
    build: (bytes) => '## Results\n\n| Metric | Before | After |\n| --- | --- | --- |\n' + fill(fc.array(md.word, {minLength: 3, maxLength: 3}).map((cells) => `| ${cells.join(' | ')} |`), bytes, '\n', 16),
  },
  {name: 'long runs of pattern characters', path: 'doc.md', build: (bytes) => runs(bytes)},
  {name: 'long runs in headings', path: 'doc.md', build: (bytes) => runs(bytes, (run) => `## Results of ${run} work`)},
  {name: 'long runs in task items', path: 'doc.md', build: (bytes) => '## Best practices\n\n' + runs(bytes, (run) => `- [x] Tests ${run} done`, '\n')},
  {
    name: 'long runs in table cells',
    path: 'doc.md',
    build: (bytes) => '## Results\n\n| Metric | Before | After |\n| --- | --- | --- |\n' + runs(bytes, (run) => `| Latency | ${run} | faster |`, '\n'),
  },
]

interface Prepared {
  text: string
  path: string
  tree: MdNode
  file: VFile
}

// Collections are forced before each measurement, so one measurement does not pay for another's garbage.
v8.setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** CPU milliseconds of `fn`. */
function cpuTime(fn: () => void): number {
  const start = process.cpuUsage()
  fn()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

function parse(shape: Shape, bytes: number): Prepared {
  const text = shape.build(bytes)
  const file = new VFile({path: shape.path, value: text})
  return {text, path: shape.path, file, tree: createParser(syntaxOf(shape.path)).parse(file) as MdNode}
}

/** The whole document index, sentences (built lazily on first use) included. */
function fullIndex(doc: Prepared, build = getDocumentIndex): void {
  const index = build(doc.tree, doc.file)
  for (const block of index.blocks) index.sentences(block)
}

/** CPU milliseconds of one rule's check over the already built index; `messages` receives what it reported. */
function timeRule(rule: Rule, doc: Prepared, messages: VFile['messages'] = []): number {
  const processor = createProcessor(syntaxOf(doc.path), [rule], {[rule.id]: [2, rule.resolveOptions(undefined)]})
  const file = new VFile({path: doc.path, value: doc.text})
  const ms = cpuTime(() => processor.runSync(doc.tree as never, file))
  messages.push(...file.messages)
  return ms
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * Times `measure` on both sizes and checks the ratio. A pair is three runs on
 * the small document (their median) and one on the large one; when the first
 * pair is a little over the limit, two more pairs are measured and the medians
 * compared, so that load from elsewhere, which comes and goes, weighs on both
 * sizes alike.
 */
function expectLinear(measure: (doc: Prepared) => number, small: Prepared, large: Prepared, what: string): void {
  measure(small) // warm-up: compiled patterns, lazily built tables
  const smallTimes: number[] = []
  const largeTimes: number[] = []
  // A collection before every run also clears the processor caches of the
  // previous run's data, so the small document, measured three times in a
  // row, is not timed out of warm caches while the large one never fits.
  const cold = (doc: Prepared): number => {
    gc()
    return measure(doc)
  }
  const pair = (): void => {
    smallTimes.push(median([cold(small), cold(small), cold(small)]))
    largeTimes.push(cold(large))
  }
  const ratio = () => median(largeTimes) / Math.max(FLOOR_MS, median(smallTimes))
  pair()
  // Far over the limit is no noise: fail at once rather than spend minutes confirming.
  if (ratio() > RATIO_LIMIT && ratio() < RATIO_LIMIT * 3) {
    pair()
    pair()
  }
  const detail = `${what}: ${(small.text.length / 1024).toFixed(0)} KB ${median(smallTimes).toFixed(1)} ms, ${(large.text.length / 1024).toFixed(0)} KB ${median(largeTimes).toFixed(1)} ms`
  expect(ratio(), detail).toBeLessThanOrEqual(RATIO_LIMIT)
}

describe.each(SHAPES.map((shape) => [shape.name, shape] as const))('time on %s', (_name, shape) => {
  let small: Prepared
  let large: Prepared
  beforeAll(() => {
    small = parse(shape, SMALL)
    large = parse(shape, LARGE)
  })
  afterAll(() => {
    // Keeps the heap (and so each forced collection) small for the next shape.
    small = large = undefined as never
  })

  it(`document index: ~1 MB takes at most ${RATIO_LIMIT}x the time of ~60 KB`, () => {
    expectLinear((doc) => cpuTime(() => fullIndex(doc, (tree, file) => buildDocumentIndex(tree, String(file.value), file.path))), small, large, `index of ${shape.name}`)
    // The rules below share the index that the real run builds once per file.
    fullIndex(small)
    fullIndex(large)
  })

  it.each(rules.map((rule) => [rule.id, rule] as const))(`%s: ~1 MB takes at most ${RATIO_LIMIT}x the time of ~60 KB`, (_id, rule) => {
    fullIndex(small)
    fullIndex(large)
    const messages: VFile['messages'] = []
    expectLinear((doc) => timeRule(rule, doc, doc === large ? messages : []), small, large, `${rule.id} on ${shape.name}`)
    expect(messages.filter((m) => ENGINE_FAILURE.test(m.reason)).map((m) => m.reason)).toEqual([])
  })
})
