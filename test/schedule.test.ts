/**
 * Sharing a run between the main thread and workers: the same results
 * whoever lints a file, each file's time budget kept on every thread, deep
 * nesting handed to a worker's larger stack, and a failed worker's files
 * still linted.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {InProcessLinter} from '../src/in-process.js'
import {lintInWorkers, shareWithWorkers, type LintTaskResult, type PendingTask, type TaskText} from '../src/parallel.js'
import {lintAll, workersFor} from '../src/schedule.js'
import {IN_PROCESS_MAX_FILES} from '../src/run-size.js'
import {rules} from '../rules/index.js'
import {hashText} from '../src/hash.js'

const config = {rules: Object.fromEntries(rules.map((rule) => [rule.id, [1, rule.resolveOptions(undefined)] as const])), settings: {templates: []}}
const task = (path: string, text: TaskText): PendingTask => ({path, text, config, timing: false})
const dir = mkdtempSync(join(tmpdir(), 'csl-schedule-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
/** A task whose text the linting thread reads from a file. */
function fileTask(name: string, content: string | Buffer): PendingTask {
  writeFileSync(join(dir, name), content)
  return task(join(dir, name), {maxFileSize: 1024 * 1024})
}
const doc = (i: number) => `# Case ${i}\n\n## Results\n\nWe significantly reduced latency.\n\nOwner: YOUR_NAME_${i}\n`
// Deeply nested lists are super-linear for the Markdown parser.
const slow = Array.from({length: 400}, (_, i) => '  '.repeat(i) + '- item').join('\n')
const deep = '>'.repeat(10_000) + ' deep YOUR_NAME\n'
const overBudget = (seconds: number) => [expect.objectContaining({fatal: true, message: `Not linted: took longer than ${seconds} s (raise the budget with --file-timeout)`})]
const ruleIds = (outcome: LintTaskResult | undefined) => outcome?.result.messages.map((m) => m.ruleId)

describe('InProcessLinter', () => {
  it('gives the results a worker gives, with unreadable files reported', async () => {
    const tasks = [task('a.md', doc(1)), fileTask('b.md', Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a])), fileTask('c.mdx', doc(3) + '\n<Note>x</Note>\n')]
    const here = new InProcessLinter(rules, 30_000)
    const outcomes = []
    for (const item of tasks) outcomes.push(await here.lint(item))
    const there = await lintInWorkers(tasks, {concurrency: 1, fileTimeout: 30_000})
    expect(outcomes.map((o) => o.kind)).toEqual(['linted', 'linted', 'linted'])
    expect(outcomes.map((o) => (o.kind === 'linted' ? o.outcome : null))).toEqual(there)
    expect(ruleIds(there[0])).toEqual(expect.arrayContaining(['no-placeholders', 'no-unquantified-metrics']))
    expect(there[1].result.messages).toEqual([expect.objectContaining({fatal: true, message: expect.stringMatching(/UTF-8/)})])
    expect(there[2].result.messages.length).toBeGreaterThan(0)
  })

  it('hands back a file nested deeper than this thread allows', async () => {
    const outcome = await new InProcessLinter(rules, 30_000).lint(fileTask('quotes.md', deep))
    expect(outcome).toEqual({kind: 'hand-off'})
  })

  it('stops a file at its budget and then refuses to lint more', async () => {
    const here = new InProcessLinter(rules, 300)
    const started = Date.now()
    const outcome = await here.lint(task('slow.md', slow))
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(outcome.kind).toBe('stopped')
    expect(outcome.kind === 'stopped' && outcome.outcome.result.messages).toEqual(overBudget(0.3))
    expect(here.stopped).toBe(true)
    await expect(here.lint(task('a.md', doc(1)))).rejects.toThrow(/stopped/)
  })
})

