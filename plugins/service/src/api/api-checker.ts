import { defineChecker } from '@migration-architect/core';
import type { ApiModel } from './api-model.js';
import { API_CHANGE } from './change-kinds.js';
import { diffApi } from './diff.js';
import { apiRecommendations } from './recommendations.js';
import { apiRules } from './rules/index.js';

/** `check --type api`: two OpenAPI documents, every change classified by a rule. */
export const apiChecker = defineChecker<ApiModel>({
  id: 'api',
  title: 'OpenAPI 3.0 REST API',
  description:
    'Compares two OpenAPI 3.0 documents: operations, parameters, request bodies, responses and component schemas, each change classified by a rule.',
  changeKinds: Object.values(API_CHANGE),
  diff: (before, after) => diffApi(before, after),
  rules: apiRules,
  recommendations: apiRecommendations,
});
