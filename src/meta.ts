/** Project-wide constants: message source, docs location, version. */
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const SOURCE = 'casestudy-lint'

/** Rule docs live in the repository; `<id>.md` is appended. */
export const DOCS_BASE_URL = 'https://github.com/casestudy-lint/casestudy-lint/blob/main/docs/rules/'

/** Package root (works from `src/` under test and from `dist/src/` when built). */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)))

export const VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version

function findPackageRoot(from: string): string {
  let dir = from
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      if (pkg.name === 'casestudy-lint') return dir
    } catch {
      // keep looking upward
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error('casestudy-lint: cannot find its own package.json')
    dir = parent
  }
}
