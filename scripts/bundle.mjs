// Bundles the CLI and the worker into dist/bundle/ (ESM, code-split so MDX
// support and reporters stay lazily loaded). Fewer, larger modules start
// faster than hundreds of small ones.
import {rmSync} from 'node:fs'
import {build} from 'esbuild'

// Chunk names are content hashes: start empty so old chunks do not pile up.
rmSync('dist/bundle', {recursive: true, force: true})

await build({
  entryPoints: {bin: 'dist/src/bin.js', worker: 'dist/src/worker.js'},
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Node 20 has Unicode property escapes (\p{L}); without this esbuild turns
  // every such literal into `new RegExp(...)`, rebuilt on each call in a hot loop.
  supported: {'regexp-unicode-property-escapes': true},
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // tinypool locates its own worker entry next to its files.
  external: ['tinypool'],
  banner: {js: "import {createRequire as __csl_createRequire} from 'node:module'; const require = __csl_createRequire(import.meta.url);"},
})
