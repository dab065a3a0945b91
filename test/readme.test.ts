/**
 * The README tells the truth: the example output it shows is what the CLI
 * prints for the bundled examples, the finished example lints clean, and the
 * set-up commands it gives exist.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCli} from './helpers.js'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

const cli = (argv: string[]) => runCli(argv, ROOT)

const squash = (line: string) => line.replace(/\s+/g, ' ').trim()

describe('README', () => {
  it('shows findings that the CLI really prints for examples/', async () => {
    const {code, stdout} = await cli(['examples/'])
    expect(code).toBe(1)
    const block = /What `npx casestudy-lint examples\/` says about those lines:\n\n```text\n([\s\S]*?)```/.exec(readme)
    expect(block).not.toBeNull()
    const printed = stdout.split('\n').map(squash)
    for (const line of block![1].trim().split('\n')) {
      expect(printed.some((out) => out.startsWith(squash(line))), line).toBe(true)
    }
  })

  it('has a finished example that lints clean', async () => {
    const {code, stdout} = await cli(['examples/finished-case-study.md'])
    expect(stdout).toBe('')
    expect(code).toBe(0)
  })

  it('gives the two set-up commands, and they exist', () => {
    expect(readme).toContain('npm install && npx casestudy-lint examples/')
    expect(readme).toContain('npm test')
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.bin['casestudy-lint']).toBeDefined()
    expect(pkg.scripts.test).toContain('vitest run')
    expect(pkg.scripts.prepare).toBeDefined()
    for (const [, script] of readme.matchAll(/npm run ([\w:-]+)/g)) expect(pkg.scripts[script], script).toBeDefined()
  })
})
