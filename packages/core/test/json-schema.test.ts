import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_NAMES, documentJsonSchema } from '../src/index.js';

describe('published JSON Schemas', () => {
  it.each(DOCUMENT_NAMES)(
    'schema/%s.schema.json matches the zod schema (run `pnpm --filter @migration-architect/core schema:write` after changing a document)',
    (name) => {
      const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', `${name}.schema.json`), 'utf8'));
      expect(committed).toEqual(documentJsonSchema(name));
    },
  );

  it('describes what people write: spec fields keep their documentation', () => {
    const spec = documentJsonSchema('spec') as { required: string[]; properties: Record<string, { description?: string }> };
    expect(spec.required).toEqual(['type', 'source', 'target']);
    expect(spec.properties.pattern!.description).toMatch(/pattern/i);
  });
});
