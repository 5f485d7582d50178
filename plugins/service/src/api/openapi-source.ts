import { defineSource, documentPreview, InputDataError, type SchemaInputHandle } from '@migration-architect/core';
import { resolve } from 'node:path';
import { DocumentSet } from './document/document-set.js';
import { loadExternalFiles } from './document/external-files.js';
import type { SpecDocument } from './document/spec-document.js';
import type { ApiModel } from './model/api-model.js';
import { readApiModel } from './model/read-api-model.js';

/** An API description announces itself; the original API samples only had `paths`. */
function looksLikeOpenApi(document: unknown): boolean {
  return typeof document === 'object' && document !== null && ('openapi' in document || 'swagger' in document || 'paths' in document);
}

/** Without --type: JSON is parsed to look (cheap and memoized); YAML is looked at as text. */
async function looksLikeApiInput(input: SchemaInputHandle): Promise<boolean> {
  if (input.inMemory) return looksLikeOpenApi(await input.document());
  const text = await input.text();
  if (/^\s*[{[]/.test(text)) return looksLikeOpenApi(await input.document());
  return YAML_API_KEY.test(text);
}

function dialectOf(model: ApiModel): string {
  if (/^2\./.test(model.version)) return 'swagger-2.0';
  return `openapi-${model.version.split('.').slice(0, 2).join('.')}`;
}

/** Top-level keys that make a YAML text an API description, read without parsing it. */
const YAML_API_KEY = /^["']?(openapi|swagger|paths)["']?\s*:/m;

async function rootDocument(input: SchemaInputHandle): Promise<SpecDocument> {
  const uri = input.path ?? resolve(input.cwd, input.name);
  if (input.inMemory) return { uri, name: input.name, root: await input.document(), text: undefined, format: 'json' };
  const text = await input.text();
  const yaml = /\.ya?ml$/i.test(input.fileName ?? '') || !/^\s*[{[]/.test(text);
  if (!yaml) return { uri, name: input.name, root: await input.document(), text, format: 'json' };
  // YAML is slow to parse: parse it once, keeping positions for line numbers. On any error core
  // parses it again to report the error its usual way (file, line, reason).
  const { LineCounter, parseDocument } = await import('yaml');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (document.errors.length) {
    await input.document();
    throw new InputDataError(`invalid YAML: ${document.errors[0]!.message.split('\n')[0]}`, { file: input.name });
  }
  let root: unknown;
  try {
    root = document.toJS({ maxAliasCount: 100 });
  } catch {
    root = await input.document();
  }
  return { uri, name: input.name, root, text, format: 'yaml', yaml: { document, lineCounter } };
}

/** Reads one input as an API model: the file, the files its `$ref`s reach, then the model. */
export async function readApiInput(input: SchemaInputHandle, options: { remoteRefs: boolean }): Promise<{ model: ApiModel; document: unknown }> {
  const root = await rootDocument(input);
  const files = await loadExternalFiles(root, options);
  return { model: readApiModel(new DocumentSet(root, files)), document: root.root };
}

/** OpenAPI 3.0 / 3.1 and Swagger 2.0 descriptions, JSON or YAML, with `$ref`s to other files. */
export function createOpenApiSource(options: { remoteRefs: boolean }) {
  return defineSource<ApiModel>({
    id: 'openapi',
    checker: 'api',
    title: 'OpenAPI / Swagger',
    description:
      'An OpenAPI 3.0 / 3.1 or Swagger 2.0 description (JSON or YAML); relative $refs to other files are followed, remote URLs only with the remoteRefs option.',
    read: async (input) => {
      if (!input.isDocumentFile()) return undefined;
      if (!input.explicit && !(await looksLikeApiInput(input))) return undefined;
      const { model, document } = await readApiInput(input, options);
      return { model, dialect: dialectOf(model), summary: documentPreview(document), warnings: model.warnings };
    },
  });
}
