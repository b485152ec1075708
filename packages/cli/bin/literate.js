#!/usr/bin/env node
// The `literate` command of the published package: the bundled CLI (dist/literate.js, no TypeScript at run time).
import { run } from '../dist/literate.js';

process.exitCode = await run(process.argv.slice(2));
