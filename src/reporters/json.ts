/** `--format json`: the fixed JSON shape, one entry per file. */
import type {FileResult} from '../engine.js'

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(results, null, 2) + '\n'
}
