import { defineSource, InputDataError, type SchemaInputHandle } from '@migration-architect/core';
import type { GraphQLSchema, IntrospectionQuery } from 'graphql';
import { loadGraphqlJs } from './graphql-runtime.js';
import type { GraphqlModel } from './graphql-model.js';

const SDL_FILE = /\.(graphql|graphqls|gql)$/i;

function introspection(document: unknown): IntrospectionQuery | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const record = document as Record<string, unknown>;
  if (typeof record['__schema'] === 'object') return record as unknown as IntrospectionQuery;
  const data = record['data'] as Record<string, unknown> | undefined;
  return typeof data?.['__schema'] === 'object' ? (data as unknown as IntrospectionQuery) : undefined;
}

function fromSdl(text: string, file: string): GraphQLSchema {
  const { buildSchema, GraphQLError } = loadGraphqlJs();
  try {
    // assumeValidSDL: published schemas (GitHub's among them) carry duplicate field definitions
    // that graphql-js would refuse; comparing them is still meaningful.
    return buildSchema(text, { assumeValidSDL: true });
  } catch (error) {
    const line = error instanceof GraphQLError ? error.locations?.[0]?.line : undefined;
    throw new InputDataError(`invalid GraphQL SDL: ${(error as Error).message.split('\n')[0]}`, { file, line });
  }
}

async function readSchema(input: SchemaInputHandle): Promise<GraphQLSchema | undefined> {
  const sdl = SDL_FILE.test(input.fileName ?? '');
  if (!sdl && input.isDocumentFile()) {
    // A JSON introspection result (`{ "data": { "__schema": ... } }`) is a schema too.
    const result = introspection(await input.document());
    if (!result) return undefined;
    try {
      return loadGraphqlJs().buildClientSchema(result);
    } catch (error) {
      throw new InputDataError(`invalid GraphQL introspection result: ${(error as Error).message.split('\n')[0]}`, { file: input.name, path: '__schema' });
    }
  }
  if (!sdl && !input.explicit) return undefined;
  if (input.scheme) return undefined;
  return fromSdl(await input.text(), input.name);
}

/** GraphQL SDL files (`.graphql`, `.graphqls`, `.gql`, or any text file with `--type graphql`) and JSON introspection results. */
export const graphqlSource = defineSource<GraphqlModel>({
  id: 'graphql-sdl',
  checker: 'graphql',
  title: 'GraphQL SDL',
  description: 'A GraphQL schema in SDL (.graphql, .graphqls, .gql; any text file with --type graphql) or a JSON introspection result.',
  read: async (input) => {
    const schema = await readSchema(input);
    return schema ? { model: { schema }, dialect: 'graphql', summary: `${input.name} (GraphQL schema)` } : undefined;
  },
});
