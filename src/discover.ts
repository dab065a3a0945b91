/**
 * File discovery: paths, folders and globs to a sorted, de-duplicated list of
 * Markdown/MDX files. `node_modules`, `.git`, config `ignores` and
 * `.casestudylintignore` (gitignore syntax) are skipped. A missing path is an
 * error that names it; the other paths are still returned.
 */
import {readFileSync, statSync} from 'node:fs'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import ignore, {type Ignore} from 'ignore'

export const MARKDOWN_EXTENSIONS = ['md', 'mdx', 'markdown'] as const
export const IGNORE_FILE = '.casestudylintignore'
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

export interface DiscoverOptions {
  cwd: string
  /** Extra gitignore-style patterns (config `ignores`), relative to `ignoreBase`. */
  ignores?: readonly string[]
  /** Folder the `ignores` patterns are relative to (default: `cwd`). */
  ignoreBase?: string
}

export interface DiscoverResult {
  files: string[]
  /** One message per path that matched nothing. */
  errors: string[]
}

export async function discoverFiles(patterns: readonly string[], options: DiscoverOptions): Promise<DiscoverResult> {
  const cwd = resolve(options.cwd)
  const ignoreFile = buildIgnore(cwd, readIgnoreFile(cwd))
  const configIgnores = buildIgnore(resolve(options.ignoreBase ?? cwd), options.ignores ?? [])
  const filter = (path: string) => ignoreFile(path) || configIgnores(path)
  const found = new Set<string>()
  const errors: string[] = []
  const extGlob = `**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`

  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern)
    let stat: ReturnType<typeof statSync> | undefined
    try {
      stat = statSync(absolute)
    } catch (error) {
      stat = undefined
      const problem = statProblem(error)
      if (problem) {
        errors.push(`Cannot read \`${pattern}\`: ${problem}`)
        continue
      }
    }
    if (stat?.isDirectory()) {
      const {glob} = await import('tinyglobby')
      const matches = await glob(extGlob, {cwd: absolute, absolute: true, dot: false, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, caseSensitiveMatch: false})
      for (const file of matches) if (!filter(file)) found.add(resolve(file))
      continue
    }
    if (stat) {
      // An explicitly named file is linted whatever its extension, unless ignored.
      if (!filter(absolute)) found.add(absolute)
      continue
    }
    // The glob library is loaded only for folders and patterns: naming files is the quick path (editors, hooks).
    const {glob, isDynamicPattern} = await import('tinyglobby')
    if (isDynamicPattern(pattern)) {
      const matches = await glob(pattern, {cwd, absolute: true, dot: false, ignore: ALWAYS_IGNORED, followSymbolicLinks: false})
      const markdown = matches.filter((file) => isMarkdownPath(file))
      if (markdown.length === 0) errors.push(`No files matching the pattern \`${pattern}\` were found`)
      for (const file of markdown) if (!filter(file)) found.add(resolve(file))
      continue
    }
    errors.push(`No such file or directory: \`${pattern}\``)
  }
  return {files: [...found].sort(), errors}
}

/** Why an existing path cannot be followed; `null` when it simply does not exist. */
function statProblem(error: unknown): string | null {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case 'ELOOP':
      return 'symbolic link loop'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    default:
      return null
  }
}

export function isMarkdownPath(path: string): boolean {
  const dot = path.lastIndexOf('.')
  return dot >= 0 && (MARKDOWN_EXTENSIONS as readonly string[]).includes(path.slice(dot + 1).toLowerCase())
}

function readIgnoreFile(cwd: string): string[] {
  try {
    return readFileSync(join(cwd, IGNORE_FILE), 'utf8').split(/\r?\n/)
  } catch {
    return []
  }
}

/** A predicate that is true for paths to skip; `patterns` are gitignore lines relative to `base`. */
export function buildIgnore(base: string, patterns: readonly string[]): (path: string) => boolean {
  const matcher: Ignore = ignore().add(['node_modules/', '.git/', ...patterns])
  return (path: string) => {
    const rel = relative(base, isAbsolute(path) ? path : resolve(base, path))
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false
    return matcher.ignores(rel.split(sep).join('/'))
  }
}
