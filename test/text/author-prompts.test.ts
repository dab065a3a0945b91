import {describe, expect, it} from 'vitest'
import {findAuthorPrompt} from '../../src/text/author-prompts.js'

/** Sentence → the prompt text expected (`null`: not a prompt). */
const CASES: ReadonlyArray<[string, string | null, boolean?]> = [
  // Length prompts.
  ['Brief overview of the client and the solution (2-3 paragraphs)', '(2-3 paragraphs)'],
  ['A brief description of your post (150-160 characters ideal for SEO)', '(150-160 characters ideal for SEO)'],
  ['Intro text (max 200 words)', '(max 200 words)'],
  ['Summary (160 characters or less)', '(160 characters or less)'],
  ['3-4 sentences.', '3-4 sentences.'],
  ['Simple one or two sentences explaining what was done.', 'Simple one or two sentences explaining what was done.'],
  ['Two or three lines of config fixed it.', null],
  ['Two or three sentences were enough for the summary.', null],
  ['3–6 bullets describing what you actually built.', '3–6 bullets describing what you actually built.'],
  // Parenthetical instructions.
  ['Frontend: React (If deployed, link your frontend live URL here)', '(If deployed, link your frontend live URL here)'],
  ['Dashboard (add screenshots here)', '(add screenshots here)'],
  ['Role (describe your part in the project)', '(describe your part in the project)'],
  // Imperatives about the writing.
  ['Describe the problem you set out to solve', 'Describe the problem you set out to solve'],
  ['Briefly explain your role on the team.', 'Briefly explain your role on the team.'],
  ['Summarize the outcome of this project in one paragraph.', 'Summarize the outcome of this project in one paragraph.'],
  ['List the specific goals of this proposal.', null],
  ['Replace this template with your actual architecture.', 'Replace this template with your actual architecture.'],
  ['Delete this section before publishing.', 'Delete this section before publishing.'],
  ['This section must be completed when targeting beta graduation to a release.', 'This section must be completed when targeting beta graduation to a release.'],
  ['Explain how the issue was first identified.', 'Explain how the issue was first identified.', true],
  ['Insert architecture diagram here.', 'Insert architecture diagram here.'],
  ['Add a screenshot of the dashboard here', 'Add a screenshot of the dashboard here'],
  ['Short overview of what was done, for whom (if public), and why.', 'Short overview of what was done, for whom (if public), and why.', true],
  ['Step-by-step explanation of how the work was completed.', 'Step-by-step explanation of how the work was completed.', true],
  // Near misses: content, reader instructions, answered prompts.
  ['Short overview of what was done, for whom (if public), and why.', null, false],
  ['A brief overview of how we moved 2 PB off HDFS follows.', null, true],
  ['Paste your API key here.', null],
  ['Add the following code here:', null],
  ['Overview of the results for each region.', null, true],
  ['Explain how the issue was first identified.', null, false],
  ['Describe how to identify and diagnose issues related to the GC through runtime metrics.', null, true],
  ['Replace YOUR_API_KEY with your key before running the script.', null],
  ['List your buckets with the CLI to check the region.', null],
  ['Add your SSH key to the agent (ssh-add keeps it for the session).', null],
  ['Describe the mechanism: a kubelet flag that enables tracing.', null],
  ['Describe them, providing:', null],
  ['We describe the problem in the next section.', null],
  ['The page took 2-3 seconds to load on mobile.', null],
  ['The service answers in 2-3 ms (measured at p95).', null],
  ['Our guide has three chapters (about 40 pages).', null],
  ['Add interactive diagrams of the cloud architecture', null],
  ['Explain flow: highlight text, then right-click to open the sidebar', null],
  ['This section describes the rollout plan.', null],
]

describe('findAuthorPrompt', () => {
  for (const [sentence, expected, leadsSection] of CASES) {
    it(`${expected === null ? 'ignores' : 'finds'} ${JSON.stringify(sentence)}${leadsSection ? ' (opening a section)' : ''}`, () => {
      const match = findAuthorPrompt(sentence, {leadsSection: leadsSection ?? false})
      expect(match ? sentence.slice(match.start, match.end) : null).toBe(expected)
    })
  }
})
