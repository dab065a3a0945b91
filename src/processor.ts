/**
 * Processors: one per syntax (Markdown, MDX) and rule set. MDX support is
 * loaded only when an `.mdx` file is linted. A `.md` processor never has
 * remark-mdx, so `<!-- comments -->` and HTML keep working there.
 */
import type {Processor} from 'unified'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import type {Rule} from './define-rule.js'

export type Syntax = 'markdown' | 'mdx'

/** Severity 0 (off), 1 (warning) or 2 (error), and the rule's resolved options. */
export type RuleSetting = readonly [0 | 1 | 2, unknown]

export const FRONTMATTER_TYPES = ['yaml', 'toml'] as const

export function syntaxOf(filePath: string): Syntax {
  return /\.mdx$/i.test(filePath) ? 'mdx' : 'markdown'
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProcessor = Processor<any, any, any, any, any>

let remarkMdxPlugin: unknown

/** Loads remark-mdx on first use. */
export async function loadMdx(): Promise<void> {
  if (!remarkMdxPlugin) remarkMdxPlugin = (await import('remark-mdx')).default
}

/** A frozen parser-only processor for `syntax` (MDX must be loaded first). */
export function createParser(syntax: Syntax): AnyProcessor {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, [...FRONTMATTER_TYPES]).use(remarkGfm)
  if (syntax === 'mdx') {
    if (!remarkMdxPlugin) throw new Error('remark-mdx is not loaded; call loadMdx() first')
    processor.use(remarkMdxPlugin as never)
  }
  return processor as AnyProcessor
}

/** Processor with the parser and the enabled rules attached. */
export function createProcessor(syntax: Syntax, rules: readonly Rule[], settings: Readonly<Record<string, RuleSetting>>): AnyProcessor {
  const processor = createParser(syntax)
  for (const rule of rules) {
    const setting = settings[rule.id]
    if (!setting || setting[0] === 0) continue
    processor.use(rule.plugin, [setting[0], setting[1]])
  }
  return processor.freeze() as AnyProcessor
}
