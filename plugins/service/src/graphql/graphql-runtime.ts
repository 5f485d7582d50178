import { createRequire } from 'node:module';

/*
 * graphql-js and GraphQL Inspector cost ~150 ms to load: they load on the first GraphQL input,
 * not with the plugin. Both come through one CommonJS `require`, so Inspector and our code share
 * one graphql-js (two copies refuse each other's schemas "from another realm").
 */
const require = createRequire(import.meta.url);

type GraphqlJs = typeof import('graphql');
type Inspector = typeof import('@graphql-inspector/core') & Pick<typeof import('@graphql-inspector/core/diff/schema'), 'diffSchema'>;

let graphqlJs: GraphqlJs | undefined;
let inspector: Inspector | undefined;

export function loadGraphqlJs(): GraphqlJs {
  return (graphqlJs ??= require('graphql') as GraphqlJs);
}

export function loadGraphqlInspector(): Inspector {
  inspector ??= {
    ...(require('@graphql-inspector/core') as typeof import('@graphql-inspector/core')),
    diffSchema: (require('@graphql-inspector/core/diff/schema') as typeof import('@graphql-inspector/core/diff/schema')).diffSchema,
  };
  return inspector;
}
