// Writes dist/bundle/cli.cjs.cache, V8's code cache for the CLI bundle, after
// linting the bundled examples (Markdown and MDX, two output formats), so the
// cache holds the code a typical short run compiles. Run by scripts/bundle.mjs
// in a fresh process; the executable refuses it on another Node.js version or
// another build (the key changes), and then compiles as usual.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {loadBundle, writeCacheFile} from '../dist/bundle/load.js'

const bundlePath = resolve('dist/bundle/cli.cjs')
const loaded = loadBundle(bundlePath, {cacheFiles: []})
const scratch = mkdtempSync(join(tmpdir(), 'csl-code-cache-'))
const mdx = join(scratch, 'note.mdx')
writeFileSync(mdx, '---\ntitle: Note\n---\n\n# Note\n\n<Callout kind="info">Latency fell from 900 ms to 300 ms.</Callout>\n\n{/* TODO */}\n')
try {
  for (const format of ['stylish', 'json']) await loaded.exports.main(['--format', format, '--no-color', 'examples/finished-case-study.md', 'examples/unfinished-case-study.md', mdx])
} finally {
  rmSync(scratch, {recursive: true, force: true})
}
if (!writeCacheFile(`${bundlePath}.cache`, loaded.key, loaded.createCachedData(), false)) {
  console.error('code-cache: cannot write dist/bundle/cli.cjs.cache')
  process.exit(1)
}
process.exitCode = 0
