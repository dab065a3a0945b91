/**
 * `casestudy-lint --explain-template FILE`: which template the document was
 * filled from, and why — the detected template's matched and missing H2
 * headings, its score, and how the other templates scored.
 */
import {relative} from 'node:path'
import {VFile} from 'vfile'
import {buildDocumentIndex, type MdNode} from './document.js'
import {createParser, loadMdx, syntaxOf} from './processor.js'
import {readLintFile} from './read-file.js'
import {prepareTemplates} from './templates/catalog.js'
import {DETECTION_THRESHOLD, detectTemplate, type Detection, type TemplateScore} from './templates/detect.js'
import {displayTitle} from './templates/normalise.js'

export interface TemplateExplanation {
  file: string
  detected: string | null
  threshold: number
  candidates: {
    template: string
    path: string
    score: number
    matched: {heading: string; line: number}[]
    missing: string[]
  }[]
}

export type ExplainResult = {ok: true; explanation: TemplateExplanation} | {ok: false; reason: string}

/** Detects the template of the file at `path` against the built-ins and `templates` (absolute paths). */
export async function explainTemplate(path: string, templates: readonly string[]): Promise<ExplainResult> {
  const read = readLintFile(path)
  if (!read.ok) return {ok: false, reason: read.reason}
  const syntax = syntaxOf(path)
  if (syntax === 'mdx') await loadMdx()
  const catalog = await prepareTemplates(templates)
  let tree: MdNode
  try {
    tree = createParser(syntax).parse(new VFile({path, value: read.text})) as MdNode
  } catch (error) {
    return {ok: false, reason: `cannot parse: ${(error as Error).message.split('\n')[0]}`}
  }
  const doc = buildDocumentIndex(tree, read.text, path)
  const detection: Detection = detectTemplate(doc, catalog.profiles)
  return {
    ok: true,
    explanation: {
      file: path,
      detected: detection.detected?.profile.name ?? null,
      threshold: DETECTION_THRESHOLD,
      candidates: detection.candidates.map((score) => describe(score, doc.point.bind(doc))),
    },
  }
}

function describe(score: TemplateScore, point: (offset: number) => {line: number}): TemplateExplanation['candidates'][number] {
  return {
    template: score.profile.name,
    path: score.profile.path,
    score: Math.round(score.score * 1000) / 1000,
    matched: score.matched.map((match) => ({heading: displayTitle(match.heading.title), line: point(match.section.start).line})),
    missing: score.missing.map((heading) => displayTitle(heading.title)),
  }
}

/** The explanation as readable text. */
export function formatExplanation(explanation: TemplateExplanation, cwd: string): string {
  const name = relative(cwd, explanation.file) || explanation.file
  const [best, ...others] = explanation.candidates
  const lines: string[] = []
  const share = (candidate: typeof best): string => `${candidate.matched.length} of ${candidate.matched.length + candidate.missing.length} H2 headings`
  if (explanation.detected && best) {
    lines.push(`${name}: template \`${best.template}\` detected (score ${best.score.toFixed(2)}: ${share(best)})`)
  } else if (best && best.matched.length > 0) {
    lines.push(`${name}: no template detected (best \`${best.template}\` with score ${best.score.toFixed(2)}: ${share(best)}; detection needs at least ${explanation.threshold.toFixed(2)})`)
  } else {
    lines.push(`${name}: no template detected (no heading of a known template)`)
  }
  if (best && best.matched.length > 0) {
    lines.push(`  matched: ${best.matched.map((match) => `${match.heading} (line ${match.line})`).join(', ')}`)
    if (best.missing.length) lines.push(`  missing: ${best.missing.join(', ')}`)
  }
  const rest = others.filter((candidate) => candidate.matched.length > 0)
  if (rest.length) lines.push(`  other templates: ${rest.map((candidate) => `${candidate.template} ${candidate.score.toFixed(2)} (${share(candidate)})`).join(', ')}`)
  return lines.join('\n') + '\n'
}
