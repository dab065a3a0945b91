/** The library API: lint text or files, get vfiles, use the rules and presets. */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError, lint, lintText, presets, rules} from '../src/index.js'

describe('library API', () => {
  it('lints a text and returns the JSON shape', async () => {
    const [result] = await lint({text: '# T\n\nOwner: YOUR_NAME.\n', filePath: 'case.md', config: false})
    expect(result.filePath).toMatch(/case\.md$/)
    const finding = result.messages.find((m) => m.ruleId === 'no-placeholders')!
    expect(finding).toMatchObject({line: 3, column: 8, actual: 'YOUR_NAME', severity: 'error', source: 'casestudy-lint'})
    expect(result.errorCount).toBeGreaterThan(0)
  })

  it('lints files and folders from a working folder with its config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csl-api-'))
    writeFileSync(join(dir, 'a.md'), '# A\n\nOwner: YOUR_NAME.\n')
    writeFileSync(join(dir, '.casestudylintrc.json'), JSON.stringify({rules: {'no-placeholders': 'warn'}}))
    const results = await lint({files: ['.'], cwd: dir})
    expect(results).toHaveLength(1)
    expect(results[0].messages.find((m) => m.ruleId === 'no-placeholders')!.severity).toBe('warning')
  })

  it('throws a ConfigError for a path that matches nothing', async () => {
    await expect(lint({files: ['missing.md'], cwd: tmpdir(), config: false})).rejects.toBeInstanceOf(ConfigError)
  })

  it('returns a vfile from lintText', async () => {
    const file = await lintText('# T\n\nGOAL_1\n', {filePath: 'x.md', config: false})
    const message = file.messages.find((m) => m.ruleId === 'no-placeholders')!
    expect(message.source).toBe('casestudy-lint')
    expect(message.place).toMatchObject({start: {line: 3, column: 1}, end: {line: 3, column: 7}})
    expect(message.url).toMatch(/no-placeholders\.md$/)
  })

  it('exports every rule and both presets', () => {
    expect(rules.length).toBeGreaterThan(0)
    for (const rule of rules) {
      expect(presets.recommended[rule.id]).toBeDefined()
      expect(presets.strict[rule.id]).toBeDefined()
    }
  })
})
