import { defineChecker } from '@migration-architect/core';
import type { ApiModel } from './api-model.js';
import { diffApi } from './diff.js';
import { loadOpenApi } from './openapi-loader.js';
import { apiRecommendations } from './recommendations.js';
import { apiRules } from './rules/index.js';

/** `check --type api`: OpenAPI 3.0 documents (JSON or YAML), the seed's rules plus what it missed. */
export const apiChecker = defineChecker({
  id: 'api',
  title: 'OpenAPI 3.0 REST API',
  description:
    'Compares two OpenAPI 3.0 documents: operations, parameters, request bodies, responses and component schemas, each change classified by a rule.',
  // An OpenAPI document announces itself; the seed's API samples only had `paths`.
  detect: (document) =>
    typeof document === 'object' && document !== null && ('openapi' in document || 'swagger' in document || 'paths' in document),
  load: loadOpenApi,
  diff: (before: ApiModel, after: ApiModel) => diffApi(before, after),
  rules: apiRules,
  recommendations: apiRecommendations,
});
