#!/usr/bin/env node
// `npm run bench`: times casestudy-lint against peers on the same files, in
// the same run, alternating tools round by round.
//
//   a. casestudy-lint, all recommended rules (the built CLI)
//   b. remark-cli + remark-preset-lint-recommended + remark-gfm + remark-frontmatter
//   c. markdownlint-cli2 with its defaults
//   d. a bare remark-parse + remark-gfm + remark-frontmatter parse, one thread
//      (the floor for a remark-based linter), and the same parse split over
//      two processes at once (the floor for one that uses both cores)
//
// Scenarios: the whole corpus cold, the whole corpus with a warm cache
// (casestudy-lint only; nothing changed), and one file (start-up cost; 5
// samples per tool per round, tools alternating).
// Also: lint time of a 300-line case study with all rules vs no-placeholders
// alone, in process. Prints medians, ratios, peak memory and files/second.
//
// Options: --files N (generated case studies, default 1000), --rounds N
// (default 3), --out FILE (write the results as JSON), --keep (keep the corpus).
import {spawn, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, tmpdir, totalmem} from 'node:os'
import {basename, dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {performance} from 'node:perf_hooks'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = parseArgs(process.argv.slice(2))
const GENERATED = Number(args.files ?? 1000)
const ROUNDS = Math.max(3, Number(args.rounds ?? 3))
/** One-file samples per tool per round. */
const ONE_FILE_SAMPLES = 5
const BIN = {
  csl: join(ROOT, 'dist', 'bundle', 'bin.cjs'),
  remark: join(ROOT, 'node_modules', 'remark-cli', 'cli.js'),
  markdownlint: join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'),
  parse: join(ROOT, 'scripts', 'bench-parse.mjs'),
}
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null

for (const [name, path] of Object.entries(BIN)) {
  if (!existsSync(path)) {
    console.error(`bench: ${name} is missing (${path}); run npm install (and npm run build)`)
    process.exit(2)
  }
}

// ---------------------------------------------------------------- corpus
const work = mkdtempSync(join(tmpdir(), 'csl-bench-'))
const corpus = join(work, 'corpus')
mkdirSync(corpus)
// remark-cli loads its plugins from the working folder's node_modules.
symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir')
const counts = generateCorpus(corpus, GENERATED)
const files = listMarkdown(corpus)
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0)
const single = files.find((file) => basename(file).startsWith('case-0000'))
writeFileSync(join(work, 'files.txt'), files.join('\n'))
// Two halves (alternate files) for the two-process parse floor.
writeFileSync(join(work, 'files-a.txt'), files.filter((_, i) => i % 2 === 0).join('\n'))
writeFileSync(join(work, 'files-b.txt'), files.filter((_, i) => i % 2 === 1).join('\n'))
// A config for casestudy-lint that is only the recommended preset.
writeFileSync(join(work, '.casestudylintrc.json'), JSON.stringify({extends: 'recommended'}))
writeFileSync(join(work, '.remarkrc.json'), JSON.stringify({plugins: ['remark-frontmatter', 'remark-gfm', 'remark-preset-lint-recommended']}))

