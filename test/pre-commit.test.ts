/**
 * The pre-commit hook, for real: a snapshot of this working tree is committed
 * to a temporary git repository (the hook repository), and a second temporary
 * repository holds a bad and a good case study (the bundled examples).
 *
 * - `pre-commit try-repo <hook repo> casestudy-lint --files bad good` fails
 *   and reports the bad file only.
 * - The README's `.pre-commit-config.yaml` snippet, pointed at the hook
 *   repository, fails `pre-commit run --files bad` and passes
 *   `pre-commit run --files good` (one installed environment for both).
 *
 * pre-commit installs the hook as npm does for a git dependency: `npm install`
 * (which runs `prepare`, the build), `npm pack`, `npm install -g` of the
 * tarball. Needs the `pre-commit` binary (`.ci/run` installs it); skipped
 * with a note when it is missing.
 */
import {spawn, spawnSync} from 'node:child_process'
import {copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml'
import {describe, expect, it} from 'vitest'
import {git, tempRepo} from './actions-env.js'
import {ROOT} from './helpers.js'
import {readmeBlocks} from './readme-blocks.js'

const hasPreCommit = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'}).status === 0
const inGitCheckout = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], {cwd: ROOT, encoding: 'utf8'}).stdout?.trim() === 'true'
if (!hasPreCommit) console.warn('test/pre-commit.test.ts: skipped, `pre-commit` is not installed (apt-get install pre-commit, or see .ci/run)')
else if (!inGitCheckout) console.warn('test/pre-commit.test.ts: skipped, this copy of the project is not a git checkout')

const BAD = 'unfinished-case-study.md'
const GOOD = 'finished-case-study.md'

/** Commits the working tree (tracked and untracked files, less what .gitignore excludes) to a new repository. */
function snapshotRepo(): {dir: string; sha: string} {
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: ROOT, encoding: 'utf8'}).stdout.split('\0').filter(Boolean)
  const repo = tempRepo('csl-hook-repo-')
  for (const file of files) {
    try {
      mkdirSync(dirname(join(repo.dir, file)), {recursive: true})
      cpSync(join(ROOT, file), join(repo.dir, file))
    } catch {
      // Listed but deleted in the working tree: not part of the snapshot.
    }
  }
  return {dir: repo.dir, sha: repo.commit({}, 'snapshot')}
}

function userRepo(): string {
  const repo = tempRepo('csl-hook-user-')
  copyFileSync(join(ROOT, 'examples', BAD), join(repo.dir, BAD))
  copyFileSync(join(ROOT, 'examples', GOOD), join(repo.dir, GOOD))
  git(repo.dir, ['add', '-A'])
  return repo.dir
}

interface Outcome {
  code: number
  output: string
}

function preCommit(args: string[], cwd: string, home: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('pre-commit', args, {
      cwd,
      env: {
        ...process.env,
        PRE_COMMIT_HOME: home,
        PRE_COMMIT_COLOR: 'never',
        // The npm cache is warm after `npm ci`; do not revalidate every package.
        npm_config_prefer_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code: code ?? -1, output}))
  })
}

/** The README's pre-commit snippet with `repo` and `rev` pointed at the snapshot. */
function readmeConfig(repo: string, rev: string): string {
  const block = readmeBlocks('yaml').find((b) => /^repos:/m.test(b.text) && b.text.includes('id: casestudy-lint'))
  if (!block) throw new Error('README has no pre-commit config snippet')
  const config = parseYaml(block.text) as {repos: {repo: string; rev: string; hooks: {id: string}[]}[]}
  expect(config.repos).toHaveLength(1)
  expect(config.repos[0].repo).toBe('https://github.com/casestudy-lint/casestudy-lint')
  expect(config.repos[0].hooks).toEqual([{id: 'casestudy-lint'}])
  config.repos[0].repo = repo
  config.repos[0].rev = rev
  return stringifyYaml(config)
}

describe.skipIf(!hasPreCommit || !inGitCheckout)('pre-commit hook', () => {
  it('declares a node hook on .md, .mdx and .markdown files', () => {
    const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {id: string; entry: string; language: string; files: string}[]
    expect(hooks).toHaveLength(1)
    expect(hooks[0]).toMatchObject({id: 'casestudy-lint', entry: 'casestudy-lint', language: 'node'})
    const files = new RegExp(hooks[0].files)
    for (const name of ['a.md', 'docs/b.mdx', 'c.markdown']) expect(name).toMatch(files)
    for (const name of ['a.txt', 'a.md.bak', 'mdx', 'a.mdown']) expect(name).not.toMatch(files)
  })

  it(
    'fails on the bad case study and passes on the good one (try-repo, and the README config)',
    async () => {
      const hookRepo = snapshotRepo()
      const user = userRepo()
      writeFileSync(join(user, '.pre-commit-config.yaml'), readmeConfig(hookRepo.dir, hookRepo.sha))
      const home = mkdtempSync(join(tmpdir(), 'csl-pre-commit-home-'))
      const tryHome = mkdtempSync(join(tmpdir(), 'csl-pre-commit-try-'))
      let tried: Outcome, bad: Outcome, good: Outcome
      try {
        // try-repo installs into a store of its own; run both installs at once.
        ;[tried, bad] = await Promise.all([
          preCommit(['try-repo', hookRepo.dir, 'casestudy-lint', '--files', BAD, GOOD], user, tryHome),
          preCommit(['run', '--files', BAD], user, home),
        ])
        good = await preCommit(['run', '--files', GOOD], user, home)
      } finally {
        // Each installed environment holds a copy of the package and its dependencies.
        for (const dir of [hookRepo.dir, user, home, tryHome]) rmSync(dir, {recursive: true, force: true})
      }

      expect(tried.code, tried.output).toBe(1)
      expect(tried.output).toMatch(/casestudy-lint\.+Failed/)
      expect(tried.output).toContain(BAD)
      expect(tried.output).toMatch(/error +Unfilled placeholder/)
      expect(tried.output).not.toContain(`\n${GOOD}`)

      expect(bad.code, bad.output).toBe(1)
      expect(bad.output).toMatch(/casestudy-lint\.+Failed/)
      expect(bad.output).toContain(BAD)

      expect(good.code, good.output).toBe(0)
      expect(good.output).toMatch(/casestudy-lint\.+Passed/)
    },
    15 * 60_000,
  )
})
