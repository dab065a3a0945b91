import {defineRule} from '../src/define-rule.js'

const TEMPLATE_TOKEN_RE = /\b[A-Z][A-Z0-9]*(?:\\?_[A-Z0-9]+)+\b/g

export default defineRule({
  id: 'no-placeholders',
  description: 'Disallow template placeholders left where real content should be',
  rationale: 'A published case study that still says `YOUR_PROJECT_NAME` or `X ms` tells the reader it was never finished.',
  fix: 'Replace the placeholder with the real value, or delete the line if it does not apply.',
  severity: 'error',
  options: {
    allow: {type: 'string[]', default: [], description: 'Extra strings to accept even though they look like placeholders.'},
  },
  messages: {
    placeholder: ({actual}: {actual: string}) => `Unfilled placeholder \`${actual}\`, expected real content`,
  },
  check({doc, options, report}) {
    for (const block of doc.blocks) {
      for (const match of block.text.text.matchAll(TEMPLATE_TOKEN_RE)) {
        if (options.allow.includes(match[0])) continue
        report('placeholder', {actual: match[0]}, block.text.range(match.index, match.index + match[0].length))
      }
    }
  },
})
