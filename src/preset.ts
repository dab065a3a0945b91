/**
 * A unified preset for remark users (`.remarkrc`: `{"plugins": ["casestudy-lint/preset"]}`
 * or `unified().use(remarkParse).use(casestudyLint)`): front matter and GFM
 * parsing, every rule at its `recommended` severity, and inline
 * `casestudy-lint-disable` comments.
 */
import type {Preset as UnifiedPreset, Plugin} from 'unified'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import {getDocumentIndex, type MdNode} from './document.js'
import {applyInlineControl} from './inline-control.js'
import {FRONTMATTER_TYPES} from './processor.js'
import {prepareTemplates} from './templates/catalog.js'
import {rules, ruleIds} from '../rules/index.js'
import {presets} from '../rules/presets.js'

const SEVERITY: Record<string, number> = {off: 0, warn: 1, error: 2}

/** Applies `casestudy-lint-disable` comments; runs after the rules. */
export const inlineControl: Plugin<[], Node> = function () {
  const known = new Set(ruleIds)
  return (tree: Node, file: VFile) => {
    applyInlineControl(file, getDocumentIndex(tree as MdNode, file), known)
  }
}

let templatesReady = false

/**
 * Profiles the built-in templates before the rules run: the template rules
 * read them synchronously, and one template is MDX, whose parser loads
 * asynchronously. Async only on the first run, so `runSync` works after one
 * `run` or `process`.
 */
const prepareBuiltinTemplates: Plugin<[], Node> = function () {
  return () => {
    if (templatesReady) return
    return prepareTemplates().then(() => {
      templatesReady = true
    })
  }
}

function buildPreset(name: 'recommended' | 'strict'): UnifiedPreset {
  const settings = presets[name]
  return {
    plugins: [
      [remarkFrontmatter, [...FRONTMATTER_TYPES]],
      remarkGfm,
      prepareBuiltinTemplates,
      ...rules.map((rule) => {
        const entry = settings[rule.id] ?? 'off'
        const [severity, options] = Array.isArray(entry) ? entry : [entry, undefined]
        return [rule.plugin, [SEVERITY[String(severity)] ?? Number(severity), options]] as [Plugin, unknown]
      }),
      inlineControl,
    ],
  } as UnifiedPreset
}

export const recommended = buildPreset('recommended')
export const strict = buildPreset('strict')

export default recommended
