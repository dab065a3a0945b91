/**
 * The bundle loader and its code cache: used only with a matching key and a
 * file that is safe to trust, ignored when refused or corrupt, written after
 * a run that found none, and never changing what a run reports.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {cacheKey, loadBundle, readCacheFile, userCacheDir, userCacheFile, writeCacheFile, type CacheCandidate} from '../src/bundle/load.js'
import {IN_PROCESS_MAX_FILES} from '../src/run-size.js'
import {ROOT} from './helpers.js'

/** A run this size goes to the worker pool. */
const POOLED = IN_PROCESS_MAX_FILES + 6

const scratch = mkdtempSync(join(tmpdir(), 'csl-code-cache-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** A small CommonJS "bundle" with enough code for V8 to cache. */
function bundle(name: string, answer: number): string {
  const path = join(scratch, name)
  const functions = Array.from({length: 50}, (_, i) => `function f${i}(x) { return x.map((v) => v * ${i + 1}).filter((v) => v % 3 !== 0).length }`).join('\n')
  writeFileSync(path, `${functions}\nconst {basename} = require('node:path')\nmodule.exports = {answer: ${answer} + f1([]), file: basename(__filename), sum: () => f7([1, 2, 3])}\n`)
  return path
}

describe('loadBundle', () => {
  it('runs the file as a CommonJS module, then uses the cache written for it', () => {
    const path = bundle('a.cjs', 42)
    const candidate: CacheCandidate = {file: join(scratch, 'a.cache'), shared: true}
    const first = loadBundle<{answer: number; file: string; sum: () => number}>(path, {cacheFiles: [candidate]})
    expect(first.cache).toBe('miss')
    expect(first.exports).toMatchObject({answer: 42, file: 'a.cjs'})
    expect(first.exports.sum()).toBe(2)
    expect(writeCacheFile(candidate.file, first.key, first.createCachedData())).toBe(true)
    const second = loadBundle<{answer: number; sum: () => number}>(path, {cacheFiles: [candidate]})
    expect(second.cache).toBe('hit')
    expect(second.cacheFile).toBe(candidate.file)
    expect(second.exports.answer).toBe(42)
    expect(second.exports.sum()).toBe(2)
  })

  it('ignores a cache whose key is for other bytes, even of the same length', () => {
    const path = bundle('b.cjs', 41)
    const candidate: CacheCandidate = {file: join(scratch, 'b.cache'), shared: true}
    const first = loadBundle(path, {cacheFiles: [candidate]})
    writeCacheFile(candidate.file, first.key, first.createCachedData())
    // Same size, different code: a cache keyed on the old bytes must not run.
    writeFileSync(path, readFileSync(path, 'utf8').replace('answer: 41', 'answer: 43'))
    const edited = loadBundle<{answer: number}>(path, {cacheFiles: [candidate]})
    expect(edited.cache).toBe('miss')
    expect(edited.exports.answer).toBe(43)
  })

  it('compiles as usual when V8 refuses the data or the file is unreadable', () => {
    const path = bundle('c.cjs', 7)
    const key = cacheKey(readFileSync(path))
    const corrupt: CacheCandidate = {file: join(scratch, 'c.cache'), shared: true}
    writeCacheFile(corrupt.file, key, Buffer.from('not V8 code cache data at all'.repeat(20)))
    const loaded = loadBundle<{answer: number}>(path, {cacheFiles: [{file: join(scratch, 'missing.cache'), shared: true}, {file: scratch, shared: false}, corrupt]})
    expect(loaded.cache).toBe('rejected')
    expect(loaded.exports.answer).toBe(7)
  })

  it.skipIf(typeof process.getuid !== 'function')('trusts a file in the user cache folder only when no one else can write it', () => {
    const path = bundle('d.cjs', 9)
    const candidate: CacheCandidate = {file: join(scratch, 'd.cache'), shared: true}
    const first = loadBundle(path, {cacheFiles: [candidate]})
    writeCacheFile(candidate.file, first.key, first.createCachedData())
    expect(statSync(candidate.file).mode & 0o777).toBe(0o600)
    expect(readCacheFile(candidate, first.key)).not.toBeNull()
    chmodSync(candidate.file, 0o666)
    expect(readCacheFile(candidate, first.key)).toBeNull()
    expect(loadBundle(path, {cacheFiles: [candidate]}).cache).toBe('miss')
    // The cache shipped next to the bundle is part of the package, like the bundle itself.
    expect(readCacheFile({file: candidate.file, shared: false}, first.key)).not.toBeNull()
  })

  it('finds the user cache folder from the environment, and can be turned off', () => {
    expect(userCacheDir({XDG_CACHE_HOME: '/x/cache', LOCALAPPDATA: 'C:\\x'})).toBe(process.platform === 'win32' ? join('C:\\x', 'casestudy-lint') : join('/x/cache', 'casestudy-lint'))
    expect(userCacheDir({CASESTUDY_LINT_NO_CODE_CACHE: '1', XDG_CACHE_HOME: '/x/cache'})).toBeNull()
    expect(userCacheFile('/p/dist/bundle/cli.cjs', 'key', {CASESTUDY_LINT_NO_CODE_CACHE: '1'})).toBeNull()
    const file = userCacheFile('/p/dist/bundle/cli.cjs', 'key one', {XDG_CACHE_HOME: '/x/cache', LOCALAPPDATA: '/x/cache'})
    expect(file).toMatch(/casestudy-lint[\\/]cli-[0-9a-f]{16}\.cache$/)
    expect(userCacheFile('/p/dist/bundle/cli.cjs', 'key two', {XDG_CACHE_HOME: '/x/cache', LOCALAPPDATA: '/x/cache'})).not.toBe(file)
  })
})

describe('the built executable and its code cache', () => {
  const built = join(ROOT, 'dist', 'bundle')

  it('ships a cache the executable uses, so it writes nothing to the user cache folder', () => {
    expect(existsSync(join(built, 'cli.cjs.cache'))).toBe(true)
    const home = mkdtempSync(join(scratch, 'home-'))
    const run = spawnSync(process.execPath, [join(built, 'bin.cjs'), '--format', 'json', join(ROOT, 'examples', 'unfinished-case-study.md')], {encoding: 'utf8', env: {...process.env, XDG_CACHE_HOME: home, LOCALAPPDATA: home}})
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stdout)[0].messages.length).toBeGreaterThan(0)
    expect(readdirSync(home)).toEqual([])
  })

  it('without a shipped cache, writes one after the first run and reuses it, with the same results', () => {
    // A copy of the bundle inside the package (it finds package.json and templates by walking up), minus the cache.
    const copy = join(ROOT, 'dist', `bundle-copy-${process.pid}`)
    rmSync(copy, {recursive: true, force: true})
    cpSync(built, copy, {recursive: true, filter: (source) => !source.endsWith('.cache')})
    try {
      const home = mkdtempSync(join(scratch, 'home-'))
      const docs = mkdtempSync(join(scratch, 'docs-'))
      for (let i = 0; i < POOLED; i++) writeFileSync(join(docs, `case-${String(i).padStart(2, '0')}.md`), `# Case ${i}\n\n## Results\n\nWe significantly reduced latency.\n\nOwner: YOUR_NAME_${i}\n`)
      const env = {...process.env, XDG_CACHE_HOME: home, LOCALAPPDATA: home}
      const lint = (args: string[]) => spawnSync(process.execPath, [join(copy, 'bin.cjs'), '--format', 'json', ...args], {encoding: 'utf8', env})
      const one = lint([join(docs, 'case-00.md')])
      expect(one.status).toBe(1)
      const written = readdirSync(join(home, 'casestudy-lint'))
      expect(written).toEqual([expect.stringMatching(/^cli-[0-9a-f]{16}\.cache$/)])
      const file = join(home, 'casestudy-lint', written[0])
      const before = statSync(file).mtimeMs
      const again = lint([join(docs, 'case-00.md')])
      expect(again.stdout).toBe(one.stdout)
      expect(statSync(file).mtimeMs).toBe(before)
      // A larger run: workers load the bundle through the same cache.
      const folder = lint([docs])
      expect(folder.status).toBe(1)
      expect((JSON.parse(folder.stdout) as unknown[]).length).toBe(POOLED)
      expect(JSON.parse(folder.stdout)[0]).toEqual(JSON.parse(one.stdout)[0])
      // Turned off: the run neither reads nor writes the folder.
      const off = spawnSync(process.execPath, [join(copy, 'bin.cjs'), '--format', 'json', join(docs, 'case-01.md')], {encoding: 'utf8', env: {...env, XDG_CACHE_HOME: join(scratch, 'elsewhere'), CASESTUDY_LINT_NO_CODE_CACHE: '1'}})
      expect(off.status).toBe(1)
      expect(existsSync(join(scratch, 'elsewhere'))).toBe(false)
    } finally {
      rmSync(copy, {recursive: true, force: true})
    }
  })
})
