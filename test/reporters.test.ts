/**
 * The `github` and `sarif` formats.
 *
 * github: one annotation line per finding, errors before warnings before
 * notices, columns only on one-line findings, workspace-relative posix paths,
 * and escaping that no hostile document or file name can break out of (each
 * output line is parsed the way the runner parses workflow commands and must
 * decode back to exactly the intended properties and message). Past what
 * GitHub shows, a step summary table lists every finding, and hostile text
 * cannot change the table's shape (parsed back with remark-gfm).
 *
 * sarif: valid against the SARIF 2.1.0 JSON schema, rules and results agree,
 * locations are relative to %SRCROOT%, fatal files become
 * `casestudy-lint/fatal` results, and fingerprints survive unrelated edits.
 */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {run} from '../src/cli.js'
import type {FileResult, LintMessage} from '../src/engine.js'
import {withCounts} from '../src/engine.js'
import {VERSION} from '../src/meta.js'
import {ANNOTATIONS_PER_KIND, escapeCell, formatGithub} from '../src/reporters/github.js'
import type {FormatOptions} from '../src/reporters/index.js'
import {FATAL_RULE_ID, FINGERPRINT_KEY, formatSarif} from '../src/reporters/sarif.js'
import {rules} from '../rules/index.js'
import {lintWith} from './helpers.js'
import {validateSarif} from './sarif-schema.js'

const WORKSPACE = '/work/space'
const OPTIONS: FormatOptions = {color: false, cwd: WORKSPACE, rules, version: VERSION}

function message(partial: Partial<LintMessage> & {message: string}): LintMessage {
  return {ruleId: 'no-placeholders', source: 'casestudy-lint', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 2, ...partial}
}

function result(file: string, messages: LintMessage[]): FileResult {
  return withCounts(join(WORKSPACE, file), messages)
}

// ---------------------------------------------------------------------------
// Workflow commands, parsed and decoded as the Actions runner does.

interface Command {
  command: string
  properties: Record<string, string>
  message: string
}

function unescapeData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
}

/** Splits output into lines the way the runner reads them (LF, CR or CRLF). */
function runnerLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

function parseCommand(line: string): Command {
  const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line)
  if (!match) throw new Error(`not an annotation: ${JSON.stringify(line)}`)
  const properties: Record<string, string> = {}
  for (const pair of match[2].split(',')) {
    const eq = pair.indexOf('=')
    expect(eq, line).toBeGreaterThan(0)
    const key = pair.slice(0, eq)
    expect(properties, `duplicate ${key}`).not.toHaveProperty(key)
    properties[key] = unescapeProperty(pair.slice(eq + 1))
  }
  return {command: match[1], properties, message: unescapeData(match[3])}
}

/** Every line is one annotation, and there is exactly one line per finding. */
function commands(output: string, findings: number): Command[] {
  const lines = runnerLines(output)
  expect(lines).toHaveLength(findings)
  for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /)
  return lines.map(parseCommand)
}

const HOSTILE_TEXTS = [
  'Before%0A::add-mask::secret-value',
  'Before\n::error::injected from a document',
  'Before\r\n::stop-commands::pause-token',
  'Before\r::warning file=x.md::forged',
  '::set-output name=x::y and ::add-path::/evil',
  'Percent %25 and %0D and %3A and %2C stay literal',
  'Comma, colon: and == signs, title=forged',
  'Unicode\u2028line\u2029separators\u0085and NEL',
]

