#!/usr/bin/env node
// The parse floor for the benchmark: remark-parse + remark-gfm +
// remark-frontmatter over every file, in one thread, no rules.
// usage: bench-parse.mjs <file-list.txt> | --one <file>
import {readFileSync} from 'node:fs'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()
const files = process.argv[2] === '--one' ? [process.argv[3]] : readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)
let nodes = 0
for (const file of files) nodes += processor.parse(readFileSync(file, 'utf8')).children.length
console.log(`${files.length} files, ${nodes} top-level nodes`)
