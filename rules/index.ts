/** The rule registry: every rule, in the order they run and are documented. */
import type {Rule} from '../src/define-rule.js'
import noPlaceholders from './no-placeholders.js'
import requireNonGoals from './require-non-goals.js'
import noUnquantifiedMetrics from './no-unquantified-metrics.js'
import noGenericChallenges from './no-generic-challenges.js'
import noUnbackedPractices from './no-unbacked-practices.js'
import noTemplateResidue from './no-template-residue.js'
import requireSections from './require-sections.js'
import validFrontmatter from './valid-frontmatter.js'

export const rules: readonly Rule[] = [noPlaceholders, requireNonGoals, noUnquantifiedMetrics, noGenericChallenges, noUnbackedPractices, noTemplateResidue, requireSections, validFrontmatter] as unknown as readonly Rule[]

export const ruleIds: readonly string[] = rules.map((rule) => rule.id)
