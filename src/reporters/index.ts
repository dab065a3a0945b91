/**
 * Output formats, each loaded only when asked for. A formatter is pure: it
 * returns the text to print and, for GitHub, an optional step summary; the
 * CLI decides where they go.
 */
import type {FileResult} from '../engine.js'
import type {Rule} from '../define-rule.js'

export const FORMATS = ['stylish', 'json', 'github', 'sarif'] as const
export type FormatName = (typeof FORMATS)[number]

export interface FormatOptions {
  color: boolean
  /** Paths in output are relative to this folder (the workspace for GitHub). */
  cwd: string
  /** Metadata of every rule, for formats that describe the rules (SARIF). */
  rules: readonly Rule[]
  version: string
}

export interface Formatted {
  output: string
  /** Markdown for `$GITHUB_STEP_SUMMARY`, when the format has one to offer. */
  stepSummary?: string
}

export function isFormat(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name)
}

export async function formatResults(results: readonly FileResult[], format: FormatName, options: FormatOptions): Promise<Formatted> {
  switch (format) {
    case 'json':
      return {output: (await import('./json.js')).formatJson(results)}
    case 'stylish':
      return {output: (await import('./stylish.js')).formatStylish(results, options)}
    case 'github':
      return (await import('./github.js')).formatGithub(results, options)
    case 'sarif':
      return {output: (await import('./sarif.js')).formatSarif(results, options)}
  }
}
