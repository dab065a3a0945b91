/**
 * Properties of every registered rule over generated Markdown and MDX
 * (test/markdown-grammar.ts):
 *
 * - no crash: no "Rule crashed" (or other engine failure) message, with the
 *   rule's default options and with its `strict` options;
 * - every position lies inside the document (1 <= line <= lines, the column
 *   within the line, end not before start);
 * - time linear in the input: per byte, the rule's time on ~1 MB of a shape is
 *   at most twice its time on ~60 KB of the same shape (see `expectLinear`).
 *
 * FUZZ_RUNS sets the documents per rule (default 200); `npm run fuzz` runs
 * 10,000. FUZZ_SEED replays a failure that fast-check reported.
 *
 * Time is CPU time after a forced garbage collection, less collection pauses
 * (see `cpuTime` and `expectLinear`).
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
/**
 * Per byte, ~1 MB may take at most this many times as long as its ~60 KB
 * parts. Linear code measures 0.6-1.9 (collection pauses aside, the collector's
 * helper threads and the memory hierarchy still favour the parts); the
 * quadratic spots this test has found, whole-document filters run once per
 * section or per item, measured 2.3-3.6, and a fully quadratic one reads 17.
 */
const PER_BYTE_LIMIT = 2
/**
 * Both sides are taken as at least this many milliseconds: below it timer
 * granularity and one collection more or less decide the ratio. A rule that
 * takes under twice this on ~1 MB does not matter to anyone's run time.
 */
const FLOOR_MS = 20

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
 * ~1 MB, and the same content as documents of ~60 KB: per byte, a linear rule
 * takes as long on the whole as on its parts. Each part is a document of its
 * own, parsed and indexed apart, so the parts together allocate as much as
 * the whole and fill the CPU caches as it does; timing one small document
 * seventeen times instead would read it from warm caches, and the ratio would
 * measure the memory hierarchy rather than the rule.
 */
const LARGE = 1024 * 1024
const PARTS = 17

const SENTINEL = 'Sentinel paragraph.'

/**
 * Whether Markdown after `sample` is still read as Markdown: a sample that
 * opens a code fence, an HTML block or a container it never closes would turn
 * everything after it into one code block (or the like), and the whole
 * document would then test almost nothing beyond its first few kilobytes.
 */
function closes(sample: string, path: string): boolean {
  try {
    const tree = createParser(syntaxOf(path)).parse(new VFile({path, value: `${sample}\n\n${SENTINEL}\n`})) as MdNode
    const last = tree.children?.at(-1)
    return last?.type === 'paragraph' && last.children?.length === 1 && last.children[0].value === SENTINEL
  } catch {
    return false
  }
}

/** Deterministic samples of `arbitrary` (cycling) until `bytes` long when joined by `separator`; only samples that close what they open. */
function samples(arbitrary: fc.Arbitrary<string>, bytes: number, separator: string, seed: number, path: string): string[] {
  const pool = fc.sample(arbitrary, {numRuns: 300, seed}).filter((sample) => closes(sample, path))
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < bytes; i++) {
    const part = pool[i % pool.length]
    parts.push(part)
    length += part.length + separator.length
  }
  return parts
}

/** A whole document and its parts. */
interface Texts {
  whole: string
  parts: string[]
}

/**
 * Samples of `arbitrary` joined by `separator` after `head` (a heading, a
 * table's header rows); each part is a run of the same samples after the
 * same head.
 */
function filled(arbitrary: fc.Arbitrary<string>, separator: string, seed: number, head = ''): (bytes: number, path: string) => Texts {
  return (bytes, path) => {
    const all = samples(arbitrary, bytes, separator, seed, path)
    const per = Math.ceil(all.length / PARTS)
    const parts: string[] = []
    for (let i = 0; i < all.length; i += per) parts.push(head + all.slice(i, i + per).join(separator) + '\n')
    return {whole: head + all.join(separator) + '\n', parts}
  }
}

/**
 * A paragraph per character the patterns care about, each a long run between
 * words; the runs grow with the size, so each part has runs a seventeenth as
 * long. (Separate paragraphs: in one paragraph the parser's delimiter
 * matching alone takes minutes at 1 MB.)
 */
function runs(wrap: (run: string) => string = (run) => `Some words ${run} more words.`, separator = '\n\n', head = ''): (bytes: number) => Texts {
  const build = (bytes: number): string => {
    const units = ['[', '_', 'X', '0', '7', '%', ' ', '<', '(', 'X_', '1 ', '(a ']
    const each = Math.floor(bytes / units.length) - 40
    return head + units.map((unit) => wrap(unit.repeat(Math.ceil(each / unit.length)))).join(separator) + '\n'
  }
  return (bytes: number) => ({whole: build(bytes), parts: Array.from({length: PARTS}, () => build(bytes / PARTS))})
}

interface Shape {
  name: string
  path: string
  build(bytes: number, path: string): Texts
}

const TABLE_HEAD = '## Results\n\n| Metric | Before | After |\n| --- | --- | --- |\n'

