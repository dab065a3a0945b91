#!/usr/bin/env node
/**
 * The package's executable: loads the CLI bundle (with its code cache) and
 * runs it. Built as CommonJS (`bin.cjs`): Node starts a CommonJS entry without
 * its ES module loader, which a short run would otherwise pay for. Measured on
 * one 300-line file against the same bundle behind an ES module entry, median
 * wall time of alternating runs: 0.340 s against 0.370 s and 0.370 s against
 * 0.410 s (25 runs each), 0.353 s against 0.345 s (15 runs each).
 */
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type * as Bundle from './entry.js'
import {loadBundle, saveCacheOnExit} from './load.js'

const bundlePath = join(dirname(fileURLToPath(import.meta.url)), 'cli.cjs')
const loaded = loadBundle<typeof Bundle>(bundlePath)
saveCacheOnExit(bundlePath, loaded)
loaded.exports.setModuleImporter((url) => import(url))
// `main` reports its own errors and sets the exit code.
void loaded.exports.main()
