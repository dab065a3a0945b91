/**
 * Finding template sentences in a document sentence.
 *
 * Similarity measure: a word-level edit distance (insert, delete or replace a
 * word, cost 1 each) between the template sentence and the best-matching
 * stretch of the document sentence, where a template stand-in (`GOAL_1`,
 * `TECH`, a code span) matches any 0–8 words for free, so `GOAL_1: What
 * problem does this solve?` still matches after `GOAL_1` was replaced by the
 * author's words. The sentence matches when the distance is at most one edit
 * per six real words of the template sentence (rounded down): a sentence of
 * up to 5 real words must match exactly, 6–11 words may differ in one word
 * (a changed example word), 12–17 in two, and so on. A document sentence of
 * 7+ words that appears word for word inside a longer template sentence (the
 * author cut the rest) matches too.
 *
 * Candidates are found through an index of the templates' words (frequent
 * words left out): a template sentence is aligned only when the document
 * sentence contains all but the allowed number of its distinct indexed words.
 */
import {fingerprintTokens, type FingerprintToken} from './normalise.js'
import {MIN_LITERAL_WORDS, MIN_SENTENCE_WORDS, type TemplateProfile, type TemplateSentence} from './profile.js'

/** Real words per allowed edit. */
export const WORDS_PER_EDIT = 6
/** Most words a template stand-in may absorb. */
export const MAX_STAND_IN_WORDS = 8
/** Shortest document sentence matched as a verbatim part of a longer template sentence. */
export const MIN_PARTIAL_WORDS = 7

export interface SentenceMatch {
  template: TemplateProfile
  sentence: TemplateSentence
  /** Word edits between the two (0 = identical after normalisation). */
  edits: number
  /** 1 − edits / real words of the template sentence. */
  similarity: number
  partial: boolean
}

/**
 * Frequent words left out of the candidate index (not out of the alignment):
 * they would make almost every template sentence a candidate.
 */
export const INDEX_STOPWORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'for', 'is', 'it', 'on', 'with', 'that', 'this', 'be', 'by', 'as', 'are', 'was', 'at', 'you', 'your', 'we', 'our', 'not', 'do', 'did', 'what', 'how', 'why'])

interface Entry {
  template: TemplateProfile
  sentence: TemplateSentence
  /** Distinct real words. */
  distinct: readonly string[]
  allowed: number
}

export function allowedEdits(literals: number): number {
  return Math.floor(literals / WORDS_PER_EDIT)
}

export class TemplateMatcher {
  private readonly entries: Entry[] = []
  private readonly postings = new Map<string, number[]>()
  /** Scratch: shared-word count per entry, all zero between calls. */
  private counts: Uint32Array = new Uint32Array(0)

  constructor(profiles: readonly TemplateProfile[]) {
    for (const template of profiles) {
      for (const sentence of template.sentences) {
        const distinct = [...new Set(sentence.tokens.filter((token) => !token.wild && !INDEX_STOPWORDS.has(token.word)).map((token) => token.word))]
        const id = this.entries.length
        this.entries.push({template, sentence, distinct, allowed: allowedEdits(sentence.literals)})
        for (const word of distinct) {
          let list = this.postings.get(word)
          if (!list) this.postings.set(word, (list = []))
          list.push(id)
        }
      }
    }
    this.counts = new Uint32Array(this.entries.length)
  }

  get size(): number {
    return this.entries.length
  }

  /** Every template sentence matching `text`, best first (fewest edits, then template order). */
  matchText(text: string): SentenceMatch[] {
    return this.match(fingerprintTokens(text))
  }

  matchTokens(tokens: readonly FingerprintToken[]): SentenceMatch[] {
    return this.match(tokens)
  }

  private match(tokens: readonly FingerprintToken[]): SentenceMatch[] {
    if (tokens.length < MIN_SENTENCE_WORDS) return []
    const literalWords = tokens.filter((token) => !token.wild).map((token) => token.word)
    if (literalWords.length < MIN_LITERAL_WORDS) return []
    const docDistinct = new Set(literalWords.filter((word) => !INDEX_STOPWORDS.has(word)))
    // Shared distinct words per template sentence, counted in a reused array.
    const counts = this.counts
    const touched: number[] = []
    for (const word of docDistinct) {
      const postings = this.postings.get(word)
      if (!postings) continue
      for (const id of postings) if (counts[id]++ === 0) touched.push(id)
    }
    const out: SentenceMatch[] = []
    const partialOk = tokens.length >= MIN_PARTIAL_WORDS && tokens.every((token) => !token.wild)
    let docKey: string | null = null
    try {
      // In first-seen order, as the candidates were visited before.
      for (const id of touched) {
        const count = counts[id]
        const entry = this.entries[id]
        if (count >= entry.distinct.length - entry.allowed) {
          const edits = alignWithin(entry.sentence.tokens, tokens, entry.allowed)
          if (edits <= entry.allowed) {
            out.push({template: entry.template, sentence: entry.sentence, edits, similarity: 1 - edits / entry.sentence.literals, partial: false})
            continue
          }
        }
        if (partialOk && docDistinct.size > 0 && count === docDistinct.size) {
          docKey ??= ` ${tokens.map((token) => token.word).join(' ')} `
          if (` ${entry.sentence.key} `.includes(docKey)) {
            out.push({template: entry.template, sentence: entry.sentence, edits: 0, similarity: tokens.length / entry.sentence.tokens.length, partial: true})
          }
        }
      }
    } finally {
      for (const id of touched) counts[id] = 0
    }
    return out.sort((a, b) => a.edits - b.edits || Number(a.partial) - Number(b.partial) || b.sentence.literals - a.sentence.literals)
  }
}

/**
 * Smallest word edit distance between `pattern` (a template sentence) and
 * any stretch of `text`; stand-ins in the pattern match 0–8 words for free.
 * Stops early (returning `limit + 1`) once no alignment can stay within `limit`.
 */
export function alignWithin(pattern: readonly FingerprintToken[], text: readonly FingerprintToken[], limit: number): number {
  const n = pattern.length
  const m = text.length
  // prev[i]: cost of aligning pattern[0..j-1) ending at text position i.
  let prev = new Array<number>(m + 1).fill(0)
  let cur = new Array<number>(m + 1)
  for (let j = 1; j <= n; j++) {
    const p = pattern[j - 1]
    let best = Infinity
    if (p.wild) {
      for (let i = 0; i <= m; i++) {
        let cost = prev[i]
        for (let s = 1; s <= MAX_STAND_IN_WORDS && s <= i; s++) cost = Math.min(cost, prev[i - s])
        cur[i] = cost
        best = Math.min(best, cost)
      }
    } else {
      cur[0] = prev[0] + 1
      best = cur[0]
      for (let i = 1; i <= m; i++) {
        const same = text[i - 1].word === p.word ? 0 : 1
        cur[i] = Math.min(prev[i - 1] + same, prev[i] + 1, cur[i - 1] + 1)
        best = Math.min(best, cur[i])
      }
    }
    if (best > limit) return limit + 1
    ;[prev, cur] = [cur, prev]
  }
  let result = Infinity
  for (let i = 0; i <= m; i++) result = Math.min(result, prev[i])
  return result
}
