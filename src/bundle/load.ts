/**
 * Loads the CLI bundle (`cli.cjs`, one CommonJS file) with V8's code cache,
 * so a run does not parse and compile the same ~1.5 MB of JavaScript again.
 *
 * The cache holds the bytecode of every function the run that wrote it had
 * compiled, so a short run (one file from an editor or a hook) skips most
 * compilation, not only the top level. It is looked for next to the bundle
 * (written by the build) and then in the user's cache folder (written by the
 * first run that found no usable cache). A cache entry is used only when its
 * key matches: a hash of the bundle's bytes, its size, the Node.js version,
 * the platform and the V8 flags. V8 itself also refuses data from another
 * V8 version; anything refused or unreadable is ignored and the code is
 * compiled as usual. Set CASESTUDY_LINT_NO_CODE_CACHE=1 to neither read
 * nor write the user's cache folder.
 */
import {createHash} from 'node:crypto'
import {lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {homedir} from 'node:os'
import {dirname, join} from 'node:path'
import {setFlagsFromString} from 'node:v8'
import {Script} from 'node:vm'
import {V8_FLAGS} from '../v8-flags.js'

/** Format of the cache files; bump when their layout changes. */
const FORMAT = 'casestudy-lint-code-cache/1'

export type CacheState = 'hit' | 'miss' | 'rejected'

export interface LoadedBundle<T> {
  exports: T
  /** What happened with the code cache: used, none found, or found but refused by V8. */
  cache: CacheState
  /** Where `cache` came from, for a hit or a rejection. */
  cacheFile: string | null
  /** The key cache entries for this bundle carry. */
  key: string
  /** The cache data for the code compiled so far (include everything a typical run compiles: call it at the end). */
  createCachedData(): Buffer
}

/** A cache file to try; `shared` files (the user's cache folder) must also be owned by this user and writable by no one else. */
export interface CacheCandidate {
  file: string
  shared: boolean
}

export interface LoadOptions {
  /** Cache files to try, in order (default: next to the bundle, then the user's cache folder). */
  cacheFiles?: CacheCandidate[]
  /**
   * Set the V8 flags first (default). Worker threads pass false: V8 flags are
   * per process, the main thread set them before starting any worker, and
   * setting them again while other threads compile is best avoided.
   */
  setFlags?: boolean
}

/** The user's cache folder for casestudy-lint (XDG on Unix, LOCALAPPDATA on Windows); null when there is no home. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CASESTUDY_LINT_NO_CODE_CACHE && env.CASESTUDY_LINT_NO_CODE_CACHE !== '0') return null
  let base = process.platform === 'win32' ? env.LOCALAPPDATA : env.XDG_CACHE_HOME
  if (!base) {
    try {
      base = join(homedir(), '.cache')
    } catch {
      return null
    }
  }
  return join(base, 'casestudy-lint')
}

/** The key a cache entry for `bytes` must carry. */
export function cacheKey(bytes: Buffer): string {
  return [FORMAT, createHash('sha1').update(bytes).digest('hex'), bytes.length, process.version, process.platform, process.arch, V8_FLAGS].join(' ')
}

/** The user-folder cache file for a bundle with this key. */
export function userCacheFile(bundlePath: string, key: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = userCacheDir(env)
  if (!dir) return null
  const name = bundlePath.replace(/^.*[\\/]/, '').replace(/\.c?js$/, '')
  return join(dir, `${name}-${createHash('sha1').update(key).digest('hex').slice(0, 16)}.cache`)
}

/**
 * Reads a cache file: a first line with the key, then V8's data. Returns the
 * data when the key matches and the file is a regular file (for a `shared`
 * one, also owned by this user and writable by no one else), otherwise null.
 */
export function readCacheFile({file, shared}: CacheCandidate, key: string): Buffer | null {
  try {
    const stat = lstatSync(file)
    if (!stat.isFile()) return null
    if (shared && typeof process.getuid === 'function' && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return null
    const content = readFileSync(file)
    const newline = content.indexOf(10)
    if (newline < 0 || content.toString('utf8', 0, newline) !== key) return null
    return content.subarray(newline + 1)
  } catch {
    return null
  }
}

/**
 * Writes a cache file atomically (a new file renamed into place); false when
 * it cannot. Private to this user unless `shared` is false (the build's
 * cache, installed with the package, is readable by everyone).
 */
export function writeCacheFile(file: string, key: string, data: Buffer, shared = true): boolean {
  try {
    mkdirSync(dirname(file), {recursive: true, mode: 0o700})
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, Buffer.concat([Buffer.from(key + '\n'), data]), {mode: shared ? 0o600 : 0o644})
    renameSync(temporary, file)
    return true
  } catch {
    return false
  }
}

/** Loads the CommonJS bundle at `bundlePath` with the first usable code cache. */
export function loadBundle<T>(bundlePath: string, options: LoadOptions = {}): LoadedBundle<T> {
  // The flags must be set before compiling: V8 keys its cache data on them.
  if (options.setFlags !== false) setFlagsFromString(V8_FLAGS)
  const bytes = readFileSync(bundlePath)
  const source = bytes.toString('utf8')
  const require = createRequire(bundlePath)
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
  const key = cacheKey(bytes)
  const user = userCacheFile(bundlePath, key)
  const files = options.cacheFiles ?? [{file: `${bundlePath}.cache`, shared: false}, ...(user ? [{file: user, shared: true}] : [])]
  let script: Script | null = null
  // A script whose cache V8 refused is still compiled: keep it rather than compile again.
  let refused: Script | null = null
  let cache: CacheState = 'miss'
  let cacheFile: string | null = null
  for (const candidate of files) {
    const cachedData = readCacheFile(candidate, key)
    if (!cachedData) continue
    const compiled = new Script(wrapped, {filename: bundlePath, cachedData})
    cacheFile = candidate.file
    if (compiled.cachedDataRejected) {
      cache = 'rejected'
      refused = compiled
      continue
    }
    script = compiled
    cache = 'hit'
    break
  }
  script ??= refused ?? new Script(wrapped, {filename: bundlePath})
  const module = {exports: {} as T}
  const body = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: {exports: T}, filename: string, dirname: string) => void
  body.call(module.exports, module.exports, require, module, bundlePath, dirname(bundlePath))
  const used = script
  return {exports: module.exports, cache, cacheFile, key, createCachedData: () => used.createCachedData()}
}

/**
 * After a run that found no usable cache, writes one to the user's cache
 * folder when the process exits (by then the run has compiled what a run
 * needs). Only the main thread does this; workers only read.
 */
export function saveCacheOnExit<T>(bundlePath: string, loaded: LoadedBundle<T>): void {
  if (loaded.cache === 'hit') return
  const file = userCacheFile(bundlePath, loaded.key)
  if (!file) return
  process.once('exit', () => {
    writeCacheFile(file, loaded.key, loaded.createCachedData())
  })
}
