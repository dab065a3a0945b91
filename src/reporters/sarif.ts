/** `--format sarif`: SARIF 2.1.0 (implemented in full separately). */
import type {FileResult} from '../engine.js'
import type {FormatOptions} from './index.js'

export function formatSarif(_results: readonly FileResult[], _options: FormatOptions): string {
  throw new Error('the sarif format is not available yet')
}
