import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import {buildDocumentIndex, type MdNode} from '../src/document.js'

describe('doc.sentences', () => {
  it('gives each sentence of a block with its exact source range, once', () => {
    const source = '# Title\n\nWe cut `build` time to 4 min. Deploys got\n*much* faster: see below.\n'
    const tree = unified().use(remarkParse).use(remarkGfm).parse(source) as unknown as MdNode
    const doc = buildDocumentIndex(tree, source, 'doc.md')
    const block = doc.blocks.find((b) => b.kind === 'paragraph')!
    const sentences = doc.sentences(block)
    expect(sentences.map((s) => s.text)).toEqual(['We cut \uFFFC time to 4 min.', 'Deploys got\nmuch faster: see below.'])
    expect(doc.slice(sentences[0].range)).toBe('We cut `build` time to 4 min.')
    expect(doc.slice(sentences[1].range)).toBe('Deploys got\n*much* faster: see below.')
    expect(doc.sentences(block)).toBe(sentences)
  })
})