describe('lintAll', () => {
  it('uses workers only beside the main thread, and only for a run larger than the in-process limit', () => {
    expect(workersFor(IN_PROCESS_MAX_FILES, 4)).toBe(0)
    expect(workersFor(IN_PROCESS_MAX_FILES + 1, 4)).toBe(3)
    expect(workersFor(IN_PROCESS_MAX_FILES + 1, 2)).toBe(1)
    expect(workersFor(IN_PROCESS_MAX_FILES + 1, 1)).toBe(0)
  })

  it('gives the same results on one thread and shared with workers, in input order', async () => {
    const tasks = Array.from({length: IN_PROCESS_MAX_FILES + 10}, (_, i) => (i % 7 === 3 ? fileTask(`f${i}.md`, doc(i)) : task(`t${i}.md`, doc(i))))
    const alone = await lintAll(tasks, {rules, concurrency: 1, fileTimeout: 30_000})
    const shared = await lintAll(tasks, {rules, concurrency: 3, fileTimeout: 30_000})
    expect(shared).toEqual(alone)
    expect(alone.map((outcome) => outcome.result.filePath)).toEqual(tasks.map((item) => item.path))
    expect(alone.every((outcome) => ruleIds(outcome)?.includes('no-placeholders'))).toBe(true)
  })

  it('reports the content hash of what the linting thread read, when asked, on every thread', async () => {
    const tasks = Array.from({length: IN_PROCESS_MAX_FILES + 4}, (_, i) => {
      writeFileSync(join(dir, `h${i}.md`), doc(i))
      return task(join(dir, `h${i}.md`), {maxFileSize: 1024 * 1024, hash: true})
    })
    for (const concurrency of [1, 2]) {
      const results = await lintAll(tasks, {rules, concurrency, fileTimeout: 30_000})
      expect(results.map((outcome) => outcome.hash)).toEqual(tasks.map((_, i) => hashText(doc(i))))
    }
    const [plain] = await lintAll([task('given.md', doc(1))], {rules, concurrency: 1, fileTimeout: 30_000})
    const [unasked] = await lintInWorkers([fileTask('unasked.md', doc(1))], {concurrency: 1, fileTimeout: 30_000})
    expect(plain.hash).toBeUndefined()
    expect(unasked.hash).toBeUndefined()
  })

  it('lints a file too deep for the main thread on a worker', async () => {
    const tasks = [task('fine.md', doc(1)), fileTask('quotes.md', deep), task('after.md', doc(2))]
    const results = await lintAll(tasks, {rules, concurrency: 1, fileTimeout: 30_000})
    const [onWorker] = await lintInWorkers([tasks[1]], {concurrency: 1, fileTimeout: 30_000})
    expect(results[1]).toEqual(onWorker)
    expect(ruleIds(results[1])).toContain('no-placeholders')
    expect(ruleIds(results[2])).toContain('no-placeholders')
  })

  it('after the main thread stops a file at its budget, lints the files after it on workers', async () => {
    const later = fileTask('later.md', doc(3))
    const started = Date.now()
    const results = await lintAll([task('a.md', doc(1)), task('slow.md', slow), later], {rules, concurrency: 1, fileTimeout: 300})
    expect(Date.now() - started).toBeLessThan(8_000)
    expect(ruleIds(results[0])).toContain('no-placeholders')
    expect(results[1].result.messages).toEqual(overBudget(0.3))
    expect(ruleIds(results[2])).toContain('no-placeholders')
  })

  it('stops a slow file whichever thread takes it, and lints every other file', async () => {
    const tasks = Array.from({length: IN_PROCESS_MAX_FILES + 6}, (_, i) => (i === 5 || i === 40 ? task(`slow${i}.md`, slow) : task(`t${i}.md`, doc(i))))
    const results = await lintAll(tasks, {rules, concurrency: 2, fileTimeout: 400})
    expect(results[5].result.messages).toEqual(overBudget(0.4))
    expect(results[40].result.messages).toEqual(overBudget(0.4))
    results.forEach((outcome, i) => i !== 5 && i !== 40 && expect(ruleIds(outcome)).toContain('no-placeholders'))
  })
})

describe('shareWithWorkers', () => {
  /** Runs a share on workers alone: the main thread claims nothing. */
  async function share(tasks: PendingTask[], fileTimeout: number): Promise<(LintTaskResult | undefined)[]> {
    const results: (LintTaskResult | undefined)[] = new Array(tasks.length)
    const next = new Int32Array(new SharedArrayBuffer(4))
    const running = shareWithWorkers(tasks, next, results, 1, {concurrency: 1, fileTimeout})
    await running.done
    await (await running.pool).destroy()
    return results
  }

  it('terminates a worker over budget and goes on with the rest in a fresh one', async () => {
    const results = await share([task('a.md', doc(1)), task('slow.md', slow), task('c.md', doc(3)), task('d.md', doc(4))], 400)
    expect(ruleIds(results[0])).toContain('no-placeholders')
    expect(results[1]?.result.messages).toEqual(overBudget(0.4))
    expect(ruleIds(results[2])).toContain('no-placeholders')
    expect(ruleIds(results[3])).toContain('no-placeholders')
  })

  it('reports the file a worker failed on and lints the rest in a fresh worker', async () => {
    // A configuration without rules makes the lint throw inside the worker.
    const broken = {...task('broken.md', doc(2)), config: {settings: {templates: []}} as unknown as PendingTask['config']}
    const results = await share([task('a.md', doc(1)), broken, task('c.md', doc(3))], 30_000)
    expect(ruleIds(results[0])).toContain('no-placeholders')
    expect(results[1]?.result.messages).toEqual([expect.objectContaining({fatal: true, message: expect.stringMatching(/^Not linted: the worker failed/)})])
    expect(ruleIds(results[2])).toContain('no-placeholders')
  })
})
