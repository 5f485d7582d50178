import { defineChecker } from '@migration-architect/core';
import { diffGraphql } from './graphql-diff.js';
import type { GraphqlModel } from './graphql-model.js';
import { graphqlChangeKinds, graphqlRules } from './graphql-rules.js';
import { ignoreAcceptances } from '../ignore/accepted-changes.js';
import type { IgnoreEntry } from '../options.js';

/** `check --type graphql`: two GraphQL schemas, compared by GraphQL Inspector, classified by our rules; findings the deprecated `ignore` option accepts are applied by core. */
export const createGraphqlChecker = (ignore: IgnoreEntry[] = []) =>
  defineChecker<GraphqlModel>({
    id: 'graphql',
    title: 'GraphQL schema',
    description:
      'Compares two GraphQL schemas (SDL or introspection JSON) with GraphQL Inspector: types, fields, arguments, input fields, enums, unions, interfaces and directives, breaking / dangerous / safe.',
    changeKinds: graphqlChangeKinds,
    diff: (before, after) => diffGraphql(before, after),
    rules: graphqlRules,
    // The deprecated `ignore` option feeds core's acceptances; the checker filters nothing itself.
    acceptances: ignoreAcceptances(ignore, graphqlRules),
    recommendations: {
      breaking: [
        'Deprecate fields with @deprecated(reason:) and remove them only when no client query selects them (check your operation registry or persisted queries)',
        'Release client code that stops using removed parts before the schema change ships',
      ],
      potentiallyBreaking: ['Check client code handles unknown enum values, union members and interface implementations'],
      withScripts: [],
      always: ['Keep this check in CI: exit code 2 blocks breaking changes, 1 asks for a review'],
    },
  });
