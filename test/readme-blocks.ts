/** The README's fenced code blocks, so tests can run what the README tells people to copy. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {ROOT} from './helpers.js'

export interface CodeBlock {
  lang: string | null
  /** The words after the language on the fence line (for example a file name). */
  meta: string | null
  text: string
  /** Text of the nearest heading above the block. */
  heading: string
  line: number
}

interface Node {
  type: string
  lang?: string | null
  meta?: string | null
  value?: string
  depth?: number
  children?: Node[]
  position?: {start: {line: number}}
}

function text(node: Node): string {
  return node.value ?? (node.children ?? []).map(text).join('')
}

/** Code blocks of the README, in order; only those in `lang` when given. */
export function readmeBlocks(lang?: string): CodeBlock[] {
  const tree = unified().use(remarkParse).parse(readFileSync(join(ROOT, 'README.md'), 'utf8')) as unknown as Node
  const blocks: CodeBlock[] = []
  let heading = ''
  for (const node of tree.children ?? []) {
    if (node.type === 'heading') heading = text(node)
    if (node.type === 'code') blocks.push({lang: node.lang ?? null, meta: node.meta ?? null, text: node.value ?? '', heading, line: node.position?.start.line ?? 0})
  }
  return lang === undefined ? blocks : blocks.filter((block) => block.lang === lang)
}

/** The README's text between the heading `title` and the next heading of the same or a higher level. */
export function readmeSection(title: string): string {
  const source = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const lines = source.split('\n')
  const start = lines.findIndex((line) => /^#{1,6} /.test(line) && line.replace(/^#+ /, '') === title)
  if (start < 0) throw new Error(`README has no section ${title}`)
  const depth = /^#+/.exec(lines[start])![0].length
  let end = start + 1
  let fenced = false
  for (; end < lines.length; end++) {
    if (/^(```|~~~)/.test(lines[end])) fenced = !fenced
    const match = /^(#{1,6}) /.exec(lines[end])
    if (!fenced && match && match[1].length <= depth) break
  }
  return lines.slice(start, end).join('\n')
}
