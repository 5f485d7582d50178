import type { SchemaChange } from '@migration-architect/core';
import type { Change } from '@graphql-inspector/core';
import type { GraphQLSchema, Location } from 'graphql';
import { loadGraphqlInspector, loadGraphqlJs } from './graphql-runtime.js';
import type { GraphqlModel } from './graphql-model.js';
import { graphqlKindOf } from './graphql-change-kinds.js';

export interface GraphqlChangeDetails extends Record<string, unknown> {
  /** GraphQL Inspector's change type: `FIELD_REMOVED`. */
  inspectorType: string;
  /** Inspector's verdict for this change: BREAKING, DANGEROUS or NON_BREAKING. */
  level: string;
  reason: string | undefined;
  /** Affected root operations (`Query.user`), when the change is on a root type. */
  operations: string[];
}

/** The line a schema coordinate (`Type`, `Type.field`, `Type.field.arg`) is written on. */
function lineOf(schema: GraphQLSchema, path: string | undefined): number | undefined {
  if (!path) return undefined;
  const { isEnumType, isInputObjectType, isInterfaceType, isObjectType } = loadGraphqlJs();
  const [typeName, member, argument] = path.split('.');
  const type = schema.getType(typeName ?? '');
  if (!type) return schema.getDirective(typeName?.replace(/^@/, '') ?? '')?.astNode?.loc?.startToken.line;
  let loc: Location | undefined = type.astNode?.loc;
  if (member && (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) {
    const field = type.getFields()[member];
    if (field) {
      loc = field.astNode?.loc ?? loc;
      if (argument && 'args' in field) loc = field.args.find((a) => a.name === argument)?.astNode?.loc ?? loc;
    }
  } else if (member && isEnumType(type)) {
    loc = type.getValue(member)?.astNode?.loc ?? loc;
  }
  return loc?.startToken.line;
}

const ROOTS = (schema: GraphQLSchema) =>
  new Set([schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name].filter(Boolean));

/**
 * GraphQL Inspector's diff (the change catalog GraphQL teams know), with removals of deprecated
 * fields and enum values downgraded as for REST operations, turned into changes our rules classify.
 */
export function diffGraphql(before: GraphqlModel, after: GraphqlModel): SchemaChange[] {
  const { diffSchema, DiffRule } = loadGraphqlInspector();
  const raw: Change[] = diffSchema(before.schema, after.schema);
  const suppressed = DiffRule.suppressRemovalOfDeprecatedField({ changes: raw, oldSchema: before.schema, newSchema: after.schema, config: {} }) as Change[];
  // That rule also downgrades every removed type, deprecated or not (types cannot be deprecated); keep those breaking.
  const changes = suppressed.map((change, i) => (change.type === 'TYPE_REMOVED' ? raw[i]! : change));
  const roots = new Set([...ROOTS(before.schema), ...ROOTS(after.schema)]);
  return changes.map((change) => {
    const removal = /REMOVED/.test(change.type);
    const line = lineOf(removal ? before.schema : after.schema, change.path);
    const root = change.path?.split('.').slice(0, 2);
    const details: GraphqlChangeDetails = {
      inspectorType: change.type,
      level: change.criticality.level,
      reason: change.criticality.reason,
      operations: root && root.length === 2 && roots.has(root[0]) ? [root.join('.')] : [],
    };
    return {
      kind: graphqlKindOf(change.type),
      path: change.path ?? '(schema)',
      subject: change.message,
      ...(removal ? { before: change.path ?? null } : { after: change.path ?? null }),
      details,
      ...(line ? { location: { side: removal ? 'before' : 'after', line } } : {}),
    } satisfies SchemaChange;
  });
}
