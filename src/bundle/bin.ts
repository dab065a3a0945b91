#!/usr/bin/env node
/** The package's executable: loads the CLI bundle (with its code cache) and runs it. */
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type * as Bundle from './entry.js'
import {loadBundle, saveCacheOnExit} from './load.js'

const bundlePath = join(dirname(fileURLToPath(import.meta.url)), 'cli.cjs')
const loaded = loadBundle<typeof Bundle>(bundlePath)
saveCacheOnExit(bundlePath, loaded)
loaded.exports.setModuleImporter((url) => import(url))
await loaded.exports.main()
