/** `--format github`: workflow-command annotations (implemented in full separately). */
import type {FileResult} from '../engine.js'
import type {FormatOptions, Formatted} from './index.js'

export function formatGithub(_results: readonly FileResult[], _options: FormatOptions): Formatted {
  throw new Error('the github format is not available yet')
}
