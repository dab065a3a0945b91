/**
 * The executable's body: wires the process to `run` and sets the exit code.
 * `bin.ts` calls it when running from the compiled sources; the bundle's
 * entry (`bundle/bin.ts`) calls it after loading the bundle.
 */
import {statSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {setFlagsFromString} from 'node:v8'
import {parseArgs} from 'node:util'
import {CLI_OPTIONS} from './cli-options.js'
import {decode} from './read-file.js'
import {IN_PROCESS_MAX_FILES, poolState} from './run-size.js'
import {V8_FLAGS} from './v8-flags.js'

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  setFlagsFromString(V8_FLAGS)
  // Start a worker first: its start-up then overlaps loading the CLI.
  const workers = earlyWorkers(argv)
  if (workers > 0) (await import('./parallel.js')).prestartPool(workers)
  const {run} = await import('./cli.js')

  // A reader that stops early (`casestudy-lint . | head -1`) closes the pipe:
  // stop writing quietly instead of dying on an unhandled EPIPE.
  let stdoutClosed = false
  let writeFailed = false
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      stdoutClosed = true
      return
    }
    process.stderr.write(`casestudy-lint: cannot write output: ${error.code ?? error.message}\n`)
    writeFailed = true
    process.exitCode = 2
  })
  process.stderr.on('error', () => {
    // Nowhere left to report to.
  })

  await run(argv, {
    stdout: {write: (chunk: string) => stdoutClosed || process.stdout.write(chunk), isTTY: process.stdout.isTTY},
    stderr: process.stderr,
    readStdin,
    cwd: process.cwd(),
    env: process.env,
  }).then(
    async (code) => {
      process.exitCode = writeFailed ? 2 : code
      await stopEarlyWorkers()
    },
    async (error: unknown) => {
      process.stderr.write(`casestudy-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exitCode = 2
      await stopEarlyWorkers()
    },
  )
}

/**
 * How many worker threads to start before the CLI has loaded, from a quick
 * look at the arguments (the CLI checks them properly): none when the run
 * lints nothing or names at most `IN_PROCESS_MAX_FILES` files (those are
 * linted in this thread), else one fewer than the threads that lint.
 */
function earlyWorkers(args: readonly string[]): number {
  let values: Record<string, unknown>
  let positionals: string[]
  try {
    ;({values, positionals} = parseArgs({args: [...args], options: CLI_OPTIONS, allowPositionals: true, strict: false}))
  } catch {
    return 0
  }
  if (values.help || values.version || values.init || values['print-config'] !== undefined || values['explain-template'] !== undefined) return 0
  if (positionals.length > 0 && positionals.length <= IN_PROCESS_MAX_FILES && positionals.every((path) => path === '-' || isFile(path))) return 0
  // The main thread lints too, so a run of `--concurrency n` has n - 1 workers.
  const wanted = Number(values.concurrency)
  return (typeof values.concurrency === 'string' && Number.isInteger(wanted) && wanted > 0 ? wanted : availableParallelism()) - 1
}

function isFile(path: string): boolean {
  try {
    return statSync(path, {throwIfNoEntry: false})?.isFile() ?? false
  } catch {
    return false
  }
}

/** Standard input as UTF-8 text; binary or invalid UTF-8 is refused with its location, never mangled. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const read = decode(Buffer.concat(chunks))
  if (!read.ok) throw new Error(read.reason)
  return read.text
}

/** Stops a pool started early that the run did not use (a usage error, no files). */
async function stopEarlyWorkers(): Promise<void> {
  if (poolState.prestarted) await (await import('./parallel.js')).stopPrestartedPool()
}
