/**
 * Which template a document was filled from, by heading overlap: the share of
 * a template's H2 headings (its required sections) that the document has as
 * headings of any depth, compared by `headingKey` (so `Results & Impact 📊`,
 * `Results and Impact` and a copy saved with mangled emoji are one heading).
 * A template is detected only when at least half of its H2 headings are
 * present; the best score wins, then the most matched headings, then catalog
 * order.
 */
import type {DocumentIndex, Section} from '../document.js'
import {headingKey} from './normalise.js'
import type {TemplateHeading, TemplateProfile} from './profile.js'

/** Share of a template's H2 headings a document must have for `auto` detection. */
export const DETECTION_THRESHOLD = 0.5

export interface HeadingMatch {
  heading: TemplateHeading
  section: Section
}

export interface TemplateScore {
  profile: TemplateProfile
  /** Required headings found in the document, in template order. */
  matched: HeadingMatch[]
  /** Required headings not found, in template order. */
  missing: TemplateHeading[]
  /** matched / required (0 for a template without H2 headings). */
  score: number
}

export interface Detection {
  /** The detected template, or `null` when none reaches the threshold. */
  detected: TemplateScore | null
  /** Every template's score, best first. */
  candidates: TemplateScore[]
}

/** Document headings that count for detection: not inside blockquotes or JSX. */
export function documentHeadings(doc: DocumentIndex): Section[] {
  return doc.sections.filter((section) => section.titleBlock && !section.titleBlock.inBlockquote && !section.titleBlock.jsx)
}

/** How well `doc`'s headings cover `profile`'s required sections. */
export function scoreTemplate(doc: DocumentIndex, profile: TemplateProfile): TemplateScore {
  const available = documentHeadings(doc).map((section) => ({section, key: headingKey(section.title), used: false}))
  const matched: HeadingMatch[] = []
  const missing: TemplateHeading[] = []
  for (const heading of profile.required) {
    const hit = heading.key ? available.find((entry) => !entry.used && entry.key === heading.key) : undefined
    if (hit) {
      hit.used = true
      matched.push({heading, section: hit.section})
    } else {
      missing.push(heading)
    }
  }
  const score = profile.required.length ? matched.length / profile.required.length : 0
  return {profile, matched, missing, score}
}

/** Scores every profile and picks the detected template (see the module comment). */
export function detectTemplate(doc: DocumentIndex, profiles: readonly TemplateProfile[]): Detection {
  const candidates = profiles
    .map((profile, order) => ({order, result: scoreTemplate(doc, profile)}))
    .sort((a, b) => b.result.score - a.result.score || b.result.matched.length - a.result.matched.length || a.order - b.order)
    .map((entry) => entry.result)
  const best = candidates[0]
  const detected = best && best.matched.length > 0 && best.score >= DETECTION_THRESHOLD ? best : null
  return {detected, candidates}
}
