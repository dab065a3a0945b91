/**
 * The CLI pipeline: worker pool, cache, shards, per-file time budget and
 * timing, through `run(argv, io)`.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {FileResult} from '../src/engine.js'
import {parseShard, selectShard} from '../src/shard.js'
import {IN_PROCESS_MAX_FILES} from '../src/run-size.js'
import {runCli} from './helpers.js'

const cli = (argv: string[], cwd: string) => runCli(argv, cwd)
/** A run this size goes to the worker pool (a smaller one is linted in the main thread). */
const POOLED = IN_PROCESS_MAX_FILES + 6

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'csl-pipe-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  return dir
}

function manyDocs(count: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    files[`docs/case-${String(i).padStart(2, '0')}.md`] = [
      `# Case ${i}`,
      '',
      '## Goals',
      '',
      `- Cut checkout time for store ${i}.`,
      '',
      i % 3 === 0 ? '## Results\n\nWe significantly reduced latency.\n' : '## Results\n\nLatency fell from 900 ms to 300 ms.\n',
      i % 2 === 0 ? `Owner: YOUR_NAME_${i}\n` : 'Owner: the payments team.\n',
    ].join('\n')
  }
  return files
}

/** Content hash and mtime of every file under `dir` (except the cache). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      const stat = statSync(path)
      if (stat.isDirectory()) walk(path)
      else if (!name.startsWith('.casestudylintcache')) out[path] = `${createHash('sha1').update(readFileSync(path)).digest('hex')}:${stat.mtimeMs}`
    }
  }
  walk(dir)
  return out
}

describe('worker pool', () => {
  it('gives identical JSON with one worker and with the default', async () => {
    // More files than a run lints in the main thread, so the pool does the work.
    const dir = project(manyDocs(POOLED))
    const serial = await cli(['--format', 'json', '--concurrency', '1', 'docs'], dir)
    const parallel = await cli(['--format', 'json', 'docs'], dir)
    const four = await cli(['--format', 'json', '--concurrency', '4', 'docs'], dir)
    expect(serial.code).toBe(1)
    expect(JSON.parse(serial.stdout)).toHaveLength(POOLED)
    expect(parallel.stdout).toBe(serial.stdout)
    expect(four.stdout).toBe(serial.stdout)
    expect(parallel.code).toBe(serial.code)
  })

  it('reports unreadable files in place among linted ones, the same with and without a cache', async () => {
    const files = manyDocs(POOLED)
    const dir = project(files)
    // Binary and invalid UTF-8 files between readable ones: read when their turn comes (no cache) or up front (cache).
    writeFileSync(join(dir, 'docs/case-02.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00, 0x41]))
    writeFileSync(join(dir, 'docs/case-05.md'), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]))
    const lazy = await cli(['--format', 'json', 'docs'], dir)
    const cached = await cli(['--format', 'json', '--cache', '--cache-location', join(dir, '.cache'), 'docs'], dir)
    const results = JSON.parse(lazy.stdout) as FileResult[]
    expect(results.map((r) => r.filePath.replace(/^.*docs[\\/]/, ''))).toEqual(Object.keys(files).map((f) => f.replace('docs/', '')))
    for (const at of [2, 5]) expect(results[at].messages).toEqual([expect.objectContaining({ruleId: null, fatal: true, message: expect.stringMatching(/not linted|UTF-8/)})])
    expect(results[3].messages.length).toBeGreaterThan(0)
    expect(cached.stdout).toBe(lazy.stdout)
    expect(cached.code).toBe(lazy.code)
  })

  it('lints a few named files in this thread with the JSON a worker run gives', async () => {
    const dir = project(manyDocs(POOLED))
    const named = ['docs/case-00.md', 'docs/case-03.md', 'docs/case-04.md']
    const small = await cli(['--format', 'json', ...named], dir)
    const pooled = await cli(['--format', 'json', '--concurrency', '2', 'docs'], dir)
    const byPath = new Map((JSON.parse(pooled.stdout) as FileResult[]).map((result) => [result.filePath, result]))
    const results = JSON.parse(small.stdout) as FileResult[]
    expect(results.map((result) => result.filePath)).toEqual(named.map((path) => join(dir, path)))
    expect(results).toEqual(results.map((result) => byPath.get(result.filePath)))
    expect(results[0].messages.length).toBeGreaterThan(0)
    expect(small.code).toBe(1)
  })

  it('rejects a bad --concurrency', async () => {
    const dir = project({'a.md': '# A\n'})
    const outcome = await cli(['--concurrency', '0', 'a.md'], dir)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('--concurrency expects a positive integer')
  })

  it('stops a file over its time budget, reports it and lints the others', async () => {
    // Deeply nested lists are super-linear for the Markdown parser.
    const nested = Array.from({length: 400}, (_, i) => '  '.repeat(i) + '- item').join('\n')
    const dir = project({'a-slow.md': nested, 'b-fine.md': '# Fine\n\nOwner: YOUR_NAME.\n'})
    const started = Date.now()
    const outcome = await cli(['--format', 'json', '--file-timeout', '0.5', '--rule', 'require-non-goals=off', '.'], dir)
    expect(Date.now() - started).toBeLessThan(4000)
    const [slow, fine] = JSON.parse(outcome.stdout) as FileResult[]
    expect(slow.messages).toEqual([expect.objectContaining({ruleId: null, severity: 'error', fatal: true, message: 'Not linted: took longer than 0.5 s (raise the budget with --file-timeout)'})])
    expect(fine.messages.map((m) => m.actual)).toContain('YOUR_NAME')
    expect(outcome.code).toBe(1)
  })
})

/** Every path under `dir`, relative, sorted (directories end with `/`). */
function listing(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) {
        out.push(`${prefix}${name}/`)
        walk(path, `${prefix}${name}/`)
      } else out.push(prefix + name)
    }
  }
  walk(dir, '')
  return out.sort()
}

