import type { GraphQLSchema } from 'graphql';

/** A GraphQL schema as `check --type graphql` compares it. */
export interface GraphqlModel {
  schema: GraphQLSchema;
}
