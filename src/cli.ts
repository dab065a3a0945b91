/**
 * The command line. `run(argv, io)` returns the exit code; only `bin.ts`
 * touches `process`.
 *
 * Exit codes: 0 no errors (and warnings within --max-warnings); 1 lint errors
 * or too many warnings; 2 usage, configuration or runtime failure.
 */
import {appendFileSync, writeFileSync} from 'node:fs'
import {readdirSync, statSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {CLI_OPTIONS} from './cli-options.js'
import {findConfigFile, loadConfig, parseRuleFlag, configForFile, type ConfigContext, type LoadedConfig} from './config.js'
import {discoverFiles} from './discover.js'
import type {ExplainResult} from './explain-template.js'
import {checkTemplateFiles} from './templates/catalog.js'
import type {FileResult} from './engine.js'
import {ConfigError} from './options-schema.js'
import type {RuleSetting} from './processor.js'
import {formatResults, FORMATS, isFormat, type FormatName} from './reporters/index.js'
import {runInputs, type Input} from './pipeline.js'
import type {LintCache} from './cache.js'
import {formatTimings} from './timing.js'
import {selectShard, parseShard} from './shard.js'
import {PACKAGE_ROOT, VERSION} from './meta.js'
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
      --explain-template <file>  Show which template a file was filled from, and why
      --init                Create .casestudylintrc.json (extends recommended)
      --template <path>     With --init: register this team template (repeatable)
      --stdin-filename <p>  Path to lint standard input as (with -)
      --max-file-size <mb>  Skip files larger than this many MB (default: 10)
      --file-timeout <s>    Stop linting a file after this many seconds (default: 30)
      --concurrency <n>     Threads that lint, the main one included: a run of over 64
                            files adds n-1 worker threads (default: available cores)
      --cache               Reuse results for unchanged files
      --cache-location <p>  Cache file or folder (default: .casestudylintcache)
      --shard <i>/<n>       Lint only the i-th of n deterministic shards of the files
      --timing              Print time per phase and per rule to standard error
      --color, --no-color   Force colour on or off in stylish output
  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no errors, 1 lint errors (or too many warnings),
2 usage, configuration or runtime failure.
`

export const DEFAULT_FILE_TIMEOUT_SECONDS = 30

/** Changes when the installed code changes, so cached results of an older build are not reused. */
function toolFingerprint(): string {
  const parts: string[] = []
  const walk = (dir: string): void => {
    let names: string[]
    try {
      names = readdirSync(dir).sort()
    } catch {
      return
    }
    for (const name of names) {
      const path = join(dir, name)
      const stat = statSync(path)
      if (stat.isDirectory()) walk(path)
      else if (/\.c?js$/.test(name)) parts.push(`${name}:${stat.size}:${stat.mtimeMs}`)
    }
  }
  walk(join(PACKAGE_ROOT, 'dist'))
  return String(parts.join('|').split('').reduce((hash, ch) => (hash * 31 + ch.charCodeAt(0)) | 0, 7) >>> 0)
}

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
      options: CLI_OPTIONS,
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

  if (values.init) {
    const {describeInit, initConfig} = await import('./init.js')
    const result = await initConfig(cwd, (values.template as string[] | undefined) ?? [])
    if (!result.ok) return usage(result.reason)
    io.stdout.write(describeInit(result, cwd))
    return EXIT_OK
  }
  if (values.template) return usage('--template is only used with --init')

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
    checkTemplateFiles(loaded.templates)
    for (const flag of (values.rule as string[] | undefined) ?? []) {
      const [id, setting] = parseRuleFlag(flag, CONFIG_CONTEXT, loaded)
      cliRules[id] = setting
    }
  } catch (error) {
    if (error instanceof ConfigError) return usage(`configuration error: ${error.message}`)
    throw error
  }

  if (values['explain-template'] !== undefined) {
    const target = resolve(cwd, values['explain-template'] as string)
    const {explainTemplate, formatExplanation} = await import('./explain-template.js')
    let explained: ExplainResult
    try {
      explained = await explainTemplate(target, loaded.templates)
    } catch (error) {
      if (error instanceof ConfigError) return usage(`configuration error: ${error.message}`)
      throw error
    }
    if (!explained.ok) return usage(`${values['explain-template']}: ${explained.reason}`)
    io.stdout.write(values.format === 'json' ? JSON.stringify(explained.explanation, null, 2) + '\n' : formatExplanation(explained.explanation, cwd))
    return EXIT_OK
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

  let concurrency = availableParallelism()
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency)
    if (!Number.isInteger(concurrency) || concurrency < 1) return usage(`--concurrency expects a positive integer, got \`${values.concurrency}\``)
  }
  let fileTimeout = DEFAULT_FILE_TIMEOUT_SECONDS * 1000
  if (values['file-timeout'] !== undefined) {
    const seconds = Number(values['file-timeout'])
    if (!Number.isFinite(seconds) || seconds <= 0) return usage(`--file-timeout expects a positive number of seconds, got \`${values['file-timeout']}\``)
    fileTimeout = Math.round(seconds * 1000)
  }
  let shard: {index: number; count: number} | null = null
  if (values.shard !== undefined) {
    shard = parseShard(values.shard as string)
    if (!shard) return usage(`--shard expects <i>/<n> with 1 <= i <= n, got \`${values.shard}\``)
  }

  const paths = positionals.length ? positionals : ['.']
  const inputs: Input[] = []
  let failed = false

  if (paths.includes('-')) {
    if (!io.readStdin) return usage('standard input is not available')
    let text: string
    try {
      text = await io.readStdin()
    } catch (error) {
      return usage(`cannot read standard input: ${(error as Error).message}`)
    }
    const name = values['stdin-filename'] ? resolve(cwd, values['stdin-filename'] as string) : join(cwd, '<stdin>.md')
    inputs.push({path: name, text})
  }

  const filePatterns = paths.filter((path) => path !== '-')
  if (filePatterns.length) {
    const discovered = await discoverFiles(filePatterns, {cwd, ignores: loaded.ignores, ignoreBase: loaded.base})
    for (const message of discovered.errors) {
      io.stderr.write(`casestudy-lint: ${message}\n`)
      failed = true
    }
    const files = shard ? selectShard(discovered.files, shard, cwd) : discovered.files
    for (const path of files) inputs.push({path})
  }

  let cache: LintCache | null = null
  if (values.cache) {
    const {LintCache, cachePath} = await import('./cache.js')
    cache = LintCache.load(cachePath(cwd, values['cache-location'] as string | undefined), toolFingerprint())
  }
  const timing = Boolean(values.timing) || env.TIMING === '1'
  const run = await runInputs(inputs, {rules, config: loaded, cliRules, maxFileSize, concurrency, fileTimeout, cache, timing})
  const results = run.results.map((result) => (result.filePath.endsWith('<stdin>.md') && !values['stdin-filename'] ? {...result, filePath: '<stdin>'} : result))
  for (const crash of run.crashed) io.stderr.write(`casestudy-lint: rule ${crash.rules.join(', ')} crashed on ${crash.filePath}\n`)
  if (cache) {
    cache.prune(new Set(inputs.map((input) => input.path)))
    const problem = cache.save()
    if (problem) io.stderr.write(`casestudy-lint: ${problem} (results are not affected)\n`)
  }
  if (timing) io.stderr.write(formatTimings(run.timings))
  const crashedCount = run.crashed.length

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
