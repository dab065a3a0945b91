/**
 * Build step: profiles the built-in templates in `templates/` and writes
 * them to `dist/template-profiles.json` (see `src/templates/stored.ts`), so
 * lint runs start without parsing the templates.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {loadMdx} from '../src/processor.js'
import {BUILTIN_TEMPLATES, BUILTIN_TEMPLATE_NAMES, profileSource, TEMPLATES_DIR} from '../src/templates/catalog.js'
import {STORED_PROFILES_FILE, STORED_PROFILES_VERSION, storeProfile, type StoredProfiles} from '../src/templates/stored.js'

await loadMdx()
const data: StoredProfiles = {
  version: STORED_PROFILES_VERSION,
  profiles: BUILTIN_TEMPLATE_NAMES.map((name) => {
    const file = BUILTIN_TEMPLATES[name]
    const path = join(TEMPLATES_DIR, file)
    const source = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
    return storeProfile(profileSource(source, path, name, true), file, source)
  }),
}
mkdirSync(dirname(STORED_PROFILES_FILE), {recursive: true})
writeFileSync(STORED_PROFILES_FILE, JSON.stringify(data) + '\n')
console.log(`wrote ${data.profiles.length} template profiles to ${STORED_PROFILES_FILE}`)
