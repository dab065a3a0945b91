/**
 * `--cache`: results keyed by file content hash + effective configuration +
 * tool fingerprint; a change to any of them misses. The cache file is written
 * atomically (temp file + rename) and only at its own location. A missing,
 * corrupt or unreadable cache is ignored and rebuilt, never an error.
 */
import {hashText} from './hash.js'
import {readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {EffectiveConfig, FileResult} from './engine.js'
import {VERSION} from './meta.js'

export const DEFAULT_CACHE_FILE = '.casestudylintcache'
const FORMAT = 1

interface Entry {
  hash: string
  config: string
  result: FileResult
}

interface CacheData {
  format: number
  tool: string
  entries: Record<string, Entry>
}

export {hashText}

/** Cache file path for `--cache-location` (a file, or a folder to put the default name in). */
export function cachePath(cwd: string, location: string | undefined): string {
  if (!location) return resolve(cwd, DEFAULT_CACHE_FILE)
  const path = resolve(cwd, location)
  try {
    if (statSync(path).isDirectory()) return join(path, DEFAULT_CACHE_FILE)
  } catch {
    // Not there yet: a file path.
  }
  return /[\\/]$/.test(location) ? join(path, DEFAULT_CACHE_FILE) : path
}

export class LintCache {
  private data: CacheData
  private dirty = false
  private readonly configHashes = new WeakMap<object, string>()

  private constructor(readonly path: string, private readonly tool: string, data: CacheData | null) {
    this.data = data && data.format === FORMAT && data.tool === tool && data.entries && typeof data.entries === 'object' ? data : {format: FORMAT, tool, entries: {}}
    if (this.data !== data) this.dirty = true
  }

  /** Loads the cache at `path`; anything unreadable starts an empty cache. */
  static load(path: string, toolFingerprint: string): LintCache {
    let data: CacheData | null = null
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as CacheData
    } catch {
      data = null
    }
    return new LintCache(path, `${VERSION}+${toolFingerprint}`, data)
  }

  configKey(config: EffectiveConfig): string {
    let key = this.configHashes.get(config)
    if (!key) {
      key = hashText(JSON.stringify(config) + templateStamp(config.settings.templates))
      this.configHashes.set(config, key)
    }
    return key
  }

  get(path: string, hash: string, config: EffectiveConfig): FileResult | undefined {
    const entry = this.data.entries[path]
    if (!entry || entry.hash !== hash || entry.config !== this.configKey(config)) return undefined
    return entry.result
  }

  set(path: string, hash: string, config: EffectiveConfig, result: FileResult): void {
    this.data.entries[path] = {hash, config: this.configKey(config), result}
    this.dirty = true
  }

  /** Drops entries of files that were not part of this run and no longer exist. */
  prune(seen: ReadonlySet<string>): void {
    for (const path of Object.keys(this.data.entries)) {
      if (seen.has(path)) continue
      try {
        statSync(path)
      } catch {
        delete this.data.entries[path]
        this.dirty = true
      }
    }
  }

  /** Writes the cache atomically; returns an error message instead of throwing. */
  save(): string | null {
    if (!this.dirty) return null
    const temp = `${this.path}.${process.pid}.tmp`
    try {
      writeFileSync(temp, JSON.stringify(this.data))
      renameSync(temp, this.path)
      this.dirty = false
      return null
    } catch (error) {
      try {
        unlinkSync(temp)
      } catch {
        // Nothing to clean up.
      }
      return `cannot write cache ${this.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
    }
  }
}

/** Size and mtime of team template files, so editing a template invalidates results. */
function templateStamp(templates: readonly string[]): string {
  return templates
    .map((path) => {
      try {
        const stat = statSync(path)
        return `${path}:${stat.size}:${stat.mtimeMs}`
      } catch {
        return `${path}:missing`
      }
    })
    .join('|')
}
