/**
 * What the CLI bundle (`cli.cjs`, one CommonJS file loaded by `load.ts` with
 * V8's code cache) exports: the executable's body for the main thread, and
 * the lint task for worker threads, loaded only there. Code in it cannot
 * call `import()` (a vm script has no module loader), so the executable hands
 * in its own with `setModuleImporter` (used for tinypool, an ES module).
 */
export {main} from '../main.js'
export {setModuleImporter} from '../module-importer.js'

export function loadWorker(): Promise<typeof import('../worker-task.js')> {
  return import('../worker-task.js')
}
