/**
 * The labelled corpus in ../shared/corpus as a regression suite. The linter's
 * JSON report is scored with ../shared/tools/score.mjs (the maintainers'
 * scorer); each rule listed in corpus-floors.json must stay at or above its
 * committed precision and recall floors on the `certain` labels.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import type {FileResult} from '../src/engine.js'
import {ROOT, SHARED} from './helpers.js'

const CORPUS = join(SHARED, 'corpus')
const LABELS = join(CORPUS, 'labels.jsonl')
const SCORER = join(SHARED, 'tools', 'score.mjs')
const floors: Record<string, {precision: number; recall: number}> = JSON.parse(readFileSync(join(ROOT, 'test', 'corpus-floors.json'), 'utf8'))

interface Score {
  precision: number | null
  recall: number | null
  tp: number
  fp: number
  fn: number
  misses: string[]
  fps: string[]
}

describe.runIf(existsSync(LABELS))('corpus', () => {
  let summary: Record<string, Score>
  let table: string
  let results: FileResult[]

  beforeAll(async () => {
    results = await lint({files: [CORPUS], cwd: CORPUS, config: false})
    const dir = mkdtempSync(join(tmpdir(), 'csl-corpus-'))
    const report = join(dir, 'report.json')
    writeFileSync(report, JSON.stringify(results))
    const out = execFileSync(process.execPath, [SCORER, '--labels', LABELS, '--report', report, '--json', '1'], {encoding: 'utf8'})
    const lines = out.trim().split('\n')
    summary = JSON.parse(lines.pop()!)
    table = lines.join('\n')
    console.log(`corpus score\n${table}`)
  })

  it('lints every corpus document without a fatal error', () => {
    expect(results.length).toBeGreaterThan(40)
    expect(results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}: ${m.message}`))).toEqual([])
  })

  for (const [rule, floor] of Object.entries(floors)) {
    it(`${rule}: precision >= ${floor.precision}, recall >= ${floor.recall}`, () => {
      const score = summary[rule] ?? {precision: null, recall: null, tp: 0, fp: 0, fn: 0, misses: [], fps: []}
      const detail = `\n${table}\nfalse positives:\n${score.fps.join('\n')}\nmisses:\n${score.misses.join('\n')}`
      // No findings at all on a labelled rule means zero recall, not a pass.
      expect(score.precision ?? 0, detail).toBeGreaterThanOrEqual(floor.precision)
      expect(score.recall ?? 0, detail).toBeGreaterThanOrEqual(floor.recall)
    })
  }
})
