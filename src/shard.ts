/**
 * `--shard <i>/<n>`: a deterministic split of the file set for CI matrix jobs.
 * A file's shard depends only on its path relative to the working folder, so
 * adding or removing other files never moves it to another shard.
 */
import {relative, sep} from 'node:path'

export interface Shard {
  /** 1-based shard number. */
  index: number
  count: number
}

export function parseShard(value: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim())
  if (!match) return null
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1 || index < 1 || index > count) return null
  return {index, count}
}

/** FNV-1a over the relative posix path. */
export function shardOf(path: string, cwd: string, count: number): number {
  const rel = relative(cwd, path).split(sep).join('/')
  let hash = 0x811c9dc5
  for (let i = 0; i < rel.length; i++) {
    hash ^= rel.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return (hash % count) + 1
}

export function selectShard(files: readonly string[], shard: Shard, cwd: string): string[] {
  return files.filter((file) => shardOf(file, cwd, shard.count) === shard.index)
}
