/**
 * Small runs linted in the main thread: the same results as on workers, the
 * time budget kept, and deep nesting handed to a worker's larger stack.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {lintInProcess} from '../src/in-process.js'
import {lintInWorkers, type PendingTask, type TaskText} from '../src/parallel.js'
import {rules} from '../rules/index.js'

const config = {rules: Object.fromEntries(rules.map((rule) => [rule.id, [1, rule.resolveOptions(undefined)] as const])), settings: {templates: []}}
const task = (path: string, text: TaskText): PendingTask => ({path, text, config, timing: false})
const dir = mkdtempSync(join(tmpdir(), 'csl-in-process-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
/** A task whose text the linting thread reads from a file. */
function fileTask(name: string, content: string | Buffer): PendingTask {
  writeFileSync(join(dir, name), content)
  return task(join(dir, name), {maxFileSize: 1024 * 1024})
}
const doc = (i: number) => `# Case ${i}\n\n## Results\n\nWe significantly reduced latency.\n\nOwner: YOUR_NAME_${i}\n`

describe('lintInProcess', () => {
  it('gives the results a worker gives, in order, with unreadable files in place', async () => {
    const tasks = [task('a.md', doc(1)), fileTask('b.md', Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a])), fileTask('c.mdx', doc(3) + '\n<Note>x</Note>\n')]
    const here = await lintInProcess(tasks, rules, {fileTimeout: 30_000})
    const there = await lintInWorkers(tasks, {concurrency: 1, fileTimeout: 30_000})
    expect(here.handOff).toEqual([])
    expect(here.results).toEqual(there)
    expect(here.results[0]?.result.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['no-placeholders', 'no-unquantified-metrics']))
    expect(here.results[1]?.result.messages).toEqual([expect.objectContaining({fatal: true, message: expect.stringMatching(/UTF-8/)})])
    expect(here.results[2]?.result.messages.length).toBeGreaterThan(0)
  })

  it('hands a file nested deeper than this thread allows to the pool, with its text', async () => {
    const deep = '>'.repeat(10_000) + ' deep YOUR_NAME\n'
    const outcome = await lintInProcess([task('fine.md', doc(1)), fileTask('quotes.md', deep)], rules, {fileTimeout: 30_000})
    expect(outcome.results[0]?.result.messages.length).toBeGreaterThan(0)
    expect(outcome.results[1]).toBeUndefined()
    expect(outcome.handOff).toEqual([{index: 1, task: expect.objectContaining({path: join(dir, 'quotes.md'), text: deep})}])
  })

  it('stops a file at its budget and hands the files after it to the pool unread', async () => {
    // Deeply nested lists are super-linear for the Markdown parser.
    const slow = Array.from({length: 400}, (_, i) => '  '.repeat(i) + '- item').join('\n')
    const later = fileTask('c.md', doc(3))
    const started = Date.now()
    const outcome = await lintInProcess([task('a.md', doc(1)), task('slow.md', slow), later], rules, {fileTimeout: 300})
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(outcome.results[0]?.result.messages.length).toBeGreaterThan(0)
    expect(outcome.results[1]?.result.messages).toEqual([expect.objectContaining({fatal: true, message: 'Not linted: took longer than 0.3 s (raise the budget with --file-timeout)'})])
    expect(outcome.handOff).toEqual([{index: 2, task: later}])
  })
})
