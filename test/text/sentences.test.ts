import {describe, expect, it} from 'vitest'
import {splitSentences} from '../../src/text/sentences.js'
import {OBJECT_CHAR} from '../../src/text/prose-text.js'

const O = OBJECT_CHAR

/** Input text → expected sentence texts. */
const CASES: ReadonlyArray<[string, string, string[]]> = [
  ['two plain sentences', 'We shipped it. Users noticed.', ['We shipped it.', 'Users noticed.']],
  ['question and exclamation', 'Did it work? Yes! It did.', ['Did it work?', 'Yes!', 'It did.']],
  ['e.g. and i.e.', 'Some caches, e.g. Redis, are fast, i.e. Memcached too. Next one.', ['Some caches, e.g. Redis, are fast, i.e. Memcached too.', 'Next one.']],
  ['vs.', 'Postgres vs. MySQL was the question. We chose one.', ['Postgres vs. MySQL was the question.', 'We chose one.']],
  ['etc. mid-sentence', 'Logs, traces, etc. were kept. Then we left.', ['Logs, traces, etc. were kept.', 'Then we left.']],
  ['etc. at the end', 'Logs, traces, etc. Then we left.', ['Logs, traces, etc.', 'Then we left.']],
  ['Dr.', 'Dr. Lee reviewed it. She agreed.', ['Dr. Lee reviewed it.', 'She agreed.']],
  ['U.S. mid-sentence', 'Our U.S. customers grew. Others did not.', ['Our U.S. customers grew.', 'Others did not.']],
  ['decimal', 'Load time fell to 1.5s after the change. Good.', ['Load time fell to 1.5s after the change.', 'Good.']],
  ['multiplier decimal', 'It was 3.2x faster. Nice.', ['It was 3.2x faster.', 'Nice.']],
  ['version', 'We upgraded to v1.2.3 last week. It helped.', ['We upgraded to v1.2.3 last week.', 'It helped.']],
  ['domain', 'See example.com for details. Then sign up.', ['See example.com for details.', 'Then sign up.']],
  ['unit at sentence end', 'The query took 120 ms. Then it was cached.', ['The query took 120 ms.', 'Then it was cached.']],
  ['ellipsis before lower case', 'We waited... and waited. Then it came.', ['We waited... and waited.', 'Then it came.']],
  ['ellipsis before capital', 'We waited… Nothing came.', ['We waited…', 'Nothing came.']],
  ['initials', 'J. R. Smith wrote the first draft. It was short.', ['J. R. Smith wrote the first draft.', 'It was short.']],
  ['closing quote', 'She said "it is done." Then she left.', ['She said "it is done."', 'Then she left.']],
  ['closing paren', 'We cut scope (see below.) Then we shipped.', ['We cut scope (see below.)', 'Then we shipped.']],
  ['object char inside', `Run ${O} first. Then ${O} again.`, [`Run ${O} first.`, `Then ${O} again.`]],
  ['object char starts a sentence', `It failed. ${O} was missing.`, ['It failed.', `${O} was missing.`]],
  ['lower case after period', 'It uses approx. ten nodes. Fine.', ['It uses approx. ten nodes.', 'Fine.']],
  ['line ending with colon', 'The results were:\nfaster builds and fewer pages', ['The results were:', 'faster builds and fewer pages']],
  ['bullet line break', 'Things we changed\n- caching\n- batching', ['Things we changed', '- caching', '- batching']],
  ['numbered line break', 'Steps\n1. build\n2) ship', ['Steps', '1. build', '2) ship']],
  ['soft wrap is not a boundary', 'The build got\nmuch faster', ['The build got\nmuch faster']],
  ['blank line', 'One part\n\nAnother part', ['One part', 'Another part']],
  ['list number at start', '1. First we measured. Then we cut.', ['1. First we measured.', 'Then we cut.']],
  ['number at sentence end', 'Errors fell to 12. Then 3.', ['Errors fell to 12.', 'Then 3.']],
  ['label colon mid-line', 'Latency: lower than before. Done.', ['Latency: lower than before.', 'Done.']],
  ['no terminator', 'just a fragment', ['just a fragment']],
  ['empty', '   ', []],
]

describe('splitSentences', () => {
  for (const [name, input, expected] of CASES) {
    it(name, () => {
      const sentences = splitSentences(input)
      expect(sentences.map((s) => s.text)).toEqual(expected)
      for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text)
    })
  }

  it('offsets skip leading and trailing space', () => {
    expect(splitSentences('  A b.  C d.  ')).toEqual([
      {start: 2, end: 6, text: 'A b.'},
      {start: 8, end: 12, text: 'C d.'},
    ])
  })
})
