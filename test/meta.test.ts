/**
 * The registry, rule files, fixtures and generated docs agree one to one,
 * generated docs are up to date, and rule metadata follows the house style.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {presets} from '../rules/presets.js'
import {generatedFiles} from '../scripts/docs.js'
import {HELP} from '../src/cli.js'
import {ROOT} from './helpers.js'

const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((name) => name.endsWith('.ts') && !['index.ts', 'presets.ts'].includes(name))
  .map((name) => name.replace(/\.ts$/, ''))
  .sort()

describe('meta', () => {
  it('registers exactly the rule files, each under its own file name', () => {
    expect(rules.map((rule) => rule.id).sort()).toEqual(ruleFiles)
  })

  it('has a fixtures folder and a docs page for every rule, and nothing else', () => {
    const fixtureDirs = readdirSync(join(ROOT, 'fixtures')).filter((name) => name !== 'complete').sort()
    expect(fixtureDirs).toEqual(ruleFiles)
    const pages = readdirSync(join(ROOT, 'docs', 'rules')).map((name) => name.replace(/\.md$/, '')).sort()
    expect(pages).toEqual(ruleFiles)
  })

  it('keeps generated docs and the README rules table up to date (run `npm run docs`)', () => {
    for (const file of generatedFiles(ROOT)) {
      expect(existsSync(file.path), file.path).toBe(true)
      expect(readFileSync(file.path, 'utf8'), `${file.path} is stale: run npm run docs`).toBe(file.content)
    }
  })

  it('gives every rule complete metadata in the house style', () => {
    for (const rule of rules) {
      expect(rule.description, rule.id).toMatch(/^(Disallow|Require) /)
      expect(rule.description, rule.id).not.toMatch(/\.$/)
      expect(rule.rationale.length, rule.id).toBeGreaterThan(20)
      expect(rule.fix.length, rule.id).toBeGreaterThan(10)
      expect(['error', 'warn']).toContain(rule.severity)
      expect(rule.url).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`))
      for (const [name, spec] of Object.entries(rule.options)) expect(spec.description.length, `${rule.id}.${name}`).toBeGreaterThan(10)
    }
  })

  it('puts every rule in both presets, strict with everything an error', () => {
    for (const rule of rules) {
      expect(presets.recommended[rule.id]).toBe(rule.severity)
      const strict = presets.strict[rule.id]
      expect(Array.isArray(strict) ? strict[0] : strict).toBe('error')
    }
  })

  it('documents every CLI option in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    for (const [, flag] of HELP.matchAll(/(--[a-z][a-z-]+)/g)) expect(readme, flag).toContain(flag)
  })
})
