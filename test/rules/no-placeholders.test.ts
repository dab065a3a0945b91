/**
 * `no-placeholders` beyond its fixtures: the `allow` option, and the
 * `actual` / `expected` facts each message carries.
 */
import {describe, expect, it} from 'vitest'
import {lintWith} from '../helpers.js'

const ID = 'no-placeholders'
const SOURCE = ['# Case Study: [Project Name]', '', '- Latency: X ms', '- Owner: YOUR_NAME', ''].join('\n')

async function messages(options?: Record<string, unknown>) {
  const result = await lintWith(SOURCE, 'doc.md', {[ID]: options})
  return result.messages.filter((m) => m.ruleId === ID)
}

describe(ID, () => {
  it('fills actual and expected', async () => {
    const found = await messages()
    expect(found.map((m) => [m.actual, m.expected])).toEqual([
      ['[Project Name]', ['real content']],
      ['X ms', ['a measured value']],
      ['YOUR_NAME', ['real content']],
    ])
  })

  it('accepts strings listed in `allow`, with or without their brackets and in any case', async () => {
    const found = await messages({allow: ['project name', 'YOUR_NAME']})
    expect(found.map((m) => m.actual)).toEqual(['X ms'])
  })
})
