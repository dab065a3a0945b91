import {describe, expect, it} from 'vitest'
import {CHAT_RESIDUE_PHRASES, findChatResidue} from '../../src/text/chat-residue.js'

/** Text → id of the phrase expected (`null`: content). */
const CASES: ReadonlyArray<[string, string | null]> = [
  ["Here's a polished case study template based on your notes.", 'here-is-polished'],
  ['A ready-to-paste version follows below.', 'ready-to-paste'],
  ['Here is the revised version of your write-up.', 'here-is-polished'],
  ['(You should adjust the stack based on your actual project.)', 'you-should-adjust'],
  ['The budget is rough; my estimate comes from typical agency rates.', 'my-estimate'],
  ['Feel free to customize this template to your needs.', 'feel-free-to-customise'],
  ['I hope this helps!', 'hope-this-helps'],
  ["Let me know if you'd like a shorter version.", 'let-me-know'],
  ["If you’d like, I can now refine these into a slide‑ready outline.", 'if-you-like-i-can'],
  ['Would you like me to add a results table?', 'would-you-like-me'],
  ['I can also turn this into a one-pager.', 'i-can-turn'],
  ['If you want a video-style workflow, this sequence is the storyboard.', 'deliverable-offer'],
  ["Sure! Here's the updated section.", 'sure-here-is'],
  ['I rewrote the intro based on the notes you shared.', 'based-on-what-you-provided'],
  ['Below is a refined version of the outline.', 'here-is-polished'],
  ['I have reformatted the tables and kept your headings as they were.', 'kept-your'],
  // Content addressed to readers, or about the project.
  ["I've rewritten the parser twice since then.", null],
  ['Below is the final schema we shipped.', null],
  ['Feel free to reach out or drop a comment below!', null],
  ['Feel free to adjust the timeout to your network.', null],
  ['Let me know if you have questions about the migration.', null],
  ['Here is the final result of the benchmark.', null],
  ['Here is the updated diagram of the pipeline.', null],
  ['We hope this helps other teams migrating off MongoDB.', null],
  ['If you want a deeper dive, read the RFC.', null],
  ['I can reproduce the race in staging with two clients.', null],
]

describe('findChatResidue', () => {
  for (const [text, id] of CASES) {
    it(`${id ?? 'ignores'}: ${JSON.stringify(text)}`, () => {
      expect(findChatResidue(text)?.id ?? null).toBe(id)
    })
  }

  it('catches every phrase example', () => {
    for (const phrase of CHAT_RESIDUE_PHRASES) expect(findChatResidue(phrase.example)?.id, phrase.id).toBeTruthy()
  })
})

describe('chat residue phrases (one-scan check)', () => {
  it('every phrase is case-insensitive only, so the combined pattern matches exactly when one does', () => {
    for (const phrase of CHAT_RESIDUE_PHRASES) expect(phrase.re.flags, phrase.id).toBe('i')
  })
  it('still finds every phrase example and nothing in plain prose', () => {
    for (const phrase of CHAT_RESIDUE_PHRASES) expect(findChatResidue(phrase.example)?.id, phrase.example).toBeDefined()
    expect(findChatResidue('We moved the queue to a managed service and let the old cron jobs go.')).toBeNull()
  })
})
