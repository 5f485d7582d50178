import { defineSource, documentPreview } from '@migration-architect/core';
import type { ApiModel } from './api-model.js';
import { loadOpenApi } from './openapi-loader.js';

/** An OpenAPI document announces itself; the original API samples only had `paths`. */
function looksLikeOpenApi(document: unknown): boolean {
  return typeof document === 'object' && document !== null && ('openapi' in document || 'swagger' in document || 'paths' in document);
}

/** OpenAPI 3.0 documents, JSON or YAML. */
export const openApiSource = defineSource<ApiModel>({
  id: 'openapi',
  checker: 'api',
  title: 'OpenAPI',
  description: 'An OpenAPI 3.0 document (JSON or YAML).',
  read: async (input) => {
    if (!input.isDocumentFile()) return undefined;
    const document = await input.document();
    if (!input.explicit && !looksLikeOpenApi(document)) return undefined;
    const model = loadOpenApi(document, { file: input.name });
    const version = typeof (document as { openapi?: unknown }).openapi === 'string' ? (document as { openapi: string }).openapi : null;
    return { model, dialect: version ? `openapi-${version.split('.').slice(0, 2).join('.')}` : 'openapi', summary: documentPreview(document) };
  },
});
