/** The command line's options, shared by the CLI and by `bin.ts` (which looks at them before the CLI loads). */
import type {ParseArgsConfig} from 'node:util'

export const CLI_OPTIONS = {
  format: {type: 'string', short: 'f'},
  quiet: {type: 'boolean', short: 'q'},
  'max-warnings': {type: 'string'},
  config: {type: 'string', short: 'c'},
  rule: {type: 'string', multiple: true},
  'print-config': {type: 'string'},
  'explain-template': {type: 'string'},
  init: {type: 'boolean'},
  template: {type: 'string', multiple: true},
  'stdin-filename': {type: 'string'},
  'max-file-size': {type: 'string'},
  'output-file': {type: 'string', short: 'o'},
  concurrency: {type: 'string'},
  cache: {type: 'boolean'},
  'cache-location': {type: 'string'},
  shard: {type: 'string'},
  timing: {type: 'boolean'},
  'file-timeout': {type: 'string'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'},
} as const satisfies NonNullable<ParseArgsConfig['options']>
