/**
 * Lints a small run in this thread: a file from an editor or a handful from a
 * pre-commit hook finish before a worker thread would have started. Each file
 * keeps its time budget: the lint runs under a `vm` timeout, which stops any
 * JavaScript, a runaway regular expression included. Results match a run on
 * workers: a file that needs a worker's larger call stack (deep nesting) is
 * linted again on the pool, and so is every file after one stopped at its
 * budget (a stopped lint may leave memos half-built). The pool lints with the
 * built-in rules, which are the only ones the CLI runs.
 */
import {createContext, Script} from 'node:vm'
import {crashedRules, Linter, ranOutOfStack, toFileResult} from './engine.js'
import type {LintTaskResult, PendingTask, PoolOptions} from './parallel.js'
import {overBudget} from './results.js'
import {readTaskText, unreadable} from './read-file.js'
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

export interface InProcessOutcome {
  /** Results by task index; `undefined` for tasks left to the pool. */
  results: (LintTaskResult | undefined)[]
  /** The tasks the pool must lint, by index (with the text when it has been read). */
  handOff: {index: number; task: PendingTask}[]
}

export async function lintInProcess(tasks: readonly PendingTask[], rules: readonly Rule[], options: Pick<PoolOptions, 'fileTimeout'>): Promise<InProcessOutcome> {
  const linter = new Linter(rules)
  const results: (LintTaskResult | undefined)[] = new Array(tasks.length)
  const handOff: InProcessOutcome['handOff'] = []
  for (let index = 0; index < tasks.length; index++) {
    const {path, config, timing} = tasks[index]
    if (timing) startTiming()
    const read = readTaskText(tasks[index])
    if (!read.ok) {
      results[index] = {result: unreadable(path, read), crashed: [], timings: takeTimings()}
      continue
    }
    const syntax = await linter.prepare(path, config)
    try {
      const file = withinBudget(() => linter.lintTextSync(read.text, path, config, syntax), options.fileTimeout)
      const timings = takeTimings()
      const crashed = crashedRules(file)
      if (ranOutOfStack(file)) {
        handOff.push({index, task: {...tasks[index], text: read.text}})
        continue
      }
      results[index] = {result: toFileResult(file, path), crashed, timings}
    } catch (error) {
      takeTimings()
      if (!(error instanceof BudgetExceeded)) throw error
      results[index] = {result: overBudget(path, options.fileTimeout), crashed: [], timings: null}
      for (let rest = index + 1; rest < tasks.length; rest++) handOff.push({index: rest, task: tasks[rest]})
      break
    }
  }
  return {results, handOff}
}
