/**
 * A grammar of case-study Markdown and MDX for property tests: front matter,
 * headings (section titles the rules look for), paragraphs, nested and task
 * lists, tables, code, quotes, comments, definitions, footnotes and JSX (MDX
 * only), with inline words, emphasis, links, code and long runs of the
 * characters the rules' patterns care about.
 */
import fc from 'fast-check'

/** Words and phrases the rules react to, and plain ones around them. */
export const WORDS = [
  'we', 'our', 'I', 'the', 'a', 'team', 'service', 'checkout', 'latency', 'p95', 'users', 'requests', 'errors',
  'faster', 'slower', 'significantly', 'dramatically', 'improved', 'reduced', 'increased', 'cut', 'by', 'from', 'to', 'fell', 'rose',
  'ms', 's', 'seconds', 'MB', '%', '50%', '3x', '10x', '1,200', '0.5', '42', '2024', '2024-03-01', 'YYYY-MM-DD', 'Q3',
  'was', 'were', 'is', 'hard', 'difficult', 'challenge', 'challenging', 'problem', 'deployment', 'scaling', 'because', 'when', 'after',
  'not', 'no', 'never', 'goals', 'non-goals', 'out of scope', 'scope', 'deferred', 'v2', 'later',
  'TODO', 'TBD', 'FIXME', 'YOUR_NAME', 'PROJECT_NAME', 'GOAL_1', 'NON_GOAL_2', 'X', 'Y', 'N', 'XX%', 'X ms', 'N users', '{{PROJECT_NAME}}',
  '[Project Name]', '[Describe the problem]', '[link]', '(url)', '<Project Name>', 'Lorem ipsum', 'e.g.', 'etc.', '...', '…', '—', '–',
  'best practices', 'followed', 'tests', 'CI', 'monitoring', 'security', 'code review', 'documentation', 'Redis', 'Kafka', 'Postgres',
  'Here is', 'Certainly!', 'As an AI', 'feel free to', 'Replace this', 'Describe', 'Write 2-3 sentences', 'you', 'your',
  'café', 'naïve', '日本語', 'Ünïcödé', '🙂', '\u00a0', '\u200b',
]

export const SECTION_TITLES = [
  'Overview', 'Summary', 'Problem', 'The challenge', 'Challenges', 'Challenges faced', 'Goals', 'Non-goals', 'Non goals', 'Out of scope',
  'What we didn’t build', 'Solution', 'Approach', 'Architecture', 'Results', 'Impact', 'Metrics', 'Outcomes', 'Lessons learned',
  'Best practices', 'Checklist', 'Tech stack', 'Next steps', 'Timeline', 'Team', 'Appendix', 'Project Name', 'YOUR_TITLE',
]

/** Characters the rules' patterns care about; long runs of each probe for backtracking. */
export const RUN_CHARS = ['[', ']', '_', 'X', '0', '7', '%', ' ', '<', '>', '(', ')', '*', '`', '|', '-', '.', ':', '#', '\\', '&', '!', '{', '}', '~', '"', "'", '/', '$', '\t']
/** Short units repeated into runs: placeholder-ish fragments. */
export const RUN_UNITS = ['[x', 'X_', '_X', '1 ', '% ', '(a', '[ ]', '**', 'YOUR_', '0.', ' <', '[[', ']]', '\\[', 'XX', 'N ', '- ', '. ', 'a_b', '<a>', '1,', '--']

/** Characters that open JSX or expressions in MDX and so cannot appear in plain MDX text. */
const MDX_UNSAFE = /[<{}]/g

function safe(text: string, mdx: boolean): string {
  return mdx ? text.replace(MDX_UNSAFE, ' ') : text
}

export interface GrammarOptions {
  mdx: boolean
  /** Longest run of one character or unit. */
  maxRun?: number
}

