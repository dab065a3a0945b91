/**
 * A validator for the SARIF 2.1.0 JSON schema, as published by the SARIF SDK
 * (`@microsoft/jest-sarif` ships `sarif-2.1.0-rtm.5.json`). The schema is
 * draft-04 and uses `uri`, `uri-reference` and `date-time` formats: hence
 * ajv-draft-04 and ajv-formats.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import AjvDraft04 from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'

const require = createRequire(import.meta.url)
const SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
// Both packages are CommonJS modules that also export themselves as `default`.
const Ajv = AjvDraft04.default
const addFormats = addFormatsModule.default
// The schema's `language` pattern is not valid as a Unicode regular expression.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
addFormats(ajv)

export const validateSarif = ajv.compile(SCHEMA)
