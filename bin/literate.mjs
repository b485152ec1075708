#!/usr/bin/env node
// The `literate` command. Prefers the built CLI (dist/cli/literate.js, exporting run(argv)); from a clone without a
// build it runs the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/literate.js', import.meta.url);
let cli;
if (existsSync(fileURLToPath(built))) {
  cli = await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli/literate/main.ts');
}
process.exitCode = await cli.run(process.argv.slice(2));
