/**
 * Reading one file for linting. Every failure becomes a located, readable
 * reason; nothing here throws for bad content or a vanished file.
 */
import {closeSync, constants, fstatSync, openSync, readSync, statSync} from 'node:fs'
import {notLinted, type FileResult} from './results.js'
import {timed} from './timing.js'
import {hashText} from './hash.js'

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024

export type ReadResult =
  | {ok: true; text: string}
  | {ok: false; reason: string; severity: 'error' | 'warning'; line?: number; column?: number}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/** Reads `path` as UTF-8 Markdown text (a BOM is dropped). */
export function readLintFile(path: string, maxSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  let fd: number
  try {
    // Check the kind before opening: opening a FIFO for reading would block.
    const kind = statSync(path)
    if (kind.isDirectory()) return {ok: false, severity: 'error', reason: 'Cannot read file: it is a directory'}
    if (!kind.isFile()) return {ok: false, severity: 'error', reason: 'Cannot read file: not a regular file (FIFO, socket or device)'}
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    return {ok: false, severity: 'error', reason: `Cannot read file: ${describeError(error)}`}
  }
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) return {ok: false, severity: 'error', reason: 'Cannot read file: it is a directory'}
    if (!stat.isFile()) return {ok: false, severity: 'error', reason: 'Cannot read file: not a regular file (FIFO, socket or device)'}
    if (stat.size > maxSize) {
      return {ok: false, severity: 'warning', reason: `File skipped: file too large (${formatSize(stat.size)}, limit ${formatSize(maxSize)}; raise it with --max-file-size)`}
    }
    const buffer = Buffer.alloc(stat.size)
    let read = 0
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read)
      if (n === 0) break
      read += n
    }
    return decode(buffer.subarray(0, read))
  } catch (error) {
    return {ok: false, severity: 'error', reason: `Cannot read file: ${describeError(error)}`}
  } finally {
    closeSync(fd)
  }
}

/** Decodes bytes as UTF-8 text, rejecting binary and invalid UTF-8 with a location. */
export function decode(bytes: Uint8Array): ReadResult {
  const probe = bytes.subarray(0, 8192)
  if (probe.includes(0)) return {ok: false, severity: 'error', reason: 'Binary file (contains NUL bytes), not linted'}
  try {
    return {ok: true, text: decoder.decode(bytes)}
  } catch {
    const at = firstInvalidUtf8(bytes)
    const {line, column} = lineColumnOfByte(bytes, at)
    const hex = bytes[at]?.toString(16).padStart(2, '0') ?? '??'
    return {ok: false, severity: 'error', reason: `Not valid UTF-8: invalid byte 0x${hex} at line ${line}, column ${column}; not linted`, line, column}
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i
    }
    i += need + 1
  }
  return Math.max(0, bytes.length - 1)
}

function lineColumnOfByte(bytes: Uint8Array, at: number): {line: number; column: number} {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  // Column in characters: count UTF-8 lead bytes on the line before `at`.
  let column = 1
  for (let i = lineStart; i < at; i++) if ((bytes[i] & 0xc0) !== 0x80) column++
  return {line, column}
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file (it may have been deleted during the run)'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'it is a directory'
    case 'ELOOP':
      return 'symbolic link loop'
    default:
      return code ?? (error instanceof Error ? error.message : String(error))
  }
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${bytes} B`
}

/** A result for a file that could not be read, from its `ReadResult`. */
export function unreadable(path: string, read: Extract<ReadResult, {ok: false}>): FileResult {
  return notLinted(path, read.reason, read.severity, read.line, read.column)
}

/** Drops a leading byte-order mark (positions then match an editor's). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** A lint task's text: given, or read from `path` within `maxFileSize` bytes (timed as `phase:read`). */
export function readTaskText(task: {path: string; text: string | {maxFileSize: number; hash?: boolean}}): ReadResult {
  const {text} = task
  return typeof text === 'string' ? {ok: true, text} : timed('phase:read', () => readLintFile(task.path, text.maxFileSize))
}

/** `{hash}` of `text` when the task asked for its content hash (see `TaskText`), else nothing. */
export function contentHash(task: {text: string | {hash?: boolean}}, text: string): {hash?: string} {
  return typeof task.text === 'object' && task.text.hash ? {hash: hashText(text)} : {}
}
