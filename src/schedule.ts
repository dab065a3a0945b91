/**
 * Shares a run's files between the threads that lint them. The main thread
 * always lints: all of a small run (starting a worker costs more than such a
 * run takes), and a share of a larger one, claiming files from the counter it
 * shares with `concurrency - 1` workers, so `--concurrency` counts every
 * thread that lints and a two-core machine runs one worker, not two beside an
 * idle main thread. Files the main thread cannot lint (deep nesting beyond
 * its call stack, or every file it has not claimed once one of its files ran
 * over budget) and any result a failed worker lost are linted at the end,
 * one pool task each. Results come back in input order.
 */
import type {Rule} from './define-rule.js'
import {InProcessLinter} from './in-process.js'
import type {LintTaskResult, PendingTask, Share} from './parallel.js'
import {IN_PROCESS_MAX_FILES, poolState} from './run-size.js'

export interface ScheduleOptions {
  rules: readonly Rule[]
  /** Threads that lint, this one included. */
  concurrency: number
  /** Per-file budget in milliseconds. */
  fileTimeout: number
}

/** How many workers lint beside the main thread for a run of `files` files. */
export function workersFor(files: number, concurrency: number): number {
  return files > IN_PROCESS_MAX_FILES ? Math.max(0, concurrency - 1) : 0
}

export async function lintAll(tasks: readonly PendingTask[], options: ScheduleOptions): Promise<LintTaskResult[]> {
  const results: (LintTaskResult | undefined)[] = new Array(tasks.length)
  if (tasks.length === 0) return []
  const next = new Int32Array(new SharedArrayBuffer(4))
  const workers = workersFor(tasks.length, options.concurrency)
  const pool = {concurrency: options.concurrency, fileTimeout: options.fileTimeout}
  let share: Share | null = null
  if (workers > 0) {
    share = (await import('./parallel.js')).shareWithWorkers(tasks, next, results, workers, pool)
    // Wait until the pool library has loaded and the workers are starting: an
    // ES module loads over several turns of the event loop, and once this
    // thread lints, it yields only between its files.
    await share.pool.catch(() => undefined)
  } else if (poolState.prestarted) void (await import('./parallel.js')).stopPrestartedPool()

  const here = new InProcessLinter(options.rules, options.fileTimeout)
  while (!here.stopped) {
    const index = Atomics.add(next, 0, 1)
    if (index >= tasks.length) break
    const outcome = await here.lint(tasks[index])
    // A file handed off keeps no result here: the pass at the end lints it.
    if (outcome.kind !== 'hand-off') results[index] = outcome.outcome
    // Let the workers' results and budget checks in between this thread's files.
    if (share) await new Promise((resolve) => setImmediate(resolve))
  }
  let failure: unknown = null
  await share?.done.catch((error: unknown) => (failure = error))

  const rest: number[] = []
  for (let index = 0; index < tasks.length; index++) if (results[index] === undefined) rest.push(index)
  if (rest.length > 0) {
    const parallel = await import('./parallel.js')
    const given = share ? await share.pool.catch(() => undefined) : undefined
    if (failure && !given) throw failure
    const redone = await parallel.lintInWorkers(
      rest.map((index) => tasks[index]),
      pool,
      given,
    )
    rest.forEach((index, i) => (results[index] = redone[i]))
  }
  if (share) await (await share.pool.catch(() => null))?.destroy()
  return results as LintTaskResult[]
}
