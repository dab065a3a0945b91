import {defineRule} from '../src/define-rule.js'
import type {Block, DocumentIndex} from '../src/document.js'
import {templateCatalog, type TemplateCatalog} from '../src/templates/catalog.js'
import {detectTemplate} from '../src/templates/detect.js'
import type {SentenceMatch} from '../src/templates/match.js'
import {fingerprintTokens, isOnlyStandIns} from '../src/templates/normalise.js'
import {isCheckedBlock, TITLE_KEYS} from '../src/templates/profile.js'
import {excerpt} from '../src/text/excerpt.js'
import {findAuthorPrompt} from '../src/text/author-prompts.js'
import {findChatResidue} from '../src/text/chat-residue.js'
import type {SourceRange} from '../src/text/prose-text.js'
import {boundedMemo} from '../src/text/memo.js'

/**
 * Sentences of a built-in template other than the document's own (detected)
 * template match only when they have this many real words: a short sample
 * line such as `Invest in developer tooling early` is evidence of residue in
 * a copy of that template, not in any document that happens to say it.
 */
export const MIN_WORDS_OTHER_TEMPLATE = 8

type Finding =
  | {kind: 'template'; range: SourceRange; text: string; template: string}
  | {kind: 'prompt' | 'chat'; range: SourceRange; text: string}

export default defineRule({
  id: 'no-template-residue',
  description: 'Disallow template guidance, author prompts and chat replies left in the published text',
  rationale:
    'Guidance written for the author (`Describe the problem you set out to solve`, `(2-3 paragraphs)`), sample sentences copied from the template, and chat replies pasted with a draft (`I hope this helps`) tell the reader the page was never finished.\n\n' +
    'Template text is recognised sentence by sentence after folding case, markdown, punctuation and whitespace. A sentence of 5 or more words matches a template sentence when at most one word in six differs (a word replaced, added or dropped, so a changed example word still matches); a template stand-in such as `GOAL_1` or `TECH` matches whatever replaced it, and a sentence of 7 or more words that appears word for word inside a longer template sentence matches too. Sentences under 8 words count only in a copy of their own template (detected from the headings) or of a team template. Headings, table header rows, code, HTML comments and task-list items are never checked, and a block made only of placeholders is left to `no-placeholders`. Author prompts (imperatives about what to write, length prompts, `Replace this template …`) and chat replies are recognised in any document from phrase lists.',
  fix: 'Replace the guidance with the content it asks for, or delete it; rewrite sample sentences in the words of this project.',
  severity: 'error',
  options: {},
  messages: {
    template: ({text, template}: {text: string; template: string}) => `Unedited template text \`${text}\` from template \`${template}\`, expected the document's own content`,
    prompt: ({text}: {text: string}) => `Leftover author prompt \`${text}\`, expected the content it asks for`,
    chat: ({text}: {text: string}) => `Leftover chat reply \`${text}\`, expected document content`,
  },
  check({doc, settings, report}) {
    const catalog = templateCatalog(settings.templates)
    const detected = detectTemplate(doc, catalog.profiles).detected?.profile ?? null
    const eligible = (match: SentenceMatch): boolean =>
      match.template === detected || !match.template.builtin || match.sentence.literals >= MIN_WORDS_OTHER_TEMPLATE
    const templateMatch = (text: string): string | null => {
      const matches = sentenceMatches(catalog)(text).filter(eligible)
      if (!matches.length) return null
      return (matches.find((match) => match.template === detected) ?? matches[0]).template.name
    }

    const emit = (finding: Finding | null): void => {
      if (!finding) return
      const text = excerpt(finding.text)
      if (finding.kind === 'template') report('template', {text, template: finding.template}, finding.range)
      else report(finding.kind, {text}, finding.range)
    }

    for (const block of doc.blocks) {
      if (!isCheckedBlock(block) || block.text.isEmpty || isOnlyStandIns(block.text.text)) continue
      emit(firstFinding(doc, block, templateMatch))
    }

    for (const entry of doc.frontMatter?.entries ?? []) {
      if (typeof entry.value !== 'string' || TITLE_KEYS.has(entry.key.toLowerCase()) || isOnlyStandIns(entry.value)) continue
      const at = entry.raw.indexOf(entry.value)
      const start = entry.valueRange.start + Math.max(0, at)
      const range = at >= 0 ? {start, end: start + entry.value.length} : entry.valueRange
      const template = templateMatch(entry.value)
      if (template) {
        emit({kind: 'template', range, text: entry.value, template})
        continue
      }
      const prompt = findAuthorPrompt(entry.value)
      const chat = findChatResidue(entry.value)
      if (prompt) emit({kind: 'prompt', range: {start: start + prompt.start, end: start + prompt.end}, text: entry.value.slice(prompt.start, prompt.end)})
      else if (chat) emit({kind: 'chat', range, text: entry.value})
    }
  },
})

const sentenceMatchMemos = new WeakMap<TemplateCatalog, (text: string) => SentenceMatch[]>()

/**
 * The catalog's template sentences that `text` matches, remembered by text:
 * the case studies of one folder tend to come from one template and repeat
 * its sentences, and matching folds and fingerprints every word.
 */
function sentenceMatches(catalog: TemplateCatalog): (text: string) => SentenceMatch[] {
  let memo = sentenceMatchMemos.get(catalog)
  if (!memo) {
    memo = boundedMemo((text) => catalog.matcher.matchTokens(fingerprintTokens(text)), 1000)
    sentenceMatchMemos.set(catalog, memo)
  }
  return memo
}

/** The first finding of a block, in sentence order (one finding per block). */
function firstFinding(doc: DocumentIndex, block: Block, templateMatch: (text: string) => string | null): Finding | null {
  const sentences = doc.sentences(block)
  const leadsSection = block.kind === 'paragraph' && !block.listItem && !block.inBlockquote && isFirstContent(block)
  for (const [i, sentence] of sentences.entries()) {
    const template = templateMatch(sentence.text)
    if (template) return {kind: 'template', range: sentence.range, text: sentence.text, template}
    const prompt = findAuthorPrompt(sentence.text, {leadsSection: leadsSection && i === 0})
    if (prompt) {
      const range = block.text.range(sentence.start + prompt.start, sentence.start + prompt.end)
      return {kind: 'prompt', range, text: sentence.text.slice(prompt.start, prompt.end)}
    }
    if (findChatResidue(sentence.text)) return {kind: 'chat', range: sentence.range, text: sentence.text}
  }
  return null
}

/** The block is the first content under its heading. */
function isFirstContent(block: Block): boolean {
  const blocks = block.section.blocks
  const first = blocks.find((candidate) => candidate.kind !== 'heading')
  return first === block && block.section.heading !== null
}
