/**
 * Presets. `recommended`: every rule at its documented severity with default
 * options. `strict`: everything an error, with the stricter options below.
 */
import type {Preset} from '../src/config.js'
import {rules} from './index.js'

/** Options that `strict` turns on, per rule id (data, validated like any config). */
export const STRICT_OPTIONS: Readonly<Record<string, Record<string, unknown>>> = {
  'require-non-goals': {requireReason: true},
  'require-sections': {template: 'auto'},
}

export const recommended: Preset = Object.fromEntries(rules.map((rule) => [rule.id, rule.severity]))

export const strict: Preset = Object.fromEntries(
  rules.map((rule) => [rule.id, STRICT_OPTIONS[rule.id] ? ['error', STRICT_OPTIONS[rule.id]] : 'error']),
)

export const presets: Readonly<Record<string, Preset>> = {recommended, strict}

export const DEFAULT_PRESET = 'recommended'