describe('github format', () => {
  it('writes one annotation per finding with exact, workspace-relative properties', () => {
    const out = formatGithub(
      [result('docs/case study.md', [message({message: 'Unfilled placeholder `YOUR_PROJECT_NAME`, expected real content', line: 3, column: 10, endLine: 3, endColumn: 27})])],
      OPTIONS,
    )
    expect(out.output).toBe(
      '::error file=docs/case study.md,line=3,endLine=3,col=10,endColumn=27,title=casestudy-lint/no-placeholders::Unfilled placeholder `YOUR_PROJECT_NAME`, expected real content\n',
    )
    expect(out.stepSummary).toBeUndefined()
  })

  it('maps severities to error, warning and notice, errors first, then warnings, then notices', () => {
    const out = formatGithub(
      [
        result('a.md', [message({message: 'info one', severity: 'info', ruleId: 'x'}), message({message: 'warning one', severity: 'warning'})]),
        result('b.md', [message({message: 'error one'}), message({message: 'warning two', severity: 'warning'}), message({message: 'error two'})]),
      ],
      OPTIONS,
    )
    const parsed = commands(out.output, 5)
    expect(parsed.map((c) => `${c.command}:${c.message}`)).toEqual(['error:error one', 'error:error two', 'warning:warning one', 'warning:warning two', 'notice:info one'])
  })

  it('titles fatal per-file messages `casestudy-lint` and reports them as errors', () => {
    const fatal = message({ruleId: null, fatal: true, message: 'Invalid MDX: Unexpected end of file', line: 4, column: 1, endLine: 4, endColumn: 1})
    const [command] = commands(formatGithub([result('x.mdx', [fatal])], OPTIONS).output, 1)
    expect(command.command).toBe('error')
    expect(command.properties.title).toBe('casestudy-lint')
    expect(command.properties.file).toBe('x.mdx')
  })

  it('leaves columns off findings that span several lines', () => {
    const [command] = commands(formatGithub([result('a.md', [message({message: 'm', line: 2, column: 5, endLine: 4, endColumn: 3})])], OPTIONS).output, 1)
    expect(command.properties).toEqual({file: 'a.md', line: '2', endLine: '4', title: 'casestudy-lint/no-placeholders'})
  })

  it('omits the file for standard input', () => {
    const [command] = commands(formatGithub([withCounts('<stdin>', [message({message: 'm'})])], OPTIONS).output, 1)
    expect(command.properties).toEqual({title: 'casestudy-lint/no-placeholders'})
  })

  it('cannot be made to emit a workflow command by hostile messages, actual text, file names or rule ids', () => {
    const hostileMessages = HOSTILE_TEXTS.map((text, i) => message({message: `Unfilled placeholder \`${text}\`, expected real content`, actual: text, line: i + 1, column: 1, endLine: i + 1, endColumn: 5}))
    const hostileRule = message({message: 'm', ruleId: 'rule,title=forged::x\n::error::y'})
    const hostileFile = 'docs/evil,line=99:x%0A\n::error::pwned\r.md'
    const out = formatGithub([result(hostileFile, [...hostileMessages, hostileRule])], OPTIONS)
    const parsed = commands(out.output, hostileMessages.length + 1)
    for (const [i, command] of parsed.slice(0, hostileMessages.length).entries()) {
      expect(command.command).toBe('error')
      expect(Object.keys(command.properties)).toEqual(['file', 'line', 'endLine', 'col', 'endColumn', 'title'])
      expect(command.properties.file).toBe(hostileFile)
      expect(command.properties.line).toBe(String(i + 1))
      // The message decodes back to the original, except Unicode line separators, shown as spaces.
      expect(command.message).toBe(hostileMessages[i].message.replace(/[\u0085\u2028\u2029]/g, ' '))
    }
    expect(parsed.at(-1)!.properties.title).toBe('casestudy-lint/rule,title=forged::x\n::error::y')
    expect(out.output).not.toMatch(/[\u0085\u2028\u2029]/)
  })

  it('keeps hostile document text inert end to end through the CLI (file names, inline comments)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csl-github-'))
    writeFileSync(join(dir, '.casestudylintrc.json'), JSON.stringify({rules: Object.fromEntries(rules.map((r) => [r.id, r.id === 'no-placeholders' ? 'error' : 'off']))}))
    const names = ['evil,name:x.md', 'new\nline::error::pwned.md', 'cr\r::add-mask::x.md', 'pct%0A::stop-commands::t.md']
    const body = '# Title\n\n<!-- casestudy-lint-disable %0A::add-mask::secret,::stop-commands::tok -->\n\nBuilt by YOUR_PROJECT_NAME.\n'
    mkdirSync(join(dir, 'docs'))
    for (const name of names) writeFileSync(join(dir, 'docs', name), body)
    const summary = join(dir, 'summary.md')
    let stdout = ''
    const code = await run(['docs'], {
      stdout: {write: (chunk: string) => (stdout += chunk)},
      stderr: {write: () => true},
      cwd: dir,
      env: {GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary},
    })
    expect(code).toBe(1)
    // Per file: the placeholder (error) and two unknown rule ids in the comment (warnings).
    const parsed = commands(stdout, names.length * 3)
    expect(parsed.filter((c) => c.command === 'error')).toHaveLength(names.length)
    expect(new Set(parsed.map((c) => c.properties.file))).toEqual(new Set(names.map((name) => `docs/${name}`)))
    const unknown = parsed.filter((c) => c.properties.title === 'casestudy-lint/inline-config').map((c) => c.message)
    expect(unknown).toContain('Unknown rule `%0A::add-mask::secret` in `casestudy-lint-disable` comment, expected a casestudy-lint rule id')
    expect(unknown).toContain('Unknown rule `::stop-commands::tok` in `casestudy-lint-disable` comment, expected a casestudy-lint rule id')
  })

  describe('beyond what GitHub shows', () => {
    const many = (count: number, severity: LintMessage['severity']) =>
      Array.from({length: count}, (_, i) => message({message: `${severity} ${i}`, severity, line: i + 1, endLine: i + 1}))

    it('returns no step summary when every annotation will show', () => {
      const out = formatGithub([result('a.md', [...many(ANNOTATIONS_PER_KIND, 'error'), ...many(ANNOTATIONS_PER_KIND, 'warning'), ...many(3, 'info')])], OPTIONS)
      expect(out.stepSummary).toBeUndefined()
      commands(out.output, 2 * ANNOTATIONS_PER_KIND + 3)
    })

    it('still prints every annotation, errors first, and summarises all findings in a table', () => {
      const findings = [...many(4, 'warning'), ...many(ANNOTATIONS_PER_KIND + 2, 'error'), ...many(1, 'info')]
      const out = formatGithub([result('a.md', findings)], OPTIONS)
      const parsed = commands(out.output, findings.length)
      expect(parsed.slice(0, ANNOTATIONS_PER_KIND + 2).every((c) => c.command === 'error')).toBe(true)
      expect(out.stepSummary).toMatch(/^## casestudy-lint: 12 errors, 4 warnings, 1 notice\n/)
      const table = summaryTable(out.stepSummary!)
      expect(table).toHaveLength(findings.length + 1)
      expect(table[0]).toEqual(['File', 'Line', 'Severity', 'Rule', 'Message'])
      expect(table.slice(1).map((row) => row[4])).toEqual(findings.map((f) => f.message))
      expect(table.slice(1).map((row) => row[3])).toEqual(findings.map((f) => f.ruleId))
    })

    it('links each rule to its docs and keeps hostile text from changing the table', () => {
      const hostile = [
        ...HOSTILE_TEXTS,
        'Pipes | split | cells \\| and \\\\| too',
        '<script>alert(1)</script> <img src=x onerror=alert(1)>',
        '[click](javascript:alert(1)) and ![img](https://evil.example/x.png)',
        '**bold** _em_ `code` ~~strike~~ # not a heading',
        'https://evil.example www.evil.example @someone #123',
        '&amp; &lt;b&gt; entities',
        'Trailing backslash \\',
        '| --- | --- |',
      ]
      const findings = hostile.map((text, i) =>
        message({message: `Unfilled placeholder \`${text}\`, expected real content`, line: i + 1, endLine: i + 1, url: 'https://github.com/casestudy-lint/casestudy-lint/blob/main/docs/rules/no-placeholders.md'}),
      )
      const file = 'docs/a|b <i>.md'
      const out = formatGithub([result(file, findings)], OPTIONS)
      expect(out.stepSummary).toBeDefined()
      const tree = parseMarkdown(out.stepSummary!)
      const tables = tree.children!.filter((node) => node.type === 'table')
      expect(tables).toHaveLength(1)
      const rows = tables[0].children!
      expect(rows).toHaveLength(findings.length + 1)
      for (const [i, row] of rows.slice(1).entries()) {
        expect(row.children).toHaveLength(5)
        const [fileCell, lineCell, , ruleCell, messageCell] = row.children!
        expect(cellText(fileCell).replace(/\u2060/g, '')).toBe(file)
        expect(cellText(lineCell)).toBe(String(i + 1))
        expect(types(messageCell)).toEqual(['text'])
        expect(types(fileCell)).toEqual(['text'])
        expect(cellText(messageCell).replace(/\u2060/g, '')).toBe(findings[i].message.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim())
        const link = ruleCell.children![0]
        expect(link.type).toBe('link')
        expect(link.url).toBe(findings[i].url)
        expect(cellText(ruleCell)).toBe('no-placeholders')
      }
      // Nothing outside the table but the heading and the explanation.
      expect(tree.children!.map((node) => node.type)).toEqual(['heading', 'paragraph', 'table'])
    })

    it('escapes every ASCII punctuation mark in a cell, flattens line breaks and defuses bare links', () => {
      expect(escapeCell('a|b\n<c>\r\n*d*')).toBe('a\\|b \\<c\\> \\*d\\*')
      expect(escapeCell('www.x.org a@b.c')).toBe('www\u2060\\.x\\.org a\\@\u2060b\\.c')
    })
  })
})

