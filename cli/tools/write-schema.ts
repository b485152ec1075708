// Writes pack.schema.json from the pack spec: run `npx tsx cli/tools/write-schema.ts` after changing
// pack-spec.ts (a unit test fails while the committed schema and the spec disagree).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { generatePackSchema } from '../../annotations/format/pack-schema';

export const schemaPath = fileURLToPath(
  new URL('../../annotations/format/pack.schema.json', import.meta.url),
);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await format(JSON.stringify(generatePackSchema()), { parser: 'json', printWidth: 110 });
  writeFileSync(schemaPath, text);
  console.log(`wrote ${schemaPath}`);
}
