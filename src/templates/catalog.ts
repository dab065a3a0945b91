/**
 * The template catalog: the built-in templates shipped in `templates/` and the
 * team templates named by the `templates` config key, each read once, parsed
 * with the linter's own parser and profiled (`profileTemplate`). Profiles are
 * cached per file for the life of the process.
 *
 * Rules do no I/O: the engine awaits `prepareTemplates` before linting (it
 * reads the files, and loads MDX support when an `.mdx` template has to be
 * parsed), and rules then read the cached catalog synchronously through
 * `templateCatalog`. Built-in profiles normally come from the build
 * (`stored.ts`), checked against the template files' hashes. Template files
 * are only read and parsed, never executed.
 */
import {readFileSync, statSync} from 'node:fs'
import {basename, extname, isAbsolute, join, resolve, sep} from 'node:path'
import {VFile} from 'vfile'
import {buildDocumentIndex, type MdNode} from '../document.js'
import {PACKAGE_ROOT} from '../meta.js'
import {ConfigError} from '../options-schema.js'
import {createParser, loadMdx, syntaxOf} from '../processor.js'
import {TemplateMatcher} from './match.js'
import {profileTemplate, type TemplateProfile} from './profile.js'
import {restoreProfile, sha256, storedProfiles} from './stored.js'

/** Built-in templates by name, in the order they are tried. */
export const BUILTIN_TEMPLATES: Readonly<Record<string, string>> = {
  'case-study': 'case-study.mdx',
  'how-we-built': 'how-we-built.md',
  'platform-deep-dive': 'platform-deep-dive.md',
  'case-study-brief': 'case-study-brief.md',
  'technical-deep-dive': 'technical-deep-dive.md',
}

export const BUILTIN_TEMPLATE_NAMES: readonly string[] = Object.keys(BUILTIN_TEMPLATES)

/** Folder holding the built-in template files. */
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates')

/** Rule ids that read the catalog; the engine prepares it only when one is on. */
export const TEMPLATE_RULE_IDS: readonly string[] = ['no-template-residue', 'require-sections']

/** Largest template file read (a template is a page, not a book). */
export const MAX_TEMPLATE_SIZE = 1024 * 1024

export interface TemplateCatalog {
  /** Built-ins first, then team templates in config order. */
  readonly profiles: readonly TemplateProfile[]
  readonly matcher: TemplateMatcher
  /** A profile by built-in name, team template name, or path (absolute, or a path suffix). */
  find(nameOrPath: string): TemplateProfile | null
}

const profileCache = new Map<string, TemplateProfile>()
const catalogCache = new Map<string, TemplateCatalog>()

/**
 * Reads and profiles the built-in templates and `paths` (absolute). Loads MDX
 * support first when a template is `.mdx`. Throws `ConfigError` when a team
 * template cannot be read or parsed.
 */
export async function prepareTemplates(paths: readonly string[] = []): Promise<TemplateCatalog> {
  const key = catalogKey(paths)
  const cached = catalogCache.get(key)
  if (cached) return cached
  const toParse = [
    ...BUILTIN_TEMPLATE_NAMES.filter((name) => !storedProfileFor(name, join(TEMPLATES_DIR, BUILTIN_TEMPLATES[name]))).map((name) => BUILTIN_TEMPLATES[name]),
    ...paths.filter((path) => !profileCache.has(path)),
  ]
  if (toParse.some((path) => syntaxOf(path) === 'mdx')) await loadMdx()
  return templateCatalog(paths)
}

/**
 * The catalog for `paths`, from cache; builds it synchronously when needed
 * (which fails for `.mdx` templates unless MDX support is already loaded:
 * call `prepareTemplates` first).
 */
export function templateCatalog(paths: readonly string[] = []): TemplateCatalog {
  const key = catalogKey(paths)
  let catalog = catalogCache.get(key)
  if (!catalog) {
    const profiles = [
      ...BUILTIN_TEMPLATE_NAMES.map((name) => loadProfile(join(TEMPLATES_DIR, BUILTIN_TEMPLATES[name]), name, true)),
      ...paths.filter((path) => !isBuiltinPath(path)).map((path) => loadProfile(path, teamName(path), false)),
    ]
    catalog = makeCatalog(profiles)
    catalogCache.set(key, catalog)
  }
  return catalog
}

