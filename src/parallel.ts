/**
 * Lints files on a worker-thread pool (tinypool), in two ways. A share
 * (`shareWithWorkers`): each worker claims files one after another from a
 * counter it shares with the main thread, and posts each result as it is
 * ready. Per file (`lintInWorkers`): one task per file, for the few files the
 * main thread hands over. Either way a file's time budget starts when a
 * worker starts it (the worker stamps the start into shared memory), so
 * waiting for a fresh worker to boot never counts against a file; a file over
 * budget has its worker terminated (the pool starts a fresh one) and becomes
 * a fatal "not linted" result. Results come back in input order, whatever
 * order the threads finish in.
 */
import {existsSync} from 'node:fs'
import {MessageChannel, type MessagePort} from 'node:worker_threads'
import {join} from 'node:path'
import {createRequire} from 'node:module'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type Tinypool from 'tinypool'
import type {EffectiveConfig} from './engine.js'
import {notLinted, overBudget, type FileResult} from './results.js'
import {PACKAGE_ROOT} from './meta.js'
import {poolState} from './run-size.js'
import {importModule} from './module-importer.js'
import type {Timings} from './timing.js'

/**
 * Young-generation size per worker. Parsing allocates many short-lived
 * objects; a larger nursery means fewer scavenges. Measured on the benchmark
 * corpus (2 workers): 16 MB took 25% longer than 32 MB; 64 MB was 0–8%
 * faster than 32 MB (within run-to-run noise) and used 90 MB more. Capping
 * the old generation instead made runs 35% slower.
 */
const YOUNG_GENERATION_MB = 32

/**
 * A task's text: given (standard input), or read from `path` by the thread
 * that lints it, within a size limit, so the main thread neither holds nor
 * copies the texts. With `hash`, that thread also reports the content hash of
 * what it read, which the lint cache stores the result under.
 */
export type TaskText = string | {maxFileSize: number; hash?: boolean}

export interface LintTask {
  path: string
  text: TaskText
  config: EffectiveConfig
  timing: boolean
  /** Shared with the pool: the worker stores `Date.now()` here when it starts the task. */
  started?: BigInt64Array
}

export interface LintTaskResult {
  result: FileResult
  crashed: string[]
  timings: Timings | null
  /** The content hash of the text linted, when the task asked for it. */
  hash?: string
}

/** A worker's share of a run (see `lintShare` in `worker-task.ts`). */
export interface ShareTask {
  tasks: readonly PendingTask[]
  /** The next index to claim, shared by every thread of the run. */
  next: Int32Array
  /** When each file was started (`Date.now()`), by index. */
  started: BigInt64Array
  /** The index this worker is linting, -1 when none. */
  claimed: Int32Array
  port: MessagePort
}

/** What a worker posts on a share's port: each file's result, then `done` once the counter has run out. */
export type ShareMessage = {index: number; outcome: LintTaskResult} | {done: true}

export interface PoolOptions {
  concurrency: number
  /** Per-file budget in milliseconds. */
  fileTimeout: number
}

/** The compiled worker entry (tests run from sources, so fall back to the build). */
function workerFile(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url))
  if (existsSync(here)) return here
  return join(PACKAGE_ROOT, 'dist', 'src', 'worker.js')
}

let tinypool: Promise<typeof Tinypool> | null = null

/** Loads tinypool (an ES module) on first use. */
function loadTinypool(): Promise<typeof Tinypool> {
  tinypool ??= importModule(pathToFileURL(createRequire(import.meta.url).resolve('tinypool')).href).then((module) => (module as {default: typeof Tinypool}).default)
  return tinypool
}

async function createPool(minThreads: number, maxThreads: number): Promise<Tinypool> {
  const Pool = await loadTinypool()
  return new Pool({filename: workerFile(), minThreads, maxThreads, idleTimeout: 60_000, resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB}})
}

let prestarted: {pool: Promise<Tinypool>; maxThreads: number} | null = null

/**
 * Starts the first worker before the CLI has even loaded, so the worker's
 * start-up (loading the parser and rules) overlaps the main thread's; more
 * workers start on demand up to `maxThreads`.
 */
export function prestartPool(maxThreads: number): void {
  if (!prestarted) prestarted = {pool: createPool(1, Math.max(1, maxThreads)), maxThreads: Math.max(1, maxThreads)}
  poolState.prestarted = true
}

/** Stops a prestarted pool that no run used (a usage error, no files). */
export async function stopPrestartedPool(): Promise<void> {
  const left = prestarted
  prestarted = null
  poolState.prestarted = false
  if (left) await (await left.pool).destroy()
}

function takePrestarted(threads: number): Promise<Tinypool> | null {
  if (!prestarted || prestarted.maxThreads < threads) return null
  const {pool} = prestarted
  prestarted = null
  poolState.prestarted = false
  return pool
}

/** A task before a thread takes it. */
export type PendingTask = Omit<LintTask, 'started'>

/**
 * Lints tasks one per pool task. Uses `given` (left running) when there is
 * one, else a pool of its own, stopped at the end.
 */
