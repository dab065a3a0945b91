/** `--format stylish`: the vfile-reporter layout, coloured on a terminal. */
import {relative} from 'node:path'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import type {FileResult} from '../engine.js'

export interface StylishOptions {
  color: boolean
  cwd: string
}

export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  const files = results.filter((result) => result.messages.length > 0).map((result) => toVFile(result, options.cwd))
  if (files.length === 0) return ''
  const report = reporter(files, {color: options.color, quiet: true})
  return report ? report + '\n' : ''
}

function toVFile(result: FileResult, cwd: string): VFile {
  const path = result.filePath === '<stdin>' ? '<stdin>' : relative(cwd, result.filePath) || result.filePath
  const file = new VFile({path})
  for (const message of result.messages) {
    const vmessage = new VFileMessage(message.message, {
      place: {start: {line: message.line, column: message.column}, end: {line: message.endLine, column: message.endColumn}},
      ruleId: message.ruleId ?? undefined,
      source: message.source,
    })
    vmessage.file = path
    vmessage.fatal = message.severity === 'error' ? true : message.severity === 'warning' ? false : undefined
    file.messages.push(vmessage)
  }
  return file
}
