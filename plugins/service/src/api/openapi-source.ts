import { defineSource, documentPreview, type SchemaInputHandle } from '@migration-architect/core';
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

function dialectOf(model: ApiModel): string {
  if (/^2\./.test(model.version)) return 'swagger-2.0';
  return `openapi-${model.version.split('.').slice(0, 2).join('.')}`;
}

async function rootDocument(input: SchemaInputHandle): Promise<SpecDocument> {
  const document = await input.document();
  const text = input.inMemory ? undefined : await input.text();
  const yaml = /\.ya?ml$/i.test(input.fileName ?? '') || (text !== undefined && !/^\s*[{[]/.test(text));
  return { uri: input.path ?? resolve(input.cwd, input.name), name: input.name, root: document, text, format: yaml ? 'yaml' : 'json' };
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
    description: 'An OpenAPI 3.0 / 3.1 or Swagger 2.0 description (JSON or YAML); relative $refs to other files are followed, remote URLs only with the remoteRefs option.',
    read: async (input) => {
      if (!input.isDocumentFile()) return undefined;
      if (!input.explicit && !looksLikeOpenApi(await input.document())) return undefined;
      const { model, document } = await readApiInput(input, options);
      // `warnings` is not part of the contract yet; it travels with the read for callers that show it.
      const read = { model, dialect: dialectOf(model), summary: documentPreview(document), warnings: model.warnings };
      return read;
    },
  });
}
