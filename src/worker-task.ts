/**
 * What a worker thread runs: one file's text per task. Runs in a pool so a
 * file that takes too long can be stopped by terminating its worker. The
 * entry module (`worker.ts`, or the bundle's) awaits `warmUp` first.
 */
import {crashedRules, Linter, toFileResult} from './engine.js'
import type {LintTask, LintTaskResult, ShareMessage, ShareTask} from './parallel.js'
import {contentHash, readTaskText, unreadable} from './read-file.js'
import {startTiming, takeTimings} from './timing.js'
import {rules} from '../rules/index.js'

const linter = new Linter(rules)

/**
 * One-time set-up (processors, tables built on first use, compiled patterns),
 * done before the worker reports ready so it never counts against the first
 * file's time budget. A failure here is left for the real tasks to report.
 */
export async function warmUp(): Promise<void> {
  try {
    await linter.lintText(
      '---\ntitle: Warm-up\n---\n\n# Warm-up\n\n## Goals\n\n- [x] Item with a [link](https://example.com) and `code`, 10 ms.\n\n| Metric | Before | After |\n| --- | --- | --- |\n| Latency | 9 ms | 3 ms |\n',
      'warm-up.md',
      {rules: Object.fromEntries(rules.map((rule) => [rule.id, [1, rule.resolveOptions(undefined)] as const])), settings: {templates: []}},
    )
  } catch {
    // Nothing to do: linting itself reports what went wrong.
  }
}

export async function lintTask(task: LintTask): Promise<LintTaskResult> {
  // The time budget starts now, not when the task was queued.
  if (task.started) Atomics.store(task.started, 0, BigInt(Date.now()))
  if (task.timing) startTiming()
  const read = readTaskText(task)
  if (!read.ok) return {result: unreadable(task.path, read), crashed: [], timings: takeTimings()}
  const file = await linter.lintText(read.text, task.path, task.config)
  return {result: toFileResult(file, task.path), crashed: crashedRules(file), timings: takeTimings(), ...contentHash(task, read.text)}
}


/**
 * Lints a share of a run: claims the next file from the counter the threads
 * share until none is left, stamping when each starts (the main thread stops
 * a worker whose file runs over its budget), and posts each result on the
 * share's port as soon as it is ready. Ends with a `done` message.
 */
export async function lintShare(share: ShareTask): Promise<void> {
  const {tasks, next, started, claimed, port} = share
  try {
    for (;;) {
      const index = Atomics.add(next, 0, 1)
      if (index >= tasks.length) break
      Atomics.store(started, index, BigInt(Date.now()))
      Atomics.store(claimed, 0, index)
      const outcome = await lintTask(tasks[index])
      port.postMessage({index, outcome} satisfies ShareMessage)
      Atomics.store(claimed, 0, -1)
    }
    port.postMessage({done: true} satisfies ShareMessage)
  } finally {
    port.close()
  }
}