console.log(`corpus: ${files.length} files (${counts.generated} generated case studies, ${counts.generatedMdx} of them MDX; ${counts.readmes} READMEs from node_modules), ${(bytes / 1024 / 1024).toFixed(1)} MB`)
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`)
console.log(`rounds: ${ROUNDS} (tools alternate within each round; ${ONE_FILE_SAMPLES} one-file samples per tool per round)\n`)

const env = {...process.env, NO_COLOR: '1'}
const cacheFile = join(work, 'cache.json')
const commands = {
  'casestudy-lint': {whole: [BIN.csl, '--format', 'json', '--output-file', join(work, 'csl.json'), 'corpus'], one: [BIN.csl, '--format', 'json', single]},
  'casestudy-lint (warm cache)': {whole: [BIN.csl, '--format', 'json', '--output-file', join(work, 'csl-warm.json'), '--cache', '--cache-location', cacheFile, 'corpus']},
  'remark-cli + lint-recommended': {whole: [BIN.remark, '--quiet', '--no-stdout', '--rc-path', join(work, '.remarkrc.json'), '--ignore-path-resolve-from', 'cwd', 'corpus'], one: [BIN.remark, '--quiet', '--no-stdout', '--rc-path', join(work, '.remarkrc.json'), single]},
  'markdownlint-cli2': {whole: [BIN.markdownlint, 'corpus/**/*.{md,mdx,markdown}'], one: [BIN.markdownlint, single]},
  'bare parse (1 thread)': {whole: [BIN.parse, join(work, 'files.txt')], one: [BIN.parse, '--one', single]},
  // The floor for any remark-based linter using both cores: two processes parse half the files each.
  'bare parse (2 processes)': {whole: [[BIN.parse, join(work, 'files-a.txt')], [BIN.parse, join(work, 'files-b.txt')]]},
}

// Prime the cache once so the warm scenario measures a warm cache.
runTool(commands['casestudy-lint (warm cache)'].whole)

const samples = {}
for (let round = 0; round < ROUNDS; round++) {
  const order = Object.keys(commands)
  // Rotate the order each round so no tool always runs first.
  for (let i = 0; i < round % order.length; i++) order.push(order.shift())
  for (const name of order) {
    const argv = commands[name].whole
    const sample = Array.isArray(argv[0]) ? await runTogether(argv) : runTool(argv)
    ;(samples[`${name}\0whole`] ??= []).push(sample)
  }
  // A one-file run takes about half a second, so one sample is at the mercy of
  // the machine's moment: take several per round, the tools alternating each time.
  for (let i = 0; i < ONE_FILE_SAMPLES; i++) {
    for (const name of order) {
      const argv = commands[name].one
      if (argv) (samples[`${name}\0one`] ??= []).push(runTool(argv))
    }
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const summary = {}
for (const [key, list] of Object.entries(samples)) {
  const [name, scenario] = key.split('\0')
  summary[key] = {name, scenario, seconds: median(list.map((s) => s.seconds)), peakMiB: Math.max(...list.map((s) => s.peakMiB ?? 0)), exit: list[0].status}
}
const get = (name, scenario) => summary[`${name}\0${scenario}`]

const rows = []
const cslWhole = get('casestudy-lint', 'whole')
for (const name of Object.keys(commands)) {
  const whole = get(name, 'whole')
  if (!whole) continue
  rows.push([name, 'whole corpus', whole.seconds.toFixed(2), (files.length / whole.seconds).toFixed(0), whole.peakMiB ? whole.peakMiB.toFixed(0) : '-', (cslWhole.seconds / whole.seconds).toFixed(2)])
}
const cslOne = get('casestudy-lint', 'one')
for (const name of Object.keys(commands)) {
  const one = get(name, 'one')
  if (!one) continue
  rows.push([name, 'one file', one.seconds.toFixed(3), '-', one.peakMiB ? one.peakMiB.toFixed(0) : '-', (cslOne.seconds / one.seconds).toFixed(2)])
}
printTable(['tool', 'scenario', 'median s', 'files/s', 'peak MiB', 'casestudy-lint ÷ tool'], rows)

const warm = get('casestudy-lint (warm cache)', 'whole')
const inProcess = await ruleCostRatio()
const ratios = {
  coldVsRemark: cslWhole.seconds / get('remark-cli + lint-recommended', 'whole').seconds,
  coldVsMarkdownlint: cslWhole.seconds / get('markdownlint-cli2', 'whole').seconds,
  coldVsBareParse: cslWhole.seconds / get('bare parse (1 thread)', 'whole').seconds,
  coldVsBareParseTwoProcesses: cslWhole.seconds / get('bare parse (2 processes)', 'whole').seconds,
  twoProcessParseVsRemark: get('bare parse (2 processes)', 'whole').seconds / get('remark-cli + lint-recommended', 'whole').seconds,
  warmVsCold: warm.seconds / cslWhole.seconds,
  oneFileVsMarkdownlint: cslOne.seconds / get('markdownlint-cli2', 'one').seconds,
  allRulesVsNoPlaceholders300Lines: inProcess,
}
console.log('\nratios (casestudy-lint ÷ peer; lower is better)')
console.log(`  whole corpus, cold:  ${ratios.coldVsRemark.toFixed(2)}x remark-cli, ${ratios.coldVsMarkdownlint.toFixed(2)}x markdownlint-cli2, ${ratios.coldVsBareParse.toFixed(2)}x bare parse`)
console.log(`  parse floor on both cores: casestudy-lint takes ${ratios.coldVsBareParseTwoProcesses.toFixed(2)}x a bare parse split over two processes; that parse alone takes ${ratios.twoProcessParseVsRemark.toFixed(2)}x remark-cli`)
console.log(`  warm cache:          ${ratios.warmVsCold.toFixed(3)}x its own cold time`)
console.log(`  one file:            ${ratios.oneFileVsMarkdownlint.toFixed(2)}x markdownlint-cli2`)
console.log(`  300-line case study: all rules take ${inProcess.toFixed(2)}x the time of no-placeholders alone (in process, parse included)`)
console.log(`  peak memory, whole corpus: ${cslWhole.peakMiB ? cslWhole.peakMiB.toFixed(0) + ' MiB' : 'not measured (/usr/bin/time missing)'}`)

// Each round runs the tools back to back, so a ratio within one round is less
// exposed to the machine's slower and faster spells than a ratio of medians.
const perRound = (peer) => samples[`casestudy-lint\0whole`].map((sample, round) => sample.seconds / samples[`${peer}\0whole`][round].seconds)
console.log('  whole corpus, cold, round by round:')
for (const [label, peer] of [['remark-cli', 'remark-cli + lint-recommended'], ['markdownlint-cli2', 'markdownlint-cli2'], ['bare parse', 'bare parse (1 thread)']]) {
  console.log(`    ${label.padEnd(18)} ${perRound(peer).map((ratio) => ratio.toFixed(2) + 'x').join('  ')}`)
}
console.log(`    casestudy-lint s   ${samples[`casestudy-lint\0whole`].map((sample) => sample.seconds.toFixed(2)).join('  ')}`)

const same = readFileSync(join(work, 'csl.json'), 'utf8') === readFileSync(join(work, 'csl-warm.json'), 'utf8')
console.log(`  warm-cache JSON identical to cold JSON: ${same ? 'yes' : 'NO'}`)

if (args.out) writeFileSync(resolve(args.out), JSON.stringify({files: files.length, bytes, rounds: ROUNDS, summary: Object.values(summary), ratios, identical: same}, null, 2))
if (!args.keep) rmSync(work, {recursive: true, force: true})
else console.log(`\ncorpus kept in ${work}`)

// ---------------------------------------------------------------- helpers
function runTool(argv) {
  const full = TIME ? [TIME, '-f', '%e %M', process.execPath, ...argv] : [process.execPath, ...argv]
  const started = performance.now()
  const child = spawnSync(full[0], full.slice(1), {cwd: work, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024})
  const seconds = (performance.now() - started) / 1000
  let peakMiB = null
  if (TIME) {
    const last = child.stderr.trim().split('\n').pop() ?? ''
    const match = /(\d+(?:\.\d+)?) (\d+)$/.exec(last)
    if (match) peakMiB = Number(match[2]) / 1024
  }
  if (child.status === null || child.status > 2 || child.error) {
    console.error(`bench: ${argv.map((a) => basename(a)).join(' ')} failed (${child.status ?? child.signal}):\n${child.stderr.slice(-2000)}`)
    process.exit(2)
  }
  return {seconds, peakMiB, status: child.status}
}

/** Runs the commands at the same time; wall time until the last ends, peak memory summed. */
async function runTogether(argvs) {
  const started = performance.now()
  const outcomes = await Promise.all(
    argvs.map(
      (argv) =>
        new Promise((done) => {
          const full = TIME ? [TIME, '-f', '%e %M', process.execPath, ...argv] : [process.execPath, ...argv]
          const child = spawn(full[0], full.slice(1), {cwd: work, env, stdio: ['ignore', 'ignore', 'pipe']})
          let stderr = ''
          child.stderr.on('data', (chunk) => (stderr += chunk))
          child.on('close', (status) => {
            const match = /(\d+(?:\.\d+)?) (\d+)$/.exec(stderr.trim().split('\n').pop() ?? '')
            done({status, peakMiB: match ? Number(match[2]) / 1024 : null, stderr})
          })
        }),
    ),
  )
  const seconds = (performance.now() - started) / 1000
  for (const outcome of outcomes) {
    if (outcome.status !== 0) {
      console.error(`bench: a parse process failed (${outcome.status}):\n${outcome.stderr.slice(-2000)}`)
      process.exit(2)
    }
  }
  const peaks = outcomes.map((o) => o.peakMiB).filter((p) => p !== null)
  return {seconds, peakMiB: peaks.length ? peaks.reduce((a, b) => a + b, 0) : null, status: 0}
}

async function ruleCostRatio() {
  const {Linter} = await import(join(ROOT, 'dist', 'src', 'engine.js'))
  const {rules} = await import(join(ROOT, 'dist', 'rules', 'index.js'))
  const linter = new Linter(rules)
  const text = caseStudy(new Random(300), 0, 300)
  const all = Object.fromEntries(rules.map((rule) => [rule.id, [rule.severity === 'error' ? 2 : 1, rule.resolveOptions(undefined)]]))
  const only = {'no-placeholders': all['no-placeholders']}
  const time = async (settings) => {
    const config = {rules: settings, settings: {templates: []}}
    for (let i = 0; i < 20; i++) await linter.lintText(text, 'bench.md', config)
    const runs = []
    for (let r = 0; r < 7; r++) {
      const started = performance.now()
      for (let i = 0; i < 40; i++) await linter.lintText(text, 'bench.md', config)
      runs.push(performance.now() - started)
    }
    return median(runs)
  }
  const onlyTime = await time(only)
  const allTime = await time(all)
  return allTime / onlyTime
}

function printTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |'
  console.log(line(head))
  console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |')
  for (const row of rows) console.log(line(row))
}

function parseArgs(argv) {
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue
    const key = argv[i].slice(2)
    const value = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true
    out[key] = value
  }
  return out
}

function listMarkdown(dir) {
  const out = []
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile() && /\.(md|mdx|markdown)$/i.test(entry.name)) out.push(join(entry.parentPath ?? entry.path, entry.name))
  }
  return out.sort()
}

// ---------------------------------------------------------------- generator
function generateCorpus(dir, count) {
  const random = new Random(20261122)
  mkdirSync(join(dir, 'case-studies'))
  let generatedMdx = 0
  for (let i = 0; i < count; i++) {
    const mdx = i % 10 === 9
    if (mdx) generatedMdx++
    const lines = 120 + random.int(220)
    const name = `case-${String(i).padStart(4, '0')}.${mdx ? 'mdx' : 'md'}`
    writeFileSync(join(dir, 'case-studies', name), caseStudy(random, i, lines, mdx))
  }
  // Real-world Markdown: READMEs shipped inside node_modules.
  mkdirSync(join(dir, 'readmes'))
  let readmes = 0
  const modules = join(ROOT, 'node_modules')
  for (const entry of readdirSync(modules, {withFileTypes: true})) {
    const candidates = entry.name.startsWith('@') ? readdirSync(join(modules, entry.name)).map((n) => join(entry.name, n)) : [entry.name]
    for (const pkg of candidates) {
      const readme = join(modules, pkg, 'readme.md')
      const upper = join(modules, pkg, 'README.md')
      const path = existsSync(upper) ? upper : existsSync(readme) ? readme : null
      if (!path || statSync(path).size > 200_000) continue
      cpSync(path, join(dir, 'readmes', `${pkg.replace('/', '__')}.md`))
      readmes++
    }
  }
  return {generated: count, generatedMdx, readmes}
}

function caseStudy(random, n, targetLines, mdx = false) {
  const product = random.pick(['Ledgerline', 'Shipwise', 'Tallyhouse', 'Northdesk', 'Quillpay', 'Fieldnote', 'Harborview', 'Pinecast'])
  const out = []
  out.push('---', `title: "${product}: ${random.pick(['moving reconciliation to events', 'a faster checkout', 'search that scales', 'cutting cloud spend'])}"`)
  out.push(`date: 2026-0${1 + random.int(9)}-1${random.int(9)}`, `tags: [${random.pick(['payments', 'search', 'infra'])}, ${random.pick(['postgres', 'kafka', 'redis'])}]`, '---', '')
  out.push(`# ${product} case study ${n}`, '')
  const sections = [
    () => ['## Overview', '', para(random), '', para(random)],
    () => ['## Goals', '', ...list(random, ['Cut p95 latency below 300 ms.', 'Keep error rate under 0.5%.', 'Ship before the holiday freeze.', 'GOAL_1', 'Support 3 regions.'])],
    () => random.chance(0.7) ? ['## Non-goals', '', ...list(random, ['Mobile app (deferred; 85% of use is desktop).', 'Multi-currency, because volume is low.', 'NON_GOAL_1'])] : [],
    () => ['## Challenges', '', ...list(random, ['Deployment was hard', 'Duplicate webhooks double-charged customers when retries overlapped.', 'Performance issues', 'Lock contention under month-end load raised p95 from 2 s to 40 s.', 'Ensuring consistency across services'])],
    () => ['## Tech stack', '', '| Layer | Technology | Why |', '| --- | --- | --- |', ...Array.from({length: 3 + random.int(4)}, () => `| ${random.pick(['Frontend', 'Backend', 'Database', 'Cache', 'Queue'])} | ${random.pick(['React', 'Go', 'Postgres', 'Redis', 'Kafka', 'TECH'])} | ${random.pick(['team familiarity', 'REASON', 'ACID transactions for payments', 'low-latency reads'])} |`)],
    () => ['## Implementation', '', para(random), '', '```ts', 'export async function match(transfer: Transfer) {', '  const key = transfer.bankId // YOUR_API_KEY stays in code', '  return db.insert({key})', '}', '```', '', para(random)],
    () => ['## Best practices applied', '', ...['Input validation with Zod on every POST', 'Rate limiting', 'Caching strategy', 'Structured logging with request ids'].map((t) => `- [${random.chance(0.5) ? 'x' : ' '}] ${t}`)],
    () => ['## Results', '', random.chance(0.5) ? 'We significantly reduced latency and improved conversion.' : 'Median checkout time fell from 4.1 s to 1.7 s.', '', '| Metric | Before | After |', '| --- | --- | --- |', `| Response time | ${random.pick(['X ms', '820 ms'])} | ${random.pick(['Y ms', '310 ms'])} |`, `| Error rate | ${random.pick(['1.2%', 'high'])} | ${random.pick(['0.3%', 'low'])} |`],
    () => ['## Lessons learned', '', ...list(random, ['Idempotency keys belong at the edge.', 'Load tests should replay real traffic.', 'Feature flags decouple deploy from release.'])],
  ]
  for (const section of sections) out.push(...section(), '')
  if (mdx) out.push('<Note>', '  Numbers are from the production dashboard, March 2026.', '</Note>', '', '{/* reviewed */}', '')
  while (out.length < targetLines) out.push(`### Detail ${out.length}`, '', para(random), '', ...list(random, ['A retry queue with exponential backoff.', 'Dead letters go to a separate topic.', 'Alerts page the on-call engineer after 5 minutes.']), '')
  return out.join('\n') + '\n'
}

function para(random) {
  const sentences = [
    'The matcher consumes a topic and keeps a running balance per invoice.',
    'Each webhook is stored with the bank transfer id as an idempotency key.',
    'We moved image resizing to a queue so uploads return in under a second.',
    'The old batch job ran at 02:00 and took about 40 minutes.',
    'Support tickets about pending payments dropped from 120 to 15 a month.',
    'We chose Postgres over a document store because the flows needed transactions.',
    'Reads go to a replica; writes go to the primary with a 5 second statement timeout.',
    'See the [runbook](https://example.com/runbook) for the failover steps.',
    'It was significantly faster after the change.',
    'We plan to improve throughput next quarter.',
  ]
  return Array.from({length: 2 + random.int(4)}, () => random.pick(sentences)).join(' ')
}

function list(random, items) {
  return Array.from({length: 2 + random.int(3)}, () => `- ${random.pick(items)}`)
}

function Random(seed) {
  let state = seed >>> 0
  this.next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  this.int = (n) => Math.floor(this.next() * n)
  this.pick = (items) => items[this.int(items.length)]
  this.chance = (p) => this.next() < p
}
