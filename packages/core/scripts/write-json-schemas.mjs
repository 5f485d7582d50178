#!/usr/bin/env node
// Writes schema/<document>.schema.json from the built zod schemas; a test keeps them current.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_NAMES, documentJsonSchema } from '../dist/index.js';

const folder = join(dirname(dirname(fileURLToPath(import.meta.url))), 'schema');
for (const name of DOCUMENT_NAMES) {
  writeFileSync(join(folder, `${name}.schema.json`), `${JSON.stringify(documentJsonSchema(name), null, 2)}\n`);
  process.stdout.write(`wrote schema/${name}.schema.json\n`);
}