export function grammar({mdx, maxRun = 200}: GrammarOptions) {
  const word = fc.constantFrom(...WORDS).map((w) => safe(w, mdx))
  const run = fc
    .tuple(fc.constantFrom(...RUN_CHARS, ...RUN_UNITS), fc.integer({min: 1, max: maxRun}))
    .map(([unit, n]) => safe(unit.repeat(Math.max(1, Math.round(n / unit.length))), mdx))
  const phrase = fc.array(word, {minLength: 1, maxLength: 6}).map((words) => words.join(' '))
  const url = fc.constantFrom('https://example.com/a', 'https://example.com/path_(x)', '#', '', 'YOUR_GITHUB_URL', 'link-to-diagram', './docs/a.md', 'mailto:x@example.com')
  const inline = fc.oneof(
    {weight: 8, arbitrary: word},
    {weight: 2, arbitrary: run},
    {weight: 1, arbitrary: phrase.map((p) => `*${p}*`)},
    {weight: 1, arbitrary: phrase.map((p) => `**${p}**`)},
    {weight: 1, arbitrary: phrase.map((p) => `_${p}_`)},
    {weight: 1, arbitrary: phrase.map((p) => `~~${p}~~`)},
    {weight: 2, arbitrary: fc.tuple(phrase, url).map(([p, u]) => `[${p}](${u})`)},
    {weight: 1, arbitrary: fc.tuple(phrase, url).map(([p, u]) => `![${p}](${u})`)},
    {weight: 1, arbitrary: phrase.map((p) => `[${p}][ref]`)},
    {weight: 2, arbitrary: phrase.map((p) => '`' + p.replace(/`/g, '') + '`')},
    {weight: 1, arbitrary: fc.constant('https://example.com/auto')},
    {weight: 1, arbitrary: fc.constantFrom('[^1]', '\\_', '\\[', '&amp;', '&#42;', '  \n')},
    ...(mdx
      ? [
          {weight: 1, arbitrary: phrase.map((p) => `<Badge>${p}</Badge>`)},
          {weight: 1, arbitrary: fc.constantFrom('{1 + 1}', '{props.name}', '{/* note */}', '<Icon name="x" />')},
        ]
      : [
          {weight: 1, arbitrary: phrase.map((p) => `<span>${p}</span>`)},
          {weight: 1, arbitrary: fc.constantFrom('<br>', '<!-- inline note -->', '<kbd>Ctrl</kbd>', '<https://example.com>')},
        ]),
  )
  const text = fc.array(inline, {minLength: 1, maxLength: 14}).map((parts) => parts.join(' '))
  const lineText = text.map((t) => t.replace(/[\r\n]+/g, ' '))

  const heading = fc
    .tuple(fc.integer({min: 1, max: 6}), fc.oneof(fc.constantFrom(...SECTION_TITLES), lineText))
    .map(([depth, title]) => `${'#'.repeat(depth)} ${title}`)
  const paragraph = fc.array(text, {minLength: 1, maxLength: 3}).map((lines) => lines.join('\n'))
  const labelled = fc
    .tuple(fc.constantFrom('Non-goals', 'Goals', 'Challenge', 'Result', 'Impact', 'Owner', 'Stack', 'Status'), lineText)
    .map(([label, rest]) => `**${label}:** ${rest}`)
  const item = fc.record({
    level: fc.integer({min: 0, max: 3}),
    marker: fc.constantFrom('-', '*', '+', '1.', '2)'),
    task: fc.constantFrom('', '', '[ ] ', '[x] ', '[X] '),
    text: lineText,
  })
  const list = fc
    .array(item, {minLength: 1, maxLength: 8})
    .map((items) => items.map((i) => `${'  '.repeat(i.level * (i.marker.length > 1 ? 2 : 1))}${i.marker} ${i.task}${i.text}`).join('\n'))
  const cell = fc.oneof(word, lineText.map((t) => t.replace(/\|/g, '\\|')), fc.constantFrom('', 'X', 'N/A', '-', '✓', 'X ms', 'Y%'))
  const table = fc
    .tuple(
      fc.array(fc.oneof(fc.constantFrom('Metric', 'Before', 'After', 'Value', 'Target', 'Result', 'Challenge', 'Solution', 'Practice', 'Tool', 'Why'), word), {minLength: 1, maxLength: 6}),
      fc.integer({min: 0, max: 5}),
      fc.array(cell, {minLength: 36, maxLength: 36}),
    )
    .map(([header, rows, cells]) => {
      const line = (values: string[]) => `| ${values.join(' | ')} |`
      const body = Array.from({length: rows}, (_, r) => line(header.map((_, c) => cells[(r * header.length + c) % cells.length])))
      return [line(header), line(header.map(() => '---')), ...body].join('\n')
    })
  const code = fc
    .tuple(fc.constantFrom('', 'js', 'ts', 'yaml', 'sh', 'YOUR_LANG', 'mermaid'), paragraph)
    .map(([lang, body]) => '```' + lang + '\n' + body.replace(/```/g, '') + '\n```')
  const quote = paragraph.map((p) => p.split('\n').map((l) => `> ${l}`).join('\n'))
  const definition = fc.tuple(fc.constantFrom('ref', 'docs', '1', 'Project Name'), url).map(([label, u]) => `[${label}]: ${u || '<>'}`)
  const footnote = lineText.map((t) => `[^1]: ${t}`)
  const control = fc.constantFrom(
    '<!-- casestudy-lint-disable no-placeholders -->',
    '<!-- casestudy-lint-enable -->',
    '<!-- casestudy-lint-disable-next-line -->',
    '<!-- casestudy-lint-ignore no-such-rule -->',
    '<!-- a comment with YOUR_NAME -->',
  )
  const flow = mdx
    ? fc.oneof(
        fc.tuple(fc.constantFrom('Note', 'Callout', 'Tabs'), paragraph).map(([name, body]) => `<${name}>\n\n${body}\n\n</${name}>`),
        fc.tuple(fc.constantFrom('Note', 'Aside'), lineText).map(([name, body]) => `<${name} title="a ${name}">${body}</${name}>`),
        fc.constantFrom('<Figure src="/a.png" alt="YOUR_ALT" />', '{/* casestudy-lint-disable no-placeholders */}', '{/* casestudy-lint-enable */}', "export const meta = {title: 'x'}"),
      )
    : fc.oneof(control, fc.constantFrom('<div align="center">\n\n<img src="a.png" alt="Project Name">\n\n</div>', '<details>\n<summary>More</summary>\n\nText.\n\n</details>'))

  const block = fc.oneof(
    {weight: 4, arbitrary: heading},
    {weight: 6, arbitrary: paragraph},
    {weight: 1, arbitrary: labelled},
    {weight: 4, arbitrary: list},
    {weight: 2, arbitrary: table},
    {weight: 1, arbitrary: code},
    {weight: 1, arbitrary: quote},
    {weight: 1, arbitrary: fc.constantFrom('---', '***')},
    {weight: 1, arbitrary: definition},
    {weight: 1, arbitrary: footnote},
    {weight: 1, arbitrary: flow},
  )

  const yamlValue = fc.oneof(
    fc.constantFrom('Draft', 'YYYY-MM-DD', '2024-03-01', '[slug-for-url]', '"How We Built [Project Name]"', '[a, b]', 'keyword1, keyword2', '&a x', '*a', '|', '"unclosed', '{a: 1}', ''),
    lineText.map((t) => JSON.stringify(t)),
  )
  const frontMatter = fc.oneof(
    fc
      .array(fc.tuple(fc.constantFrom('title', 'date', 'description', 'slug', 'tags', 'keywords', 'author', 'x'), yamlValue), {minLength: 0, maxLength: 6})
      .chain((entries) =>
        fc.constantFrom('---', '--- ').map((close) => `---\n${entries.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${close.trim()}`),
      ),
    fc.constantFrom('+++\ntitle = "x"\ndate = 2024-03-01\n+++', '+++\ntitle = \n+++', '---\ntitle: unclosed front matter', '---\n- a\n- b\n---', '---\n---'),
  )

  const document = fc
    .record({
      frontMatter: fc.option(frontMatter, {freq: 4}),
      blocks: fc.array(block, {minLength: 0, maxLength: 14}),
      separator: fc.constantFrom('\n\n', '\n\n', '\n'),
      eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
    })
    .map(({frontMatter: fm, blocks, separator, eol}) => {
      const parts = fm === null ? blocks : [fm, ...blocks]
      return (parts.join(separator) + '\n').replace(/\r?\n/g, eol)
    })

  return {word, run, inline, text, heading, paragraph, list, table, block, frontMatter, document}
}
