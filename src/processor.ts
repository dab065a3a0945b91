/**
 * Processors: one per syntax (Markdown, MDX) and rule set. MDX support is
 * loaded only when an `.mdx` file is linted. A `.md` processor never has
 * remark-mdx, so `<!-- comments -->` and HTML keep working there.
 */
import type {Processor} from 'unified'
import {unified} from 'unified'
import type {Extension} from 'micromark-util-types'
import type {Extension as FromMarkdownExtension} from 'mdast-util-from-markdown'
import type {Rule} from './define-rule.js'
import {FRONTMATTER_TYPES, parseMarkdown, setMdxExtensions} from './parse.js'

export type Syntax = 'markdown' | 'mdx'

/** Severity 0 (off), 1 (warning) or 2 (error), and the rule's resolved options. */
export type RuleSetting = readonly [0 | 1 | 2, unknown]

export {FRONTMATTER_TYPES}

export function syntaxOf(filePath: string): Syntax {
  return /\.mdx$/i.test(filePath) ? 'mdx' : 'markdown'
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProcessor = Processor<any, any, any, any, any>

let mdxLoaded = false

/** Loads remark-mdx on first use and hands its syntax extensions to the parser. */
export async function loadMdx(): Promise<void> {
  if (mdxLoaded) return
  const remarkMdx = (await import('remark-mdx')).default
  // remark-mdx registers its extensions on the processor's data when attached.
  const data = unified().use(remarkMdx).freeze().data() as {micromarkExtensions?: Extension[]; fromMarkdownExtensions?: FromMarkdownExtension[][]}
  setMdxExtensions(data.micromarkExtensions ?? [], (data.fromMarkdownExtensions ?? []).flat())
  mdxLoaded = true
}

/** A processor whose parser is `parseMarkdown` for `syntax` (MDX must be loaded first). */
export function createParser(syntax: Syntax): AnyProcessor {
  if (syntax === 'mdx' && !mdxLoaded) throw new Error('remark-mdx is not loaded; call loadMdx() first')
  return unified().use(function parser(this: AnyProcessor) {
    this.parser = (document: string) => parseMarkdown(document, syntax)
  }) as AnyProcessor
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
