// `prepare` (run by npm install, npm ci and npm pack): builds the package
// unless the build is already newer than every source file, so installing
// and then packing (as git-based installs do) builds once, not twice.
import {spawnSync} from 'node:child_process'
import {readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'

const sources = ['src', 'rules', 'scripts', 'templates', 'package.json', 'tsconfig.json', 'tsconfig.build.json']
const built = ['dist/bundle/bin.cjs', 'dist/bundle/cli.cjs', 'dist/bundle/cli.cjs.cache', 'dist/src/index.js', 'dist/template-profiles.json']

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

function oldest(paths) {
  try {
    return Math.min(...paths.map((path) => statSync(path).mtimeMs))
  } catch {
    return -1
  }
}

if (oldest(built) > Math.max(...sources.map((path) => newest(path)))) {
  console.log('casestudy-lint: build is up to date')
} else {
  const result = spawnSync('npm', ['run', 'build'], {stdio: 'inherit', shell: process.platform === 'win32'})
  process.exit(result.status ?? 1)
}
