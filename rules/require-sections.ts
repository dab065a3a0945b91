import {defineRule} from '../src/define-rule.js'
import type {DocumentIndex, MdNode, Section} from '../src/document.js'
import {isHtmlComment, mdxComment} from '../src/document.js'
import {ConfigError} from '../src/options-schema.js'
import {templateCatalog} from '../src/templates/catalog.js'
import {detectTemplate, documentHeadings, scoreTemplate, type TemplateScore} from '../src/templates/detect.js'
import {displayTitle} from '../src/templates/normalise.js'

/** Flow nodes that are not content: an HTML or MDX comment, a rule line, front matter. */
function isContent(node: MdNode): boolean {
  if (node.type === 'thematicBreak' || node.type === 'yaml' || node.type === 'toml') return false
  if (node.type === 'html' && isHtmlComment(node.value ?? '')) return false
  if (node.type === 'mdxFlowExpression' && mdxComment(node.value ?? '') !== null) return false
  return true
}

export default defineRule({
  id: 'require-sections',
  description: 'Require the sections of the template a document was filled from, each with content',
  rationale:
    'A filled-in template that drops a required section (or keeps only its heading) hides exactly the part a reviewer looks for: the goals, the challenges, the results.',
  fix: 'Add the missing section with real content, or fill the empty one; if the section does not apply, say so in a sentence.',
  severity: 'warn',
  options: {
    template: {
      type: 'string|false',
      default: 'auto',
      description:
        'The template to check against: `"auto"` detects it from the headings (only when at least half of a template\'s H2 headings are present), a built-in name (`case-study`, `how-we-built`, `platform-deep-dive`, `case-study-brief`, `technical-deep-dive`) or a team template listed under `templates` in the config (its name or path) checks every document against it, `false` turns the rule off.',
    },
  },
  messages: {
    missing: ({section, template}: {section: string; template: string}) =>
      `Missing section \`${section}\` of template \`${template}\`, expected a heading \`${section}\` with content`,
    empty: ({section, template}: {section: string; template: string}) =>
      `Empty section \`${section}\` (template \`${template}\`), expected content before the next heading`,
  },
  check({doc, options, settings, report}) {
    if (options.template === false) return
    const catalog = templateCatalog(settings.templates)
    let result: TemplateScore | null
    if (options.template === 'auto') {
      result = detectTemplate(doc, catalog.profiles).detected
    } else {
      const profile = catalog.find(options.template)
      if (!profile) {
        const names = catalog.profiles.map((p) => `\`${p.name}\``).join(', ')
        throw new ConfigError(`unknown template \`${options.template}\`, expected "auto", false, one of ${names}, or a path listed under \`templates\``)
      }
      result = scoreTemplate(doc, profile)
    }
    if (!result) return
    const template = result.profile.name

    // Missing sections: placed at the end of the nearest earlier template section the document has.
    const found = new Map(result.matched.map((match) => [match.heading, match.section]))
    let previous: Section | null = null
    for (const heading of result.profile.required) {
      const section = found.get(heading)
      if (section) {
        previous = section
        continue
      }
      const at = previous ? contentEnd(doc, previous) : 0
      const name = displayTitle(heading.title)
      report('missing', {section: name, template}, {start: at, end: at}, {actual: name, expected: `a heading \`${name}\` with content`})
    }

    // Empty sections: a heading followed directly by a heading of the same or a higher level.
    const headings = documentHeadings(doc)
    for (const [i, section] of headings.entries()) {
      if (section.nodes.some(isContent)) continue
      const next = headings[i + 1]
      if (next && next.depth > section.depth) continue
      const heading = section.heading!
      report('empty', {section: displayTitle(section.title), template}, {start: section.start, end: heading.position?.end.offset ?? section.bodyStart})
    }
  },
})

/** Offset after the last non-space character of a section (subsections included). */
function contentEnd(doc: DocumentIndex, section: Section): number {
  let end = Math.max(section.bodyStart, section.end)
  while (end > section.start && /\s/.test(doc.source[end - 1])) end--
  return end
}