describe('inputs are never changed', () => {
  it('leaves every input as it was (bytes and mtime), with and without --cache, and writes only the cache', async () => {
    const dir = project({
      ...manyDocs(4),
      'odd/bom-crlf.md': '\uFEFF# A\r\n\r\nOwner: YOUR_NAME.\r\n',
      'odd/lone-cr.md': '# A\r\rOwner: YOUR_NAME.\r',
      'odd/empty.md': '',
      'odd/broken.mdx': '# X\n\n<Note>\nunclosed\n',
      'odd/no-final-newline.md': '# A\n\nTrailing spaces   ',
    })
    writeFileSync(join(dir, 'odd', 'latin1.md'), Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]))
    writeFileSync(join(dir, 'odd', 'binary.md'), Buffer.from([0x00, 0x01, 0x02, 0xff]))
    const before = snapshot(dir)
    const files = listing(dir)
    await cli(['--format', 'json', '.'], dir)
    expect(snapshot(dir)).toEqual(before)
    expect(listing(dir)).toEqual(files)
    const cold = await cli(['--format', 'json', '--cache', '.'], dir)
    const warm = await cli(['--format', 'json', '--cache', '.'], dir)
    expect(warm.stdout).toBe(cold.stdout)
    await cli(['--format', 'json', '--cache', '--cache-location', 'odd/', '.'], dir)
    expect(snapshot(dir)).toEqual(before)
    expect(listing(dir)).toEqual([...files, '.casestudylintcache', 'odd/.casestudylintcache'].sort())
  })
})

describe('cache', () => {
  it('reuses results for unchanged files and re-lints changed ones', async () => {
    const dir = project(manyDocs(6))
    const before = snapshot(dir)
    const cold = await cli(['--format', 'json', '--cache', 'docs'], dir)
    const cachePath = join(dir, '.casestudylintcache')
    expect(statSync(cachePath).isFile()).toBe(true)
    const warm = await cli(['--format', 'json', '--cache', 'docs'], dir)
    expect(warm.stdout).toBe(cold.stdout)
    expect(warm.code).toBe(cold.code)
    // Input files are never modified.
    expect(snapshot(dir)).toEqual(before)

    // A cached entry is really what is served: change the cached result and it shows.
    const data = JSON.parse(readFileSync(cachePath, 'utf8'))
    const key = join(dir, 'docs', 'case-01.md')
    data.entries[key].result.messages = []
    writeFileSync(cachePath, JSON.stringify(data))
    const served = JSON.parse((await cli(['--format', 'json', '--cache', 'docs'], dir)).stdout) as FileResult[]
    expect(served.find((r) => r.filePath === key)!.messages).toEqual([])

    // Changing the file's content invalidates its entry.
    writeFileSync(key, readFileSync(key, 'utf8') + '\nMore text about GOAL_1.\n')
    const edited = JSON.parse((await cli(['--format', 'json', '--cache', 'docs'], dir)).stdout) as FileResult[]
    expect(edited.find((r) => r.filePath === key)!.messages.map((m) => m.actual)).toContain('GOAL_1')
  })

  it('misses when the configuration changes', async () => {
    const dir = project({'a.md': '# A\n\nOwner: YOUR_NAME.\n'})
    const first = JSON.parse((await cli(['--format', 'json', '--cache', 'a.md'], dir)).stdout) as FileResult[]
    expect(first[0].messages.some((m) => m.ruleId === 'no-placeholders')).toBe(true)
    const off = JSON.parse((await cli(['--format', 'json', '--cache', '--rule', 'no-placeholders=off', 'a.md'], dir)).stdout) as FileResult[]
    expect(off[0].messages.some((m) => m.ruleId === 'no-placeholders')).toBe(false)
  })

  it('ignores a corrupt cache file and rebuilds it', async () => {
    const dir = project({'a.md': '# A\n\nOwner: YOUR_NAME.\n', '.casestudylintcache': '{"format": 1, "tool": '})
    const outcome = await cli(['--format', 'json', '--cache', 'a.md'], dir)
    expect(outcome.stderr).toBe('')
    expect(JSON.parse(outcome.stdout)[0].messages.length).toBeGreaterThan(0)
    expect(() => JSON.parse(readFileSync(join(dir, '.casestudylintcache'), 'utf8'))).not.toThrow()
  })

  it('writes only at --cache-location (a folder or a file)', async () => {
    const dir = project({'a.md': '# A\n', 'cache/.keep': ''})
    await cli(['--cache', '--cache-location', 'cache', 'a.md'], dir)
    expect(readdirSync(join(dir, 'cache')).sort()).toEqual(['.casestudylintcache', '.keep'])
    await cli(['--cache', '--cache-location', 'custom.json', 'a.md'], dir)
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'cache', 'custom.json'])
  })

  it('reports an unwritable cache without failing the run', async () => {
    const dir = project({'a.md': '# A\n'})
    const outcome = await cli(['--cache', '--cache-location', join(dir, 'missing', 'deeper', 'cache.json'), '--rule', 'require-non-goals=off', 'a.md'], dir)
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toMatch(/cannot write cache .*ENOENT/)
  })
})

