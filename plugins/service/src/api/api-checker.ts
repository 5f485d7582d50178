import { defineChecker } from '@migration-architect/core';
import { diffApi } from './diff/diff-api.js';
import type { ApiModel } from './model/api-model.js';
import { apiRecommendations } from './recommendations.js';
import { apiChangeKinds, apiRules } from './rules/index.js';
import { ignoreAcceptances } from '../ignore/accepted-changes.js';
import type { DeprecationPolicy, IgnoreEntry } from '../options.js';

/**
 * `check --type api`: two REST API descriptions, every change classified by a rule; findings the
 * deprecated `ignore` option accepts are applied by core. Sunset dates are judged against the check's clock, under the policy.
 */
export const createApiChecker = (ignore: IgnoreEntry[] = [], policy?: DeprecationPolicy) =>
  defineChecker<ApiModel>({
    id: 'api',
    title: 'REST API (OpenAPI 3.0 / 3.1, Swagger 2.0)',
    description:
      'Compares two OpenAPI 3.0 / 3.1 or Swagger 2.0 descriptions operation by operation: paths, parameters, request bodies, responses, headers, security and webhooks, with schemas compared at any depth by direction (narrowing a request or widening a response breaks clients).',
    changeKinds: apiChangeKinds,
    diff: (before, after, options) => diffApi(before, after, { now: options?.now, policy }),
    rules: apiRules,
    // The deprecated `ignore` option feeds core's acceptances; the checker filters nothing itself.
    acceptances: ignoreAcceptances(ignore, apiRules),
    recommendations: apiRecommendations,
  });
