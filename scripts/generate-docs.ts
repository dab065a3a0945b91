/** `npm run docs`: writes docs/rules/<id>.md and the README rules table. */
import {mkdirSync, readdirSync, unlinkSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {PACKAGE_ROOT} from '../src/meta.js'
import {generatedFiles} from './docs.js'

const files = generatedFiles(PACKAGE_ROOT)
for (const file of files) {
  mkdirSync(dirname(file.path), {recursive: true})
  writeFileSync(file.path, file.content)
}
// Pages of rules that no longer exist.
const wanted = new Set(files.map((file) => basename(file.path)))
const docsDir = join(PACKAGE_ROOT, 'docs', 'rules')
for (const name of readdirSync(docsDir)) if (name.endsWith('.md') && !wanted.has(name)) unlinkSync(join(docsDir, name))
console.log(`wrote ${files.length} files`)
