/**
 * Rule options schemas: one declaration gives the option's type, its
 * validation and the table in the rule's docs page.
 */

export type OptionSpec =
  | {type: 'boolean'; default: boolean; description: string}
  | {type: 'number'; default: number; description: string; min?: number; max?: number}
  | {type: 'string'; default: string; description: string; enum?: readonly string[]}
  | {type: 'string[]'; default: readonly string[]; description: string; validate?: (item: string) => string | null}
  | {type: 'string|false'; default: string | false; description: string}
  | {type: 'range'; default: {min?: number; max?: number} | null; description: string}

export type OptionsSchema = Record<string, OptionSpec>

type ValueOf<S extends OptionSpec> = S extends {type: 'boolean'}
  ? boolean
  : S extends {type: 'number'}
    ? number
    : S extends {type: 'string'}
      ? string
      : S extends {type: 'string[]'}
        ? readonly string[]
        : S extends {type: 'string|false'}
          ? string | false
          : S extends {type: 'range'}
            ? {min?: number; max?: number} | null
            : never

export type OptionsOf<S extends OptionsSchema> = {readonly [K in keyof S]: ValueOf<S[K]>}

/** A problem with configuration: reported with exit code 2, never a crash. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Validates `value` against `schema` and fills in defaults. `where` names the
 * place in the configuration for error messages (`.casestudylintrc.json: rules.no-placeholders`).
 */
export function validateOptions<S extends OptionsSchema>(schema: S, value: unknown, where: string): OptionsOf<S> {
  if (value !== undefined && value !== null && !isPlainObject(value)) {
    throw new ConfigError(`${where}: options must be an object, got ${describe(value)}`)
  }
  const input = (value ?? {}) as Record<string, unknown>
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(schema, key)) {
      const known = Object.keys(schema)
      throw new ConfigError(`${where}: unknown option \`${key}\`${known.length ? `, expected one of ${known.map((k) => `\`${k}\``).join(', ')}` : ', this rule has no options'}`)
    }
  }
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(schema)) {
    out[key] = key in input ? check(spec, input[key], `${where}: option \`${key}\``) : spec.default
  }
  return out as OptionsOf<S>
}

function check(spec: OptionSpec, value: unknown, where: string): unknown {
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new ConfigError(`${where} must be a boolean, got ${describe(value)}`)
      return value
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ConfigError(`${where} must be a number, got ${describe(value)}`)
      if (spec.min !== undefined && value < spec.min) throw new ConfigError(`${where} must be at least ${spec.min}, got ${value}`)
      if (spec.max !== undefined && value > spec.max) throw new ConfigError(`${where} must be at most ${spec.max}, got ${value}`)
      return value
    case 'string':
      if (typeof value !== 'string') throw new ConfigError(`${where} must be a string, got ${describe(value)}`)
      if (spec.enum && !spec.enum.includes(value)) throw new ConfigError(`${where} must be one of ${spec.enum.map((v) => `\`${v}\``).join(', ')}, got \`${value}\``)
      return value
    case 'string[]':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new ConfigError(`${where} must be an array of strings, got ${describe(value)}`)
      if (spec.validate) {
        for (const item of value as string[]) {
          const problem = spec.validate(item)
          if (problem !== null) throw new ConfigError(`${where}: ${describe(item)} ${problem}`)
        }
      }
      return value
    case 'string|false':
      if (value !== false && typeof value !== 'string') throw new ConfigError(`${where} must be a string or false, got ${describe(value)}`)
      return value
    case 'range': {
      if (value === null) return null
      if (!isPlainObject(value)) throw new ConfigError(`${where} must be an object like {"min": 50, "max": 160}, got ${describe(value)}`)
      for (const key of Object.keys(value)) {
        if (key !== 'min' && key !== 'max') throw new ConfigError(`${where}: unknown key \`${key}\`, expected \`min\` or \`max\``)
        const bound = value[key]
        if (typeof bound !== 'number' || !Number.isFinite(bound) || bound < 0) throw new ConfigError(`${where}.${key} must be a non-negative number, got ${describe(bound)}`)
      }
      return value
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `\`${value}\``
  return typeof value === 'object' ? 'an object' : `${typeof value} \`${String(value)}\``
}

/** Type name for docs tables. */
export function specTypeName(spec: OptionSpec): string {
  switch (spec.type) {
    case 'string':
      return spec.enum ? spec.enum.map((v) => `\`"${v}"\``).join(' \\| ') : '`string`'
    case 'string|false':
      return '`string` \\| `false`'
    case 'range':
      return '`{min?: number, max?: number}`'
    default:
      return `\`${spec.type}\``
  }
}
