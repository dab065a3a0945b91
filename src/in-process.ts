/**
 * Lints files in the main thread: all of a small run (a file from an editor
 * or a handful from a pre-commit hook finish before a worker thread would
 * have started), and a share of a larger one alongside the workers. Each file
 * keeps its time budget: the lint runs under a `vm` timeout, which stops any
 * JavaScript, a runaway regular expression included. Results match a run on
 * workers: a file that needs a worker's larger call stack (deep nesting) is
 * handed to a worker, and after a file is stopped at its budget this thread
 * lints nothing more (a stopped lint may leave memos half-built). Workers
 * lint with the built-in rules, which are the only ones the CLI runs.
 */
import {createContext, Script} from 'node:vm'
import {crashedRules, Linter, ranOutOfStack, toFileResult} from './engine.js'
import type {LintTaskResult, PendingTask} from './parallel.js'
import {overBudget} from './results.js'
import {contentHash, readTaskText, unreadable} from './read-file.js'
import type {Rule} from './define-rule.js'
import {startTiming, takeTimings} from './timing.js'

/** Runs the function in `slot.lint` (the script's only global) under a timeout. */
const slot: {lint: (() => void) | null} = {lint: null}
const sandbox = createContext(slot)
const call = new Script('lint()', {filename: 'casestudy-lint:file-timeout'})

/** Calls `fn`; throws `BudgetExceeded` if it runs longer than `ms` milliseconds. */
function withinBudget<T>(fn: () => T, ms: number): T {
  let out: T | undefined
  slot.lint = () => {
    out = fn()
  }
  try {
    call.runInContext(sandbox, {timeout: ms})
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BudgetExceeded()
    throw error
  } finally {
    slot.lint = null
  }
  return out as T
}

class BudgetExceeded extends Error {}

/** What became of one file linted in this thread. */
export type InProcessOutcome =
  | {kind: 'linted'; outcome: LintTaskResult}
  /** It needs a worker's larger call stack (the worker reads the file again). */
  | {kind: 'hand-off'}
  /** It ran over its budget; this thread lints no more files. */
  | {kind: 'stopped'; outcome: LintTaskResult}

export class InProcessLinter {
  private readonly linter: Linter
  /** Set once a file has been stopped at its budget. */
  stopped = false

  constructor(
    rules: readonly Rule[],
    private readonly fileTimeout: number,
  ) {
    this.linter = new Linter(rules)
  }

  async lint(task: PendingTask): Promise<InProcessOutcome> {
    if (this.stopped) throw new Error('lint: this thread stopped linting after a file ran over its budget')
    const {path, config, timing} = task
    if (timing) startTiming()
    const read = readTaskText(task)
    if (!read.ok) return {kind: 'linted', outcome: {result: unreadable(path, read), crashed: [], timings: takeTimings()}}
    const syntax = await this.linter.prepare(path, config)
    try {
      const file = withinBudget(() => this.linter.lintTextSync(read.text, path, config, syntax), this.fileTimeout)
      const timings = takeTimings()
      if (ranOutOfStack(file)) return {kind: 'hand-off'}
      return {kind: 'linted', outcome: {result: toFileResult(file, path), crashed: crashedRules(file), timings, ...contentHash(task, read.text)}}
    } catch (error) {
      takeTimings()
      if (!(error instanceof BudgetExceeded)) throw error
      this.stopped = true
      return {kind: 'stopped', outcome: {result: overBudget(path, this.fileTimeout), crashed: [], timings: null}}
    }
  }
}
