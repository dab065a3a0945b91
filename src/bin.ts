#!/usr/bin/env node
/** The executable when running from the compiled sources (the package's bin is the bundle, `bundle/bin.ts`). */
import {main} from './main.js'

await main()