const SHAPES: Shape[] = [
  {name: 'a mixed document', path: 'doc.md', build: filled(md.block, '\n\n', 11)},
  {name: 'a mixed MDX document', path: 'doc.mdx', build: filled(mdx.block, '\n\n', 12)},
  {name: 'many short sections', path: 'doc.md', build: filled(fc.tuple(md.heading, md.paragraph).map(([h, p]) => `${h}\n\n${p}`), '\n\n', 13)},
  {name: 'one long paragraph', path: 'doc.md', build: filled(md.inline.map((i) => i.replace(/\n/g, ' ')), ' ', 14)},
  {name: 'one long list', path: 'doc.md', build: filled(md.list, '\n', 15, '## Goals\n\n')},
  {name: 'one long table', path: 'doc.md', build: filled(fc.array(md.word, {minLength: 3, maxLength: 3}).map((cells) => `| ${cells.join(' | ')} |`), '\n', 16, TABLE_HEAD)},
  {name: 'long runs of pattern characters', path: 'doc.md', build: runs()},
  {name: 'long runs in headings', path: 'doc.md', build: runs((run) => `## Results of ${run} work`)},
  {name: 'long runs in task items', path: 'doc.md', build: runs((run) => `- [x] Tests ${run} done`, '\n', '## Best practices\n\n')},
  {name: 'long runs in table cells', path: 'doc.md', build: runs((run) => `| Latency | ${run} | faster |`, '\n', TABLE_HEAD)},
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

/**
 * CPU milliseconds of `fn`, less the pauses for garbage collection. How many
 * collections a run meets, and what each costs, depends on the whole heap of
 * the test process (every part and the whole, parsed and indexed, live in it)
 * and on when the collector's heuristics last resized it: the same run on the
 * same 1 MB document measured 450 ms or 850 ms. The rule's own work, its
 * allocation included, is what the limit is about.
 */
function cpuTime(fn: () => void): number {
  const profiler = new v8.GCProfiler()
  profiler.start()
  const start = process.cpuUsage()
  fn()
  const used = process.cpuUsage(start)
  const pauses = profiler.stop().statistics.reduce((sum, gc) => sum + gc.cost, 0)
  return Math.max(0, used.user + used.system - pauses) / 1000
}

function parse(text: string, path: string): Prepared {
  const file = new VFile({path, value: text})
  return {text, path, file, tree: createParser(syntaxOf(path)).parse(file) as MdNode}
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

/**
 * Times `measure` on the parts (one batch: each part in turn) and on the
 * whole, each side after a forced collection, and checks the cost per byte.
 * When the first pair is over the limit, the whole is run once more
 * unmeasured (the first run over long texts pays once for what the parts
 * never reached: patterns first executed on long subjects, code compiled for
 * the hotter loops) and three more pairs are measured; the fastest of each
 * side is compared. Load from elsewhere only ever adds time, so the fastest
 * measurement is the closest to the code's own cost. A super-linear rule
 * stays over the limit however often it is timed.
 */
function expectLinear(measure: (doc: Prepared) => number, parts: readonly Prepared[], whole: Prepared, what: string): void {
  const partBytes = parts.reduce((sum, part) => sum + part.text.length, 0)
  measure(parts[0]) // warm-up: compiled patterns, lazily built tables
  let partTimes: number[] = []
  let wholeTimes: number[] = []
  const pair = (): void => {
    gc()
    partTimes.push(parts.reduce((sum, part) => sum + measure(part), 0))
    gc()
    wholeTimes.push(measure(whole))
  }
  const ratio = () => Math.max(FLOOR_MS, Math.min(...wholeTimes)) / whole.text.length / (Math.max(FLOOR_MS, Math.min(...partTimes)) / partBytes)
  pair()
  if (ratio() > PER_BYTE_LIMIT) {
    measure(whole)
    partTimes = []
    wholeTimes = []
    pair()
    pair()
    pair()
  }
  const detail = `${what}: ${parts.length} parts of ${(partBytes / parts.length / 1024).toFixed(0)} KB ${Math.min(...partTimes).toFixed(1)} ms, whole ${(whole.text.length / 1024).toFixed(0)} KB ${Math.min(...wholeTimes).toFixed(1)} ms`
  if (process.env.LINEAR_LOG) console.log('LINEAR', ratio().toFixed(2), detail)
  expect(ratio(), detail).toBeLessThanOrEqual(PER_BYTE_LIMIT)
}

describe.each(SHAPES.map((shape) => [shape.name, shape] as const))('time on %s', (_name, shape) => {
  let parts: Prepared[]
  let whole: Prepared
  beforeAll(() => {
    const texts = shape.build(LARGE, shape.path)
    parts = texts.parts.map((text) => parse(text, shape.path))
    whole = parse(texts.whole, shape.path)
  })
  afterAll(() => {
    // Keeps the heap (and so each forced collection) small for the next shape.
    parts = whole = undefined as never
  })

  it(`document index: per byte, ~1 MB takes at most ${PER_BYTE_LIMIT}x the time of its ~60 KB parts`, () => {
    expectLinear((doc) => cpuTime(() => fullIndex(doc, (tree, file) => buildDocumentIndex(tree, String(file.value), file.path))), parts, whole, `index of ${shape.name}`)
    // The rules below share the index that the real run builds once per file.
    for (const doc of [...parts, whole]) fullIndex(doc)
  })

  it.each(rules.map((rule) => [rule.id, rule] as const))(`%s: per byte, ~1 MB takes at most ${PER_BYTE_LIMIT}x the time of its ~60 KB parts`, (_id, rule) => {
    for (const doc of [...parts, whole]) fullIndex(doc)
    const messages: VFile['messages'] = []
    expectLinear((doc) => timeRule(rule, doc, doc === whole ? messages : []), parts, whole, `${rule.id} on ${shape.name}`)
    expect(messages.filter((m) => ENGINE_FAILURE.test(m.reason)).map((m) => m.reason)).toEqual([])
  })
})
