/**
 * Built-in template profiles generated at build time (`npm run build` runs
 * `dist/scripts/template-profiles.js`), so a lint run does not parse the five
 * templates (and does not load MDX support for `case-study.mdx`) on every
 * start and in every worker.
 *
 * The stored file is only a cache of what `profileTemplate` computes: each
 * entry carries the SHA-256 of the template file it came from, and an entry
 * whose template changed, an unknown format version, or a missing file all
 * fall back to parsing the template. It is used only when running from the
 * build (`dist/`), so tests of the sources always profile the templates
 * themselves.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {join, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {PACKAGE_ROOT} from '../meta.js'
import {fingerprintTokens} from './normalise.js'
import type {TemplateHeading, TemplateProfile} from './profile.js'

/** Bumped whenever the stored shape or the profiling changes meaning. */
export const STORED_PROFILES_VERSION = 1

/** Where the build writes the stored profiles. */
export const STORED_PROFILES_FILE = join(PACKAGE_ROOT, 'dist', 'template-profiles.json')

export interface StoredProfile {
  name: string
  /** File name inside `templates/`. */
  file: string
  sha256: string
  title: string | null
  headings: TemplateHeading[]
  sentences: {text: string; line: number}[]
  placeholders: string[]
}

export interface StoredProfiles {
  version: number
  profiles: StoredProfile[]
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** The stored form of a profile built from `source`. */
export function storeProfile(profile: TemplateProfile, file: string, source: string): StoredProfile {
  return {
    name: profile.name,
    file,
    sha256: sha256(source),
    title: profile.title,
    headings: [...profile.headings],
    sentences: profile.sentences.map((sentence) => ({text: sentence.text, line: sentence.line})),
    placeholders: [...profile.placeholders],
  }
}

/** Rebuilds the profile (fingerprints recomputed from the sentence texts). */
export function restoreProfile(stored: StoredProfile, path: string): TemplateProfile {
  const headings = stored.headings
  return {
    name: stored.name,
    path,
    builtin: true,
    title: stored.title,
    headings,
    required: headings.filter((heading) => heading.depth === 2),
    sentences: stored.sentences.map(({text, line}) => {
      const tokens = fingerprintTokens(text)
      return {text, line, tokens, key: tokens.map((token) => token.word).join(' '), literals: tokens.filter((token) => !token.wild).length}
    }),
    placeholders: new Set(stored.placeholders),
  }
}

let stored: Map<string, StoredProfile> | null | undefined

/** Stored profiles by template name, or `null` when not running from the build or none are usable. */
export function storedProfiles(): Map<string, StoredProfile> | null {
  if (stored !== undefined) return stored
  stored = null
  if (!fileURLToPath(import.meta.url).split(sep).includes('dist')) return stored
  try {
    const data = JSON.parse(readFileSync(STORED_PROFILES_FILE, 'utf8')) as StoredProfiles
    if (data?.version === STORED_PROFILES_VERSION && Array.isArray(data.profiles)) stored = new Map(data.profiles.map((profile) => [profile.name, profile]))
  } catch {
    // No build output: profile the templates from their files.
  }
  return stored
}
