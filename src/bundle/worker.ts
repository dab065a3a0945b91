/** Worker-thread entry of the bundle: loads the CLI bundle (reading its code cache) and its lint task. */
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type * as Bundle from './entry.js'
import {loadBundle} from './load.js'

// The main thread has set the V8 flags for the whole process.
const {exports: bundle} = loadBundle<typeof Bundle>(join(dirname(fileURLToPath(import.meta.url)), 'cli.cjs'), {setFlags: false})
const {lintShare, lintTask, warmUp} = await bundle.loadWorker()
await warmUp()

export default lintTask
export {lintShare}
