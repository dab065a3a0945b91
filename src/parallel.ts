/**
 * Lints files on a worker-thread pool (tinypool). At most one task
 * per worker is in flight, and a task's time budget starts when the worker
 * starts running it (the worker stamps the start into shared memory), so
 * waiting for a fresh worker to boot never counts against a file; a task over
 * budget has its worker terminated (the pool starts a fresh one) and becomes
 * a fatal "not linted" result. Results come back in input order, whatever
 * order the workers finish in.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {createRequire} from 'node:module'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type Tinypool from 'tinypool'
import type {EffectiveConfig} from './engine.js'
import {notLinted, overBudget, type FileResult} from './results.js'
import {PACKAGE_ROOT} from './meta.js'
import {poolState} from './run-size.js'
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
 * A task's text: given (standard input, or a file the cache has read), or
 * read from `path` by the thread that lints it, within a size limit. Workers
 * read their own files, so the main thread neither holds nor copies the texts.
 */
export type TaskText = string | {maxFileSize: number}

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
}

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

/**
 * Imports an ES module by URL. Code the bundle's loader runs in a vm script
 * cannot call `import()` itself, so the loader hands in its own.
 */
let importModule = (url: string): Promise<unknown> => import(url)

export function setModuleImporter(importer: (url: string) => Promise<unknown>): void {
  importModule = importer
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

export async function lintInWorkers(tasks: readonly PendingTask[], options: PoolOptions): Promise<LintTaskResult[]> {
  const results: LintTaskResult[] = new Array(tasks.length)
  if (tasks.length === 0) return results
  const threads = Math.max(1, Math.min(options.concurrency, tasks.length))
  const pool = await (takePrestarted(threads) ?? createPool(threads, threads))
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
    await pool.destroy()
  }
  return results
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
