/**
 * Worker-thread entry: lints one file's text per task. Runs in a pool so a
 * file that takes too long can be stopped by terminating its worker.
 */
import {crashedRules, Linter, toFileResult} from './engine.js'
import type {LintTask, LintTaskResult} from './parallel.js'
import {startTiming, takeTimings} from './timing.js'
import {rules} from '../rules/index.js'

const linter = new Linter(rules)

export default async function lintTask(task: LintTask): Promise<LintTaskResult> {
  if (task.timing) startTiming()
  const file = await linter.lintText(task.text, task.path, task.config)
  return {result: toFileResult(file, task.path), crashed: crashedRules(file), timings: takeTimings()}
}