// ---------------------------------------------------------------------------
// A small mdast reader for the step summary.

interface MdNode {
  type: string
  value?: string
  url?: string
  children?: MdNode[]
}

const markdown = unified().use(remarkParse).use(remarkGfm)

function parseMarkdown(text: string): MdNode {
  return markdown.parse(text) as unknown as MdNode
}

function cellText(node: MdNode): string {
  return node.value ?? (node.children ?? []).map(cellText).join('')
}

function types(node: MdNode): string[] {
  return [...new Set((node.children ?? []).map((child) => child.type))]
}

function summaryTable(summary: string): string[][] {
  const table = parseMarkdown(summary).children!.find((node) => node.type === 'table')!
  return table.children!.map((row) => row.children!.map(cellText))
}

// ---------------------------------------------------------------------------
// SARIF


function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log)
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors, null, 2)).toEqual([])
  expect(valid).toBe(true)
}

interface SarifLog {
  version: string
  runs: {
    tool: {driver: {name: string; version: string; informationUri: string; rules: {id: string; shortDescription: {text: string}; helpUri?: string; defaultConfiguration: {level: string}}[]}}
    originalUriBaseIds: Record<string, {uri: string}>
    results: {
      ruleId: string
      ruleIndex: number
      level: string
      message: {text: string}
      locations?: {physicalLocation: {artifactLocation: {uri: string; uriBaseId?: string}; region: Record<string, number>}}[]
      partialFingerprints: Record<string, string>
    }[]
  }[]
}

