/**
 * Front matter (YAML `---` or TOML `+++`): parsed value, parse error with an
 * exact source offset, and top-level entries with the source ranges of their
 * keys and values.
 */
import {isMap, isScalar, isSeq, parseDocument, type Node as YamlNode} from 'yaml'
import {parse as parseToml} from 'smol-toml'
import type {SourceRange} from './text/prose-text.js'

export interface FrontMatterItem {
  value: unknown
  /** Source text of the item as written. */
  raw: string
  range: SourceRange
}

export interface FrontMatterEntry {
  key: string
  keyRange: SourceRange
  value: unknown
  /** Source text of the value as written (quotes and brackets included). */
  raw: string
  valueRange: SourceRange
  /** Items of a sequence value, with their own ranges. */
  items: FrontMatterItem[] | null
}

export interface FrontMatterError {
  message: string
  /** Source offsets of the error. */
  start: number
  end: number
}

export interface FrontMatter {
  kind: 'yaml' | 'toml'
  raw: string
  start: number
  end: number
  /** Source offset of the first character of the front-matter body. */
  contentStart: number
  value: unknown
  error: FrontMatterError | null
  entries: FrontMatterEntry[]
}

/** Upper bound on YAML alias expansion, so alias bombs fail fast. */
const MAX_ALIAS_COUNT = 100

export function parseFrontMatter(kind: 'yaml' | 'toml', raw: string, source: string, start: number, end: number): FrontMatter {
  const contentStart = findContentStart(raw, source, start)
  const base: FrontMatter = {kind, raw, start, end, contentStart, value: undefined, error: null, entries: []}
  return kind === 'yaml' ? parseYaml(base) : parseTomlMatter(base)
}

function findContentStart(raw: string, source: string, start: number): number {
  if (raw === '') {
    const newline = source.indexOf('\n', start)
    return newline < 0 ? start : newline + 1
  }
  const at = source.indexOf(raw, start)
  return at < 0 ? start : at
}

function parseYaml(fm: FrontMatter): FrontMatter {
  const doc = parseDocument(fm.raw, {prettyErrors: false, uniqueKeys: false, strict: false})
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    const [a, b] = error.pos
    fm.error = {message: firstLine(error.message), start: fm.contentStart + a, end: fm.contentStart + Math.max(a + 1, Math.min(b, fm.raw.length))}
    return fm
  }
  try {
    fm.value = doc.toJS({maxAliasCount: MAX_ALIAS_COUNT})
  } catch (error) {
    fm.error = {message: firstLine(String((error as Error).message ?? error)), start: fm.contentStart, end: fm.contentStart + Math.min(fm.raw.length, 3)}
    return fm
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = pair.key as YamlNode | null
      const value = pair.value as YamlNode | null
      if (!key || !isScalar(key) || !key.range) continue
      const keyRange = shift(fm, key.range)
      const valueRange = value?.range ? shift(fm, value.range) : {start: keyRange.end, end: keyRange.end}
      const items = value && isSeq(value)
        ? value.items.flatMap((item) => {
            const node = item as YamlNode
            if (!node?.range) return []
            const range = shift(fm, node.range)
            return [{value: node.toJSON(), raw: fm.raw.slice(range.start - fm.contentStart, range.end - fm.contentStart), range}]
          })
        : null
      fm.entries.push({
        key: String(key.value),
        keyRange,
        value: value ? value.toJSON() : null,
        raw: fm.raw.slice(valueRange.start - fm.contentStart, valueRange.end - fm.contentStart),
        valueRange,
        items,
      })
    }
  }
  return fm
}

function shift(fm: FrontMatter, range: [number, number, number]): SourceRange {
  return {start: fm.contentStart + range[0], end: fm.contentStart + range[1]}
}

const TOML_KEY_RE = /^([ \t]*)([A-Za-z0-9_-]+|"[^"]*")[ \t]*=[ \t]*(.*?)[ \t]*$/

function parseTomlMatter(fm: FrontMatter): FrontMatter {
  try {
    fm.value = parseToml(fm.raw)
  } catch (error) {
    const err = error as {message?: string; line?: number; column?: number}
    let offset = fm.contentStart
    if (typeof err.line === 'number') {
      const lines = fm.raw.split('\n')
      for (let i = 0; i < err.line - 1 && i < lines.length; i++) offset += lines[i].length + 1
      offset += Math.max(0, (err.column ?? 1) - 1)
    }
    fm.error = {message: firstLine(err.message ?? String(error)), start: offset, end: offset + 1}
    return fm
  }
  const table = fm.value as Record<string, unknown>
  let offset = fm.contentStart
  for (const line of fm.raw.split('\n')) {
    if (/^\s*\[/.test(line)) break
    const match = TOML_KEY_RE.exec(line)
    if (match) {
      const key = match[2].replace(/^"|"$/g, '')
      const keyStart = offset + match[1].length
      const valueStart = offset + line.indexOf(match[3], match[1].length + match[2].length)
      const range = {start: valueStart, end: valueStart + match[3].length}
      fm.entries.push({key, keyRange: {start: keyStart, end: keyStart + match[2].length}, value: table[key], raw: match[3], valueRange: range, items: null})
    }
    offset += line.length + 1
  }
  return fm
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim()
}
