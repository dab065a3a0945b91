/** Output formats, each loaded only when asked for. */
import type {FileResult} from '../engine.js'

export const FORMATS = ['stylish', 'json'] as const
export type FormatName = (typeof FORMATS)[number]

export interface FormatOptions {
  color: boolean
  cwd: string
}

export function isFormat(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name)
}

export async function formatResults(results: readonly FileResult[], format: FormatName, options: FormatOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).formatJson(results)
    case 'stylish':
      return (await import('./stylish.js')).formatStylish(results, options)
  }
}