/**
 * Throws `ConfigError` unless every team template is a readable file of at
 * most `MAX_TEMPLATE_SIZE` bytes. A cheap check (no parsing) for the CLI and
 * the library to run right after loading the config, so a wrong path is a
 * configuration error (exit 2) rather than a failure on every file.
 */
export function checkTemplateFiles(paths: readonly string[]): void {
  for (const path of paths) {
    let size: number
    try {
      const stat = statSync(path)
      if (!stat.isFile()) throw new ConfigError(`templates: \`${path}\` is not a file`)
      size = stat.size
    } catch (error) {
      if (error instanceof ConfigError) throw error
      throw new ConfigError(`templates: cannot read \`${path}\` (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
    if (size > MAX_TEMPLATE_SIZE) throw new ConfigError(`templates: \`${path}\` is larger than ${MAX_TEMPLATE_SIZE / 1024 / 1024} MB, expected a template page`)
  }
}

function makeCatalog(profiles: readonly TemplateProfile[]): TemplateCatalog {
  let matcher: TemplateMatcher | null = null
  return {
    profiles,
    get matcher() {
      return (matcher ??= new TemplateMatcher(profiles))
    },
    find(nameOrPath: string) {
      const byName = profiles.find((profile) => profile.name === nameOrPath)
      if (byName) return byName
      const wanted = nameOrPath.split(/[\\/]+/).filter((part) => part && part !== '.').join(sep)
      return profiles.find((profile) => (isAbsolute(nameOrPath) && profile.path === nameOrPath) || profile.path.endsWith(sep + wanted)) ?? null
    },
  }
}

function catalogKey(paths: readonly string[]): string {
  return paths.join('\0')
}

function builtinPaths(): string[] {
  return BUILTIN_TEMPLATE_NAMES.map((name) => join(TEMPLATES_DIR, BUILTIN_TEMPLATES[name]))
}

function isBuiltinPath(path: string): boolean {
  return builtinPaths().includes(resolve(path))
}

/** A team template's name: its file name without extension (`docs/_template.md` → `_template`). */
export function teamName(path: string): string {
  return basename(path, extname(path))
}

/** The built-in profile from the build, when it was made from the template file as it is now. */
function storedProfileFor(name: string, path: string): TemplateProfile | null {
  const cached = profileCache.get(path)
  if (cached) return cached
  const entry = storedProfiles()?.get(name)
  if (!entry) return null
  let source: string
  try {
    source = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  } catch {
    return null
  }
  if (sha256(source) !== entry.sha256) return null
  const profile = restoreProfile(entry, path)
  profileCache.set(path, profile)
  return profile
}

function loadProfile(path: string, name: string, builtin: boolean): TemplateProfile {
  const cached = profileCache.get(path) ?? (builtin ? storedProfileFor(name, path) : null)
  if (cached) return cached
  let source: string
  try {
    const bytes = readFileSync(path)
    if (bytes.length > MAX_TEMPLATE_SIZE) throw new ConfigError(`templates: \`${path}\` is larger than ${MAX_TEMPLATE_SIZE / 1024 / 1024} MB, expected a template page`)
    source = bytes.toString('utf8').replace(/^\uFEFF/, '')
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(`templates: cannot read \`${path}\` (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  const profile = profileSource(source, path, name, builtin)
  profileCache.set(path, profile)
  return profile
}

/** Profiles a template given as text (`path` decides Markdown or MDX). */
export function profileSource(source: string, path: string, name: string, builtin = false): TemplateProfile {
  const syntax = syntaxOf(path)
  let tree: MdNode
  try {
    const file = new VFile({path, value: source})
    tree = createParser(syntax).parse(file) as MdNode
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ConfigError(`templates: cannot parse \`${path}\` (${reason})`)
  }
  return profileTemplate(name, path, builtin, buildDocumentIndex(tree, source, path))
}
