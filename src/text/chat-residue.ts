/**
 * Chat residue: text from a conversation that produced the draft, pasted into
 * the page along with it (`Here's a polished, ready-to-paste …`, `I hope this
 * helps`, `If you'd like, I can now refine these into …`). A phrase list kept
 * as data; each phrase is specific to a reply addressed to the person who
 * asked for the draft, so a bare `feel free to reach out` to readers is not
 * on it. Unlike template sentences, no minimum length applies.
 */

export interface ChatResiduePhrase {
  id: string
  re: RegExp
  /** An example the phrase catches (also used in tests). */
  example: string
}

export const CHAT_RESIDUE_PHRASES: readonly ChatResiduePhrase[] = [
  {
    id: 'here-is-polished',
    re: /\b(?:here(?:['’]s| is)|below is) (?:a|an|the|your)\b[^.!?]{0,40}?\b(?:polished|ready[- ]to[- ](?:paste|use|publish)|cleaned[- ]up|revised|refined|rewritten|improved|final|drop[- ]in)\b[^.!?]{0,40}?\b(?:version|draft|template|copy|write-?up|outline|rewrite)\b/i,
    example: "Here's a polished, ready-to-paste Jekyll case study template based on what you provided.",
  },
  {
    id: 'kept-your',
    re: /\bI(?:['’]ve| have) (?:cleaned up|restructured|rewritten|reformatted|tightened|polished|preserved|kept|adjusted|reorgani[sz]ed)\b[^.!?]{0,60}\byour (?:rules|notes|text|draft|wording|structure|content|formatting|headings|sections|points)\b/i,
    example: 'I’ve cleaned up indentation, fixed typos, and preserved all your rules and notes.',
  },
  {id: 'ready-to-paste', re: /\bready[- ]to[- ]paste\b/i, example: 'A ready-to-paste version follows.'},
  {
    id: 'based-on-what-you-provided',
    re: /\bbased on (?:what|the (?:details|information|notes|text|content|draft|outline)) you (?:provided|shared|gave|sent|pasted)\b/i,
    example: 'I rewrote it based on the notes you shared.',
  },
  {
    id: 'you-should-adjust',
    re: /\(you (?:should|may want to|might want to|can|could|will want to) (?:adjust|tweak|customi[sz]e|modify|adapt|change|edit|update|swap|replace)\b[^()]*\)/i,
    example: '(You should adjust the stack based on your actual project.)',
  },
  {id: 'my-estimate', re: /\bmy estimates? (?:comes?|is|are) (?:from|based on)\b/i, example: 'my estimate comes from typical projects of this size'},
  {
    id: 'feel-free-to-customise',
    re: /\bfeel free to (?:customi[sz]e|adjust|tweak|modify|adapt|edit|rearrange|rename|reorder|expand|trim) (?:this|the|these) (?:template|draft|outline|structure|wording|sections?|headings?|tone|format|copy|case study|write-?up)\b/i,
    example: 'Feel free to customize this template to your needs.',
  },
  {id: 'hope-this-helps', re: /\bI hope (?:this|that|it) helps\b/i, example: 'I hope this helps!'},
  {id: 'let-me-know', re: /\blet me know if you(?:['’]d| would)? (?:like|want me to|prefer)\b/i, example: "Let me know if you'd like a shorter version."},
  {id: 'if-you-like-i-can', re: /\bif you(?:['’]d| would)? (?:like|want|prefer),? I (?:can|could|will|['’]ll)\b/i, example: "If you'd like, I can now refine these into a slide-ready outline."},
  {id: 'would-you-like-me', re: /\bwould you like me to\b/i, example: 'Would you like me to add a results section?'},
  {id: 'want-me-to', re: /\b(?:do you )?want me to (?:add|write|expand|shorten|turn|convert|rewrite|draft|create|include|make)\b/i, example: 'Want me to add a diagram?'},
  {
    id: 'i-can-turn',
    re: /\bI can (?:also |now |then )?(?:refine|expand|turn|convert|rewrite|adapt|tailor|draft|generate|reformat|shorten|condense|polish) (?:this|these|it|them|that|the (?:draft|outline|text|sections?))\b/i,
    example: 'I can also turn this into a one-pager.',
  },
  {
    id: 'deliverable-offer',
    re: /\bif you (?:want|need|['’]d like|would like) (?:a|an)\b[^.!?]{0,60}?\b(?:slides?|slide[- ]ready|deck|storyboard|one[- ]pager)\b/i,
    example: 'If you want a video-style workflow, this sequence is the storyboard.',
  },
  {id: 'sure-here-is', re: /^(?:sure|certainly|absolutely|of course|great question)[!,.]\s+here(?:['’]s| is)\b/i, example: "Sure! Here's the updated section."},
  {id: 'as-a-language-model', re: /\bas an AI(?: language model)?\b|\bas a (?:large )?language model\b/i, example: 'As an AI language model, I cannot verify these numbers.'},
]

/**
 * All phrases as one pattern: it matches exactly when one of them does (an
 * alternation matches wherever one alternative does; every phrase is
 * case-insensitive and none has flags beyond that), so text without any
 * phrase is passed over in one scan.
 */
const ANY_CHAT_RESIDUE_RE = new RegExp(CHAT_RESIDUE_PHRASES.map((phrase) => `(?:${phrase.re.source})`).join('|'), 'i')

/** The first chat-residue phrase in `text`, with its offsets. */
export function findChatResidue(text: string): {id: string; start: number; end: number} | null {
  if (!ANY_CHAT_RESIDUE_RE.test(text)) return null
  let best: {id: string; start: number; end: number} | null = null
  for (const phrase of CHAT_RESIDUE_PHRASES) {
    const match = phrase.re.exec(text)
    if (match && (!best || match.index < best.start)) best = {id: phrase.id, start: match.index, end: match.index + match[0].length}
  }
  return best
}
