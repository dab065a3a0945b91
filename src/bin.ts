#!/usr/bin/env node
/** The executable: wires the process to `run` and sets the exit code. */
import {run} from './cli.js'
import {decode} from './read-file.js'

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

run(process.argv.slice(2), {
  stdout: {write: (chunk: string) => stdoutClosed || process.stdout.write(chunk), isTTY: process.stdout.isTTY},
  stderr: process.stderr,
  readStdin,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = writeFailed ? 2 : code
  },
  (error: unknown) => {
    process.stderr.write(`casestudy-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 2
  },
)
