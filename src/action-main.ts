/** The GitHub Action's entry point (see `action.yml`): wires the process to `runAction`. */
import {runAction} from './action.js'

runAction(process.env, {stdout: process.stdout, stderr: process.stderr, cwd: process.cwd()}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    process.stderr.write(`casestudy-lint: internal error: ${detail}\n`)
    process.exitCode = 2
  },
)
