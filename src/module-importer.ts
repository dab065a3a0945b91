/**
 * Imports an ES module by URL. Code the bundle's loader runs in a vm script
 * cannot call `import()` itself, so the loader hands in its own. Kept apart
 * from `parallel.ts` so that setting it does not load the pool's code.
 */
let importer = (url: string): Promise<unknown> => import(url)

export function setModuleImporter(given: (url: string) => Promise<unknown>): void {
  importer = given
}

export function importModule(url: string): Promise<unknown> {
  return importer(url)
}
