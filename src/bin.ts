#!/usr/bin/env node
/** The executable: wires the process to `run` and sets the exit code. */
import {availableParallelism} from 'node:os'
import {prestartPool, stopPrestartedPool} from './parallel.js'
import {decode} from './read-file.js'

const argv = process.argv.slice(2)
/** Options that answer without linting anything. */
const NO_LINT = new Set(['-h', '--help', '-v', '--version', '--print-config', '--init', '--explain-template'])

/** `--concurrency` from the arguments, or the available cores. */
function concurrencyOf(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const inline = /^--concurrency=(\d+)$/.exec(args[i])
    const value = inline ? inline[1] : args[i] === '--concurrency' ? args[i + 1] : undefined
    if (value !== undefined && Number.isInteger(Number(value)) && Number(value) > 0) return Number(value)
  }
  return availableParallelism()
}

// Start a worker first: its start-up then overlaps loading the CLI.
if (!argv.some((arg) => NO_LINT.has(arg.split('=')[0]))) prestartPool(concurrencyOf(argv))
const {run} = await import('./cli.js')

/** Standard input as UTF-8 text; binary or invalid UTF-8 is refused with its location, never mangled. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const read = decode(Buffer.concat(chunks))
  if (!read.ok) throw new Error(read.reason)
  return read.text
}

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

run(argv, {
  stdout: {write: (chunk: string) => stdoutClosed || process.stdout.write(chunk), isTTY: process.stdout.isTTY},
  stderr: process.stderr,
  readStdin,
  cwd: process.cwd(),
  env: process.env,
}).then(
  async (code) => {
    process.exitCode = writeFailed ? 2 : code
    await stopPrestartedPool()
  },
  async (error: unknown) => {
    process.stderr.write(`casestudy-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 2
    await stopPrestartedPool()
  },
)
