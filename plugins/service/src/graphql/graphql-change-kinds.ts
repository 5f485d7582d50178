/**
 * Which rule family an Inspector change type belongs to. Exact types first, then families by
 * name; a type this Inspector version does not know falls to `schema-changed`, classified by
 * the level Inspector gives it.
 */
const EXACT: Record<string, string> = {
  TYPE_REMOVED: 'type-removed',
  TYPE_ADDED: 'type-added',
  TYPE_KIND_CHANGED: 'type-kind-changed',
  FIELD_REMOVED: 'field-removed',
  FIELD_ADDED: 'field-added',
  FIELD_TYPE_CHANGED: 'field-type-changed',
  FIELD_ARGUMENT_ADDED: 'field-argument-added',
  FIELD_ARGUMENT_REMOVED: 'field-argument-removed',
  FIELD_ARGUMENT_TYPE_CHANGED: 'field-argument-type-changed',
  FIELD_ARGUMENT_DEFAULT_CHANGED: 'field-argument-default-changed',
  INPUT_FIELD_REMOVED: 'input-field-removed',
  INPUT_FIELD_ADDED: 'input-field-added',
  INPUT_FIELD_TYPE_CHANGED: 'input-field-type-changed',
  INPUT_FIELD_DEFAULT_VALUE_CHANGED: 'input-field-default-value-changed',
  ENUM_VALUE_REMOVED: 'enum-value-removed',
  ENUM_VALUE_ADDED: 'enum-value-added',
  UNION_MEMBER_REMOVED: 'union-member-removed',
  UNION_MEMBER_ADDED: 'union-member-added',
  OBJECT_TYPE_INTERFACE_REMOVED: 'object-type-interface-removed',
  OBJECT_TYPE_INTERFACE_ADDED: 'object-type-interface-added',
  DIRECTIVE_REMOVED: 'directive-removed',
  DIRECTIVE_ADDED: 'directive-added',
  DIRECTIVE_ARGUMENT_ADDED: 'directive-argument-added',
  DIRECTIVE_ARGUMENT_REMOVED: 'directive-argument-removed',
  DIRECTIVE_LOCATION_REMOVED: 'directive-location-removed',
};

export function graphqlKindOf(type: string): string {
  const family =
    EXACT[type] ??
    (type.startsWith('DIRECTIVE_USAGE_')
      ? 'directive-usage-changed'
      : /DESCRIPTION/.test(type)
        ? 'description-changed'
        : /DEPRECATION/.test(type)
          ? 'deprecation-changed'
          : type.startsWith('DIRECTIVE_')
            ? 'directive-changed'
            : 'schema-changed');
  return `graphql.${family}`;
}
