/** Worker-thread entry when running from the compiled sources (the bundle has its own). */
import {lintShare, lintTask, warmUp} from './worker-task.js'

await warmUp()

export default lintTask
export {lintShare}