function sarif(results: readonly FileResult[], cwd = WORKSPACE): SarifLog {
  return JSON.parse(formatSarif(results, {...OPTIONS, cwd}))
}

const ONLY_PLACEHOLDERS = {'no-placeholders': undefined}

async function fingerprints(text: string, path = join(WORKSPACE, 'docs/a.md')): Promise<string[]> {
  const linted = await lintWith(text, path, ONLY_PLACEHOLDERS)
  return sarif([linted]).runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])
}

describe('sarif format', () => {
  it('is checked by a live validator (a log without a driver name fails)', () => {
    expect(validateSarif({version: '2.1.0', runs: [{tool: {driver: {}}, results: []}]})).toBe(false)
    expect(validateSarif({version: '2.1.0', runs: [{tool: {driver: {name: 'x'}}, results: [{message: {text: 'm'}, level: 'fatal'}]}]})).toBe(false)
  })

  it('is valid SARIF 2.1.0 with the driver, every rule and located results', async () => {
    const linted = await lintWith('# Case study\n\nBuilt by YOUR_PROJECT_NAME for MY_TEAM.\n', join(WORKSPACE, 'docs/case study #1.md'), ONLY_PLACEHOLDERS)
    const log = sarif([linted, result('clean.md', [])])
    expectValidSarif(log)
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const [runLog] = log.runs
    expect(runLog.tool.driver).toMatchObject({name: 'casestudy-lint', version: VERSION, informationUri: 'https://github.com/casestudy-lint/casestudy-lint'})
    expect(runLog.tool.driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id))
    for (const [i, rule] of rules.entries()) {
      expect(runLog.tool.driver.rules[i]).toMatchObject({
        id: rule.id,
        shortDescription: {text: rule.description},
        helpUri: rule.url,
        defaultConfiguration: {level: rule.severity === 'error' ? 'error' : 'warning'},
      })
    }
    expect(runLog.originalUriBaseIds).toEqual({'%SRCROOT%': {uri: pathToFileURL(WORKSPACE).href + '/'}})
    expect(runLog.results).toHaveLength(2)
    const [first] = runLog.results
    expect(first).toMatchObject({
      ruleId: 'no-placeholders',
      level: 'error',
      message: {text: 'Unfilled placeholder `YOUR_PROJECT_NAME`, expected real content'},
      locations: [{physicalLocation: {artifactLocation: {uri: 'docs/case%20study%20%231.md', uriBaseId: '%SRCROOT%'}, region: {startLine: 3, startColumn: 10, endLine: 3, endColumn: 27}}}],
    })
    expect(runLog.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId)
  })

  it('maps severities to levels and describes rule ids outside the registry', () => {
    const log = sarif([
      result('a.md', [message({message: 'w', severity: 'warning', ruleId: 'inline-config'}), message({message: 'i', severity: 'info', ruleId: 'inline-config'})]),
    ])
    expectValidSarif(log)
    const [runLog] = log.runs
    expect(runLog.results.map((r) => r.level)).toEqual(['warning', 'note'])
    for (const r of runLog.results) expect(runLog.tool.driver.rules[r.ruleIndex].id).toBe('inline-config')
    expect(runLog.tool.driver.rules.filter((r) => r.id === 'inline-config')).toHaveLength(1)
  })

  it('reports files that could not be linted as results of the casestudy-lint/fatal rule', async () => {
    const linted = await lintWith('# Title\n\n<Broken\n', join(WORKSPACE, 'broken.mdx'), ONLY_PLACEHOLDERS)
    expect(linted.messages[0].fatal).toBe(true)
    const log = sarif([linted])
    expectValidSarif(log)
    const [entry] = log.runs[0].results
    expect(entry.ruleId).toBe(FATAL_RULE_ID)
    expect(entry.level).toBe('error')
    expect(entry.message.text).toMatch(/^Invalid MDX/)
    expect(log.runs[0].tool.driver.rules[entry.ruleIndex]).toMatchObject({id: FATAL_RULE_ID, defaultConfiguration: {level: 'error'}})
  })

  it('uses absolute file URIs outside the working folder and no location for standard input', () => {
    const log = sarif([withCounts('/elsewhere/x y.md', [message({message: 'm'})]), withCounts('<stdin>', [message({message: 'm'})])])
    expectValidSarif(log)
    expect(log.runs[0].results[0].locations![0].physicalLocation.artifactLocation).toEqual({uri: 'file:///elsewhere/x%20y.md'})
    expect(log.runs[0].results[1].locations).toBeUndefined()
  })

  it('is valid with no findings and through the CLI with --output-file', async () => {
    expectValidSarif(sarif([]))
    const dir = mkdtempSync(join(tmpdir(), 'csl-sarif-'))
    writeFileSync(join(dir, 'a.md'), '# Title\n\nBuilt by YOUR_PROJECT_NAME.\n')
    const code = await run(['--format', 'sarif', '--output-file', 'report.sarif', 'a.md'], {stdout: {write: () => true}, stderr: {write: () => true}, cwd: dir, env: {}})
    expect(code).toBe(1)
    const log = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')) as SarifLog
    expectValidSarif(log)
    expect(log.runs[0].results.some((r) => r.locations![0].physicalLocation.artifactLocation.uri === 'a.md')).toBe(true)
  })

  describe('fingerprints', () => {
    const doc = '# Case study\n\nBuilt by YOUR_PROJECT_NAME.\n\nLater YOUR_PROJECT_NAME shipped, owned by MY_TEAM.\n'

    it('stay the same when unrelated text is added above or around the findings', async () => {
      const before = await fingerprints(doc)
      const edited = '# Case study\n\nA new opening paragraph.\n\nAnd another one, several lines long,\nwrapped here.\n\nBuilt by   YOUR_PROJECT_NAME.\n\nIn between.\n\nLater YOUR_PROJECT_NAME shipped, owned by MY_TEAM.\n'
      expect(before).toHaveLength(3)
      expect(await fingerprints(edited)).toEqual(before)
    })

    it('tell apart repeats of the same text in a file, by occurrence', async () => {
      const [first, second, team] = await fingerprints(doc)
      expect(new Set([first, second, team]).size).toBe(3)
    })

    it('change with the file, the rule, or the flagged text', async () => {
      const [base] = await fingerprints(doc)
      expect((await fingerprints(doc, join(WORKSPACE, 'docs/b.md')))[0]).not.toBe(base)
      expect((await fingerprints(doc.replace(/YOUR_PROJECT_NAME/g, 'OUR_PROJECT_NAME')))[0]).not.toBe(base)
      const other = sarif([result('docs/a.md', [message({message: 'x', ruleId: 'other-rule', actual: 'YOUR_PROJECT_NAME'})])])
      expect(other.runs[0].results[0].partialFingerprints[FINGERPRINT_KEY]).not.toBe(base)
    })

    it('do not depend on the working folder, only on the relative path', async () => {
      const linted = await lintWith(doc, join(WORKSPACE, 'docs/a.md'), ONLY_PLACEHOLDERS)
      const moved = {...linted, filePath: '/other/checkout/docs/a.md'}
      const a = sarif([linted]).runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])
      const b = sarif([moved], '/other/checkout').runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])
      expect(b).toEqual(a)
    })
  })
})
