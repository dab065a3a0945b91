// Bundles the CLI into dist/bundle/:
//
//   cli.cjs        all of the CLI, the rules and the worker's task in one
//                  CommonJS file (MDX support and reporters stay lazily
//                  initialised inside it), loaded through V8's code cache
//   cli.cjs.cache  that cache, written by linting the bundled examples once
//   bin.cjs        the executable: loads cli.cjs and runs it (CommonJS, so Node
//                  starts it without its ES module loader)
//   worker.js      the worker-thread entry: loads cli.cjs and its lint task
//   load.js        the loader both use (src/bundle/load.ts)
//
// One large file starts faster than hundreds of small modules, and a code
// cache lets a short run skip compiling what the last run compiled.
import {spawnSync} from 'node:child_process'
import {rmSync} from 'node:fs'
import {build} from 'esbuild'

// Chunk names are content hashes: start empty so old chunks do not pile up.
rmSync('dist/bundle', {recursive: true, force: true})

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Node 20 has Unicode property escapes (\p{L}); without this esbuild turns
  // every such literal into `new RegExp(...)`, rebuilt on each call in a hot loop.
  supported: {'regexp-unicode-property-escapes': true},
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
}

// Each CommonJS entry is bundled on its own (CommonJS output has no shared chunks).
await build({
  ...common,
  entryPoints: {cli: 'dist/src/bundle/entry.js', bin: 'dist/src/bundle/bin.js'},
  outdir: 'dist/bundle',
  outExtension: {'.js': '.cjs'},
  format: 'cjs',
  // Both run as CommonJS module bodies (the loader wraps cli.cjs like one), so `__filename` is the file's path.
  define: {'import.meta.url': '__csl_import_meta_url'},
  banner: {js: "var __csl_import_meta_url = require('node:url').pathToFileURL(__filename).href;"},
})

// The worker entry stays an ES module: it awaits its warm-up before the pool sees it ready.
await build({
  ...common,
  entryPoints: {worker: 'dist/src/bundle/worker.js', load: 'dist/src/bundle/load.js'},
  outdir: 'dist/bundle',
  splitting: true,
  format: 'esm',
})

const primed = spawnSync(process.execPath, ['scripts/code-cache.mjs'], {stdio: ['ignore', 'ignore', 'inherit']})
if (primed.status !== 0) process.exit(primed.status ?? 1)
