import {defineRule} from '../src/define-rule.js'
import type {FrontMatterEntry} from '../src/front-matter.js'
import {excerpt} from '../src/text/excerpt.js'
import {isIsoDate, UNCLOSED_FRONT_MATTER_RE} from '../src/text/front-matter-values.js'

export default defineRule({
  id: 'valid-frontmatter',
  description: 'Require front matter that parses, with the configured keys, real dates and a description of the right length',
  rationale:
    'Front matter that does not parse is dropped by every static-site generator, so the title, date and description silently disappear; an unfilled `date: YYYY-MM-DD` publishes a page with no date.',
  fix: 'Fix the YAML or TOML at the reported line and column (quote values that contain `:`, `{` or `"`), add the missing keys, and fill in real dates.',
  severity: 'error',
  options: {
    required: {type: 'string[]', default: [], description: 'Front-matter keys every document must have (for example `["title", "date", "description"]`).'},
    dates: {type: 'string[]', default: [], description: 'Keys whose values, when present, must be real ISO 8601 dates such as `2025-03-19`, not masks like `YYYY-MM-DD`.'},
    description: {type: 'range', default: null, description: 'Allowed length of the `description` value in characters, as `{"min": 50, "max": 160}`; either bound may be left out.'},
  },
  messages: {
    invalid: ({kind, reason}: {kind: string; reason: string}) => `Invalid ${kind} front matter (${reason}), expected valid ${kind}`,
    unclosed: ({fence}: {fence: string}) => `Unclosed front matter \`${fence}\`, expected a closing \`${fence}\` line after the last key`,
    missingKey: ({key}: {key: string}) => `Missing front-matter key \`${key}\`, expected a \`${key}\` value`,
    badDate: ({key, value}: {key: string; value: string}) => `Invalid date \`${value}\` in \`${key}\`, expected a real ISO date such as 2025-03-19`,
    tooShort: ({text, length, min}: {text: string; length: number; min: number}) =>
      `Too short description \`${text}\` (${length} characters), expected at least ${min} characters`,
    tooLong: ({text, length, max}: {text: string; length: number; max: number}) =>
      `Too long description \`${text}\` (${length} characters), expected at most ${max} characters`,
  },
  check({doc, options, report}) {
    const fm = doc.frontMatter
    if (!fm) {
      const unclosed = UNCLOSED_FRONT_MATTER_RE.exec(doc.source)
      if (unclosed) {
        const fence = unclosed[1]
        report('unclosed', {fence}, {start: 0, end: fence.length})
        return
      }
      for (const key of options.required) report('missingKey', {key}, {start: 0, end: 0}, {actual: key})
      return
    }
    if (fm.error) {
      const kind = fm.kind === 'yaml' ? 'YAML' : 'TOML'
      const reason = fm.error.message.replace(/^Invalid TOML document:\s*/i, '').replace(/[\s:.]+$/, '') || 'parse error'
      report('invalid', {kind, reason}, {start: fm.error.start, end: Math.max(fm.error.start + 1, fm.error.end)})
      return
    }
    const byKey = new Map<string, FrontMatterEntry>()
    for (const entry of fm.entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry)
    for (const key of options.required) {
      if (!byKey.has(key)) report('missingKey', {key}, {start: fm.start, end: fm.start + 3}, {actual: key})
    }
    for (const key of options.dates) {
      const entry = byKey.get(key)
      if (!entry || isIsoDate(entry.value)) continue
      report('badDate', {key, value: excerpt(entry.raw)}, entry.valueRange, {actual: entry.raw})
    }
    const limits = options.description
    const description = byKey.get('description')
    if (limits && description && typeof description.value === 'string') {
      const text = description.value
      const length = [...text].length
      const value = excerpt(text, 40)
      if (limits.min !== undefined && length < limits.min) report('tooShort', {text: value, length, min: limits.min}, description.valueRange, {actual: description.raw})
      if (limits.max !== undefined && length > limits.max) report('tooLong', {text: value, length, max: limits.max}, description.valueRange, {actual: description.raw})
    }
  },
})