describe('shards', () => {
  it('parses i/n', () => {
    expect(parseShard('1/3')).toEqual({index: 1, count: 3})
    expect(parseShard('0/3')).toBeNull()
    expect(parseShard('4/3')).toBeNull()
    expect(parseShard('a/b')).toBeNull()
  })

  it('splits files into disjoint shards that cover everything, stable when files are added', () => {
    const files = Array.from({length: 200}, (_, i) => `/repo/docs/${i}.md`)
    const shards = [1, 2, 3].map((index) => selectShard(files, {index, count: 3}, '/repo'))
    expect(shards.flat().sort()).toEqual([...files].sort())
    for (const shard of shards) expect(shard.length).toBeGreaterThan(40)
    const grown = [...files, '/repo/docs/new.md']
    const again = selectShard(grown, {index: 2, count: 3}, '/repo')
    expect(again.filter((f) => f !== '/repo/docs/new.md')).toEqual(shards[1])
  })

  it('lints only its shard from the CLI', async () => {
    const dir = project(manyDocs(12))
    const all = JSON.parse((await cli(['--format', 'json', 'docs'], dir)).stdout) as FileResult[]
    const parts = await Promise.all(['1/2', '2/2'].map(async (s) => JSON.parse((await cli(['--format', 'json', '--shard', s, 'docs'], dir)).stdout) as FileResult[]))
    expect(parts.flat().map((r) => r.filePath).sort()).toEqual(all.map((r) => r.filePath).sort())
    expect((await cli(['--shard', '3/2', 'docs'], dir)).code).toBe(2)
  })
})

describe('timing', () => {
  it('prints per-phase and per-rule totals to standard error', async () => {
    const dir = project(manyDocs(3))
    const outcome = await cli(['--timing', '--format', 'json', 'docs'], dir)
    expect(outcome.stderr).toMatch(/phase:parse\s+\|\s+\d+\.\d/)
    expect(outcome.stderr).toMatch(/phase:index/)
    expect(outcome.stderr).toMatch(/rule:no-placeholders/)
    expect(JSON.parse(outcome.stdout)).toHaveLength(3)
  })
})

describe('README sharding snippet', () => {
  it('runs every shard of its matrix exactly once', async () => {
    const {readFileSync} = await import('node:fs')
    const {parse} = await import('yaml')
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8')
    const block = /### Sharding a large repository[\s\S]*?```yml\n([\s\S]*?)```/.exec(readme)
    expect(block).not.toBeNull()
    const workflow = parse(block![1]) as {jobs: {lint: {strategy: {matrix: {shard: number[]}}; steps: {run?: string}[]}}}
    const shards = workflow.jobs.lint.strategy.matrix.shard
    const run = workflow.jobs.lint.steps.map((step) => step.run).find((r) => r?.includes('--shard'))!
    const total = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(run)![1])
    expect(shards).toEqual(Array.from({length: total}, (_, i) => i + 1))
    for (const shard of shards) expect(parseShard(`${shard}/${total}`)).toEqual({index: shard, count: total})
  })
})