export async function lintInWorkers(tasks: readonly PendingTask[], options: PoolOptions, given?: Tinypool): Promise<LintTaskResult[]> {
  const results: LintTaskResult[] = new Array(tasks.length)
  if (tasks.length === 0) return results
  const threads = Math.max(1, Math.min(options.concurrency, tasks.length))
  const pool = given ?? (await (takePrestarted(threads) ?? createPool(threads, threads)))
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++
      const {path, config, timing, text} = tasks[index]
      const started = new BigInt64Array(new SharedArrayBuffer(8))
      const task: LintTask = {path, text, config, timing, started}
      const controller = new AbortController()
      const stop = budget(started, options.fileTimeout, controller)
      try {
        results[index] = (await pool.run(task, {signal: controller.signal})) as LintTaskResult
      } catch (error) {
        results[index] = controller.signal.aborted
          ? {result: overBudget(task.path, options.fileTimeout), crashed: [], timings: null}
          : failed(task.path, `Not linted: the worker failed (${error instanceof Error ? error.message : String(error)})`)
      } finally {
        stop()
      }
    }
  }
  try {
    await Promise.all(Array.from({length: threads}, lane))
  } finally {
    if (!given) await pool.destroy()
  }
  return results
}

export interface Share {
  /** Settles when no worker lane is running: the counter has run out, or the workers failed to start. */
  done: Promise<void>
  pool: Promise<Tinypool>
}

/**
 * Starts `lanes` workers, each claiming files from `next` (shared with the
 * main thread) and storing results into `results` by index. A worker whose
 * file runs over budget is terminated and its lane goes on in a fresh worker;
 * so does a lane whose worker failed, with that file reported as not linted.
 * A lane that fails before claiming a file stops: its files are left to the
 * other threads, and any file left without a result to the caller. Budgets
 * are checked whenever this thread's event loop runs, so while the main
 * thread lints a file of its own, a stop can wait until that file is done.
 */
export function shareWithWorkers(tasks: readonly PendingTask[], next: Int32Array, results: (LintTaskResult | undefined)[], lanes: number, options: PoolOptions): Share {
  const pool = takePrestarted(lanes) ?? createPool(lanes, lanes)
  const started = new BigInt64Array(new SharedArrayBuffer(8 * tasks.length))
  /** The worker each lane runs now: what it is linting, and how to stop it. */
  const running = new Set<{claimed: Int32Array; controller: AbortController; stoppedAt: number}>()
  const left = (): boolean => Atomics.load(next, 0) < tasks.length

  const watch = setInterval(
    () => {
      for (const run of running) {
        const index = Atomics.load(run.claimed, 0)
        if (index < 0 || results[index] !== undefined || run.controller.signal.aborted) continue
        if (Date.now() - Number(Atomics.load(started, index)) <= options.fileTimeout) continue
        run.stoppedAt = index
        run.controller.abort()
      }
    },
    Math.max(1, Math.min(50, options.fileTimeout / 4)),
  )

  const runLane = async (): Promise<void> => {
    const workers = await pool
    while (left()) {
      const {port1, port2} = new MessageChannel()
      let finished: () => void = () => {}
      const drained = new Promise<void>((resolve) => (finished = resolve))
      port1.on('message', (message: ShareMessage) => {
        if ('done' in message) finished()
        else results[message.index] ??= message.outcome
      })
      // Each worker gets its own claim slot: one being terminated cannot touch the next one's.
      const run = {claimed: new Int32Array(new SharedArrayBuffer(4)).fill(-1), controller: new AbortController(), stoppedAt: -1}
      running.add(run)
      const share: ShareTask = {tasks, next, started, claimed: run.claimed, port: port2}
      try {
        await workers.run(share, {name: 'lintShare', transferList: [port2], signal: run.controller.signal})
        await drained
        return
      } catch (error) {
        const aborted = run.controller.signal.aborted
        const index = aborted ? run.stoppedAt : Atomics.load(run.claimed, 0)
        if (index < 0) return
        results[index] ??= aborted
          ? {result: overBudget(tasks[index].path, options.fileTimeout), crashed: [], timings: null}
          : failed(tasks[index].path, `Not linted: the worker failed (${error instanceof Error ? error.message : String(error)})`)
      } finally {
        running.delete(run)
        port1.close()
      }
    }
  }

  const done = Promise.all(Array.from({length: lanes}, runLane)).then(
    () => clearInterval(watch),
    (error: unknown) => {
      clearInterval(watch)
      throw error
    },
  )
  return {done, pool}
}

/**
 * Aborts `controller` once `ms` have passed since the worker stamped `started`
 * (polled until then: a task may wait for a worker to boot). Returns a stop function.
 */
function budget(started: BigInt64Array, ms: number, controller: AbortController): () => void {
  let timer: NodeJS.Timeout | undefined
  const poll = (): void => {
    const at = Number(Atomics.load(started, 0))
    if (at === 0) {
      timer = setTimeout(poll, Math.min(50, ms))
      return
    }
    timer = setTimeout(() => controller.abort(), Math.max(0, at + ms - Date.now()))
  }
  poll()
  return () => clearTimeout(timer)
}

function failed(path: string, reason: string): LintTaskResult {
  return {result: notLinted(path, reason), crashed: [], timings: null}
}
