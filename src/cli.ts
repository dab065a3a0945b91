/**
 * The command line. `run(argv, io)` returns the exit code; only `bin.ts`
 * touches `process`.
 *
 * Exit codes: 0 no errors (and warnings within --max-warnings); 1 lint errors
 * or too many warnings; 2 usage, configuration or runtime failure.
 */
import {appendFileSync, writeFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {findConfigFile, loadConfig, parseRuleFlag, configForFile, type ConfigContext, type LoadedConfig} from './config.js'
import {discoverFiles} from './discover.js'
import type {FileResult} from './engine.js'
import {ConfigError} from './options-schema.js'
import type {RuleSetting} from './processor.js'
import {formatResults, FORMATS, isFormat, type FormatName} from './reporters/index.js'
import {lintFilePaths, lintSourceText} from './runner.js'
import {VERSION} from './meta.js'
import {rules} from '../rules/index.js'
import {presets, DEFAULT_PRESET} from '../rules/presets.js'
import {DEFAULT_MAX_FILE_SIZE} from './read-file.js'

export interface Writable {
  write(chunk: string): unknown
  isTTY?: boolean
}

export interface CliIO {
  stdout: Writable
  stderr: Writable
  /** Reads all of standard input. */
  readStdin?: () => Promise<string>
  cwd?: string
  env?: Record<string, string | undefined>
}

export const EXIT_OK = 0
export const EXIT_LINT = 1
export const EXIT_FAILURE = 2

export const HELP = `Usage: casestudy-lint [options] [paths...]

Lint case studies and engineering write-ups (.md, .mdx, .markdown).
Paths may be files, folders, globs, or - for standard input (default: .).

Options:
  -f, --format <name>       Output format: ${FORMATS.join(', ')} (default: stylish;
                            github when GITHUB_ACTIONS=true)
  -o, --output-file <path>  Write the report to a file instead of standard output
  -q, --quiet               Report errors only
      --max-warnings <n>    Exit with 1 when there are more than n warnings
  -c, --config <file>       Use this config file instead of searching for one
      --rule <id>=<level>   Set a rule to off, warn or error (repeatable)
      --print-config <file> Print the configuration that applies to a file
      --stdin-filename <p>  Path to lint standard input as (with -)
      --max-file-size <mb>  Skip files larger than this many MB (default: 10)
      --color, --no-color   Force colour on or off in stylish output
  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no errors, 1 lint errors (or too many warnings),
2 usage, configuration or runtime failure.
`

const CONFIG_CONTEXT: ConfigContext = {rules, presets, defaultPreset: DEFAULT_PRESET}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const cwd = resolve(io.cwd ?? process.cwd())
  const env = io.env ?? {}
  let values: Record<string, string | boolean | string[] | undefined>
  let positionals: string[]
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f'},
        quiet: {type: 'boolean', short: 'q'},
        'max-warnings': {type: 'string'},
        config: {type: 'string', short: 'c'},
        rule: {type: 'string', multiple: true},
        'print-config': {type: 'string'},
        'stdin-filename': {type: 'string'},
        'max-file-size': {type: 'string'},
        'output-file': {type: 'string', short: 'o'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'},
      },
    })
    values = parsed.values
    positionals = parsed.positionals
  } catch (error) {
    io.stderr.write(`casestudy-lint: ${(error as Error).message}\n\n${HELP}`)
    return EXIT_FAILURE
  }

  if (values.help) {
    io.stdout.write(HELP)
    return EXIT_OK
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`)
    return EXIT_OK
  }

  const usage = (message: string): number => {
    io.stderr.write(`casestudy-lint: ${message}\n`)
    return EXIT_FAILURE
  }

  const format = (values.format as string | undefined) ?? (env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish')
  if (!isFormat(format)) return usage(`unknown format \`${format}\`, expected one of ${FORMATS.join(', ')}`)
  let maxWarnings = -1
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return usage(`--max-warnings expects a non-negative integer, got \`${values['max-warnings']}\``)
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE
  if (values['max-file-size'] !== undefined) {
    const mb = Number(values['max-file-size'])
    if (!Number.isFinite(mb) || mb <= 0) return usage(`--max-file-size expects a positive number of megabytes, got \`${values['max-file-size']}\``)
    maxFileSize = Math.round(mb * 1024 * 1024)
  }

  let loaded: LoadedConfig
  const cliRules: Record<string, RuleSetting> = {}
  try {
    const configPath = (values.config as string | undefined) ?? findConfigFile(cwd)
    loaded = loadConfig(configPath, cwd, CONFIG_CONTEXT)
    for (const flag of (values.rule as string[] | undefined) ?? []) {
      const [id, setting] = parseRuleFlag(flag, CONFIG_CONTEXT, loaded)
      cliRules[id] = setting
    }
  } catch (error) {
    if (error instanceof ConfigError) return usage(`configuration error: ${error.message}`)
    throw error
  }

  if (values['print-config'] !== undefined) {
    const target = resolve(cwd, values['print-config'] as string)
    const effective = configForFile(loaded, target, cliRules)
    const printed = {
      configFile: loaded.path,
      rules: Object.fromEntries(rules.map((rule) => {
        const setting = effective.rules[rule.id] ?? [0, rule.resolveOptions(undefined)]
        return [rule.id, [['off', 'warn', 'error'][setting[0]], setting[1]]]
      })),
      ignores: loaded.ignores,
      templates: loaded.templates,
    }
    io.stdout.write(JSON.stringify(printed, null, 2) + '\n')
    return EXIT_OK
  }

  const paths = positionals.length ? positionals : ['.']
  const runOptions = {rules, config: loaded, cliRules, maxFileSize}
  const results: FileResult[] = []
  let failed = false
  let crashedCount = 0

  if (paths.includes('-')) {
    if (!io.readStdin) return usage('standard input is not available')
    let text: string
    try {
      text = await io.readStdin()
    } catch (error) {
      return usage(`cannot read standard input: ${(error as Error).message}`)
    }
    const name = values['stdin-filename'] ? resolve(cwd, values['stdin-filename'] as string) : '<stdin>'
    const run = await lintSourceText(text, name === '<stdin>' ? 'stdin.md' : name, runOptions)
    for (const result of run.results) results.push({...result, filePath: name})
    crashedCount += run.crashed.length
  }

  const filePatterns = paths.filter((path) => path !== '-')
  if (filePatterns.length) {
    const discovered = await discoverFiles(filePatterns, {cwd, ignores: loaded.ignores, ignoreBase: loaded.base})
    for (const message of discovered.errors) {
      io.stderr.write(`casestudy-lint: ${message}\n`)
      failed = true
    }
    const run = await lintFilePaths(discovered.files, runOptions)
    results.push(...run.results)
    crashedCount += run.crashed.length
    for (const crash of run.crashed) io.stderr.write(`casestudy-lint: rule ${crash.rules.join(', ')} crashed on ${crash.filePath}\n`)
  }

  const shown = values.quiet ? results.map(onlyErrors) : results
  const outputFile = values['output-file'] as string | undefined
  const color = values['no-color'] ? false : values.color ? true : !outputFile && Boolean(io.stdout.isTTY) && !env.NO_COLOR
  const workspace = format === 'github' && env.GITHUB_WORKSPACE ? resolve(env.GITHUB_WORKSPACE) : cwd
  const formatted = await formatResults(shown, format as FormatName, {color, cwd: workspace, rules, version: VERSION})
  try {
    if (outputFile) writeFileSync(resolve(cwd, outputFile), formatted.output)
    else if (formatted.output) io.stdout.write(formatted.output)
    if (formatted.stepSummary && env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, formatted.stepSummary)
  } catch (error) {
    return usage(`cannot write output: ${(error as Error).message}`)
  }

  const errors = results.reduce((sum, result) => sum + result.errorCount, 0)
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0)
  if (failed || crashedCount > 0) return EXIT_FAILURE
  if (errors > 0) return EXIT_LINT
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`casestudy-lint: too many warnings (${warnings}, maximum ${maxWarnings})\n`)
    return EXIT_LINT
  }
  return EXIT_OK
}

function onlyErrors(result: FileResult): FileResult {
  const messages = result.messages.filter((message) => message.severity === 'error')
  return {...result, messages, warningCount: 0}
}
