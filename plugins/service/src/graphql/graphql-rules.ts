import { defineRule, type ChangeSeverity, type CompatibilityRuleInput } from '@migration-architect/core';
import type { GraphqlChangeDetails } from './graphql-diff.js';

/**
 * GraphQL rules, one per family of GraphQL Inspector change types. The level of each finding is
 * Inspector's for that change (a field type change is breaking or safe depending on the types):
 * BREAKING → breaking, DANGEROUS → potentially breaking, NON_BREAKING → non-breaking (additive
 * for additions). Removing a deprecated field or enum value is potentially breaking, not breaking.
 */

interface GraphqlRuleSpec {
  id: string;
  severity: ChangeSeverity;
  title: string;
  description: string;
  safe: string;
  before: string;
  after: string;
}

const query = (fields: string, extra = '') => `type Query {\n${fields}\n}\n${extra}`;
const pet = (fields: string, extra = '') => `type Query { pet: Pet }\ntype Pet {\n${fields}\n}\n${extra}`;
const search = (args: string) => query(`  pets${args}: [String]`);
const input = (fields: string) => `type Query { pets(filter: PetFilter): [String] }\ninput PetFilter {\n${fields}\n}\n`;
const kind = (values: string) => `type Query { pet: Pet }\ntype Pet { kind: Kind }\nenum Kind { ${values} }\n`;
const union = (members: string) => `type Query { search: Result }\ntype Cat { name: String }\ntype Dog { name: String }\nunion Result = ${members}\n`;
const iface = (impl: string) => `type Query { pet: Pet }\ninterface Named { name: String }\ntype Pet ${impl} { name: String }\n`;
const directive = (definition: string) => `${definition}\ntype Query { pet: String }\n`;

const SPECS: GraphqlRuleSpec[] = [
  {
    id: 'type-removed',
    severity: 'breaking',
    title: 'Type removed',
    description: 'A type is gone. Queries and fragments that name it fail validation.',
    safe: 'Deprecate the fields that return it first; remove it once no query uses it.',
    before: pet('name: String', 'type Owner { name: String }'),
    after: pet('name: String'),
  },
  {
    id: 'type-added',
    severity: 'additive',
    title: 'Type added',
    description: 'A new type. Existing queries are unaffected.',
    safe: 'Nothing to make safe.',
    before: pet('name: String'),
    after: pet('name: String', 'type Owner { name: String }'),
  },
  {
    id: 'type-kind-changed',
    severity: 'breaking',
    title: 'Type kind changed',
    description: 'A type changed kind (object to interface, enum to scalar, ...). Queries and clients built on the old kind break.',
    safe: 'Add a new type and migrate fields to it.',
    before: query('  pet: Pet', 'type Pet { name: String }'),
    after: query('  pet: Pet', 'interface Pet { name: String }'),
  },
  {
    id: 'field-removed',
    severity: 'breaking',
    title: 'Field removed',
    description:
      'A field is gone. Every query selecting it fails validation, and the whole query fails. Removing a deprecated field is potentially breaking: clients were warned.',
    safe: 'Deprecate the field with @deprecated(reason:) and remove it once no query selects it.',
    before: pet('name: String\n  age: Int'),
    after: pet('name: String'),
  },
  {
    id: 'field-added',
    severity: 'additive',
    title: 'Field added',
    description: 'A type gained a field. Queries select fields explicitly, so existing ones are unaffected.',
    safe: 'Nothing to make safe.',
    before: pet('name: String'),
    after: pet('name: String\n  age: Int'),
  },
  {
    id: 'field-type-changed',
    severity: 'breaking',
    title: 'Field type changed',
    description:
      'The type of a field changed. Breaking unless the new type is a safe change for readers (non-null to nullable is not: clients meet null; nullable to non-null is safe).',
    safe: 'Add a field with the new type and deprecate the old one.',
    before: pet('age: Int'),
    after: pet('age: String'),
  },
  {
    id: 'field-argument-added',
    severity: 'breaking',
    title: 'Field argument added',
    description: 'A field takes a new argument. A required argument without a default breaks every query that does not pass it; an optional one is safe.',
    safe: 'Add arguments as optional or with a default.',
    before: search(''),
    after: search('(owner: ID!)'),
  },
  {
    id: 'field-argument-removed',
    severity: 'breaking',
    title: 'Field argument removed',
    description: 'An argument is gone. Queries passing it fail validation.',
    safe: 'Deprecate the argument and ignore it before removing it.',
    before: search('(owner: ID)'),
    after: search(''),
  },
  {
    id: 'field-argument-type-changed',
    severity: 'breaking',
    title: 'Field argument type changed',
    description:
      'The type of an argument changed. Breaking when queries that were valid no longer are (a different type, nullable to non-null); widening (non-null to nullable) is safe.',
    safe: 'Add a new argument with the new type.',
    before: search('(limit: Int)'),
    after: search('(limit: String)'),
  },
  {
    id: 'field-argument-default-changed',
    severity: 'potentially_breaking',
    title: 'Field argument default changed',
    description: 'The default of an argument changed. Queries that omit it get different results.',
    safe: 'Keep the default; let clients pass the new value explicitly.',
    before: search('(limit: Int = 10)'),
    after: search('(limit: Int = 50)'),
  },
  {
    id: 'input-field-removed',
    severity: 'breaking',
    title: 'Input field removed',
    description: 'An input object lost a field. Queries passing it fail validation.',
    safe: 'Deprecate and ignore the field before removing it.',
    before: input('name: String\n  owner: ID'),
    after: input('name: String'),
  },
  {
    id: 'input-field-added',
    severity: 'breaking',
    title: 'Input field added',
    description: 'An input object gained a field. A required field without a default breaks every query that builds the input; an optional one is safe.',
    safe: 'Add input fields as optional or with a default.',
    before: input('name: String'),
    after: input('name: String\n  owner: ID!'),
  },
  {
    id: 'input-field-type-changed',
    severity: 'breaking',
    title: 'Input field type changed',
    description: 'The type of an input field changed. Breaking when inputs that were valid no longer are; widening is safe.',
    safe: 'Add a new input field with the new type.',
    before: input('age: Int'),
    after: input('age: String'),
  },
  {
    id: 'input-field-default-value-changed',
    severity: 'potentially_breaking',
    title: 'Input field default changed',
    description: 'The default of an input field changed. Inputs that omit it behave differently.',
    safe: 'Keep the default.',
    before: input('limit: Int = 10'),
    after: input('limit: Int = 50'),
  },
  {
    id: 'enum-value-removed',
    severity: 'breaking',
    title: 'Enum value removed',
    description: 'An enum lost a value. Queries and variables using it fail. Removing a deprecated value is potentially breaking.',
    safe: 'Deprecate the value first and stop returning it.',
    before: kind('DOG CAT BIRD'),
    after: kind('DOG CAT'),
  },
  {
    id: 'enum-value-added',
    severity: 'potentially_breaking',
    title: 'Enum value added',
    description: 'An enum gained a value. Clients with an exhaustive switch over the values it returns may fail on the new one.',
    safe: 'Tell clients to handle unknown values before returning new ones.',
    before: kind('DOG CAT'),
    after: kind('DOG CAT BIRD'),
  },
  {
    id: 'union-member-removed',
    severity: 'breaking',
    title: 'Union member removed',
    description: 'A union lost a member. Fragments on it fail validation.',
    safe: 'Stop returning the member first; remove it once no query spreads on it.',
    before: union('Cat | Dog'),
    after: union('Cat'),
  },
  {
    id: 'union-member-added',
    severity: 'potentially_breaking',
    title: 'Union member added',
    description: 'A union gained a member. Clients that handle only the known members may meet one they cannot render.',
    safe: 'Tell clients to handle unknown members (__typename fallback).',
    before: union('Cat'),
    after: union('Cat | Dog'),
  },
  {
    id: 'object-type-interface-removed',
    severity: 'breaking',
    title: 'Interface removed from a type',
    description: 'A type no longer implements an interface. Fragments on the interface no longer match it.',
    safe: 'Keep the interface until no query relies on it.',
    before: iface('implements Named'),
    after: iface(''),
  },
  {
    id: 'object-type-interface-added',
    severity: 'potentially_breaking',
    title: 'Interface added to a type',
    description: 'A type implements a new interface. Clients that switch over the implementations may meet a new one.',
    safe: 'Tell clients to handle unknown implementations.',
    before: iface(''),
    after: iface('implements Named'),
  },
  {
    id: 'directive-removed',
    severity: 'breaking',
    title: 'Directive removed',
    description: 'A directive definition is gone. Queries using it fail validation.',
    safe: 'Deprecate first; remove once no query uses it.',
    before: directive('directive @cached(ttl: Int) on FIELD'),
    after: directive(''),
  },
  {
    id: 'directive-added',
    severity: 'additive',
    title: 'Directive added',
    description: 'A new directive definition.',
    safe: 'Nothing to make safe.',
    before: directive(''),
    after: directive('directive @cached(ttl: Int) on FIELD'),
  },
  {
    id: 'directive-argument-added',
    severity: 'breaking',
    title: 'Directive argument added',
    description: 'A directive takes a new argument; a required one breaks queries that use the directive without it.',
    safe: 'Add directive arguments as optional.',
    before: directive('directive @cached on FIELD'),
    after: directive('directive @cached(ttl: Int!) on FIELD'),
  },
  {
    id: 'directive-argument-removed',
    severity: 'breaking',
    title: 'Directive argument removed',
    description: 'A directive lost an argument. Queries passing it fail validation.',
    safe: 'Ignore the argument before removing it.',
    before: directive('directive @cached(ttl: Int) on FIELD'),
    after: directive('directive @cached on FIELD'),
  },
  {
    id: 'directive-location-removed',
    severity: 'breaking',
    title: 'Directive location removed',
    description: 'A directive can no longer be used at one location. Queries using it there fail validation.',
    safe: 'Keep the location until no query uses it there.',
    before: directive('directive @cached on FIELD | FRAGMENT_SPREAD'),
    after: directive('directive @cached on FIELD'),
  },
  {
    id: 'directive-changed',
    severity: 'potentially_breaking',
    title: 'Directive changed',
    description:
      'Another change to a directive definition (a location added, an argument type or default changed, repeatable added or removed), at the level Inspector gives it.',
    safe: 'Change directives only in ways existing queries stay valid.',
    before: directive('directive @cached(ttl: Int = 10) on FIELD'),
    after: directive('directive @cached(ttl: Int = 60) on FIELD'),
  },
  {
    id: 'directive-usage-changed',
    severity: 'potentially_breaking',
    title: 'Directive usage changed',
    description: 'A directive was applied to or removed from a part of the schema, at the level Inspector gives it.',
    safe: 'Check what the directive means to clients and gateways.',
    before: 'directive @internal on FIELD_DEFINITION\ntype Query { pet: String }\n',
    after: 'directive @internal on FIELD_DEFINITION\ntype Query { pet: String @internal }\n',
  },
  {
    id: 'deprecation-changed',
    severity: 'non_breaking',
    title: 'Deprecation changed',
    description:
      'A field or enum value was deprecated, un-deprecated, or its reason changed. Queries keep working; deprecation starts the countdown to removal.',
    safe: 'Nothing to make safe; say what replaces it in the reason.',
    before: pet('age: Int'),
    after: pet('age: Int @deprecated(reason: "Use birthDate")'),
  },
  {
    id: 'description-changed',
    severity: 'non_breaking',
    title: 'Description changed',
    description: 'Documentation of a type, field, argument or value changed. Nothing clients do is affected.',
    safe: 'Nothing to make safe.',
    before: pet('"Age in years"\n  age: Int'),
    after: pet('"Age in whole years"\n  age: Int'),
  },
  {
    id: 'schema-changed',
    severity: 'breaking',
    title: 'Schema root changed',
    description:
      'The query, mutation or subscription root type changed (or a change this Inspector version names in a way we do not group), at the level Inspector gives it. Changing a root type breaks every operation of that kind.',
    safe: 'Keep root types stable.',
    before: 'schema { query: Query }\ntype Query { pet: String }\ntype Root { pet: String }\n',
    after: 'schema { query: Root }\ntype Query { pet: String }\ntype Root { pet: String }\n',
  },
];

const LEVELS: Record<string, ChangeSeverity> = { BREAKING: 'breaking', DANGEROUS: 'potentially_breaking' };

export const graphqlRules: CompatibilityRuleInput[] = SPECS.map((spec) =>
  defineRule({
    id: spec.id,
    issueType: spec.id.replace(/-/g, '_'),
    change: `graphql.${spec.id}`,
    severity: spec.severity,
    title: spec.title,
    description: spec.description,
    safeAlternative: spec.safe,
    examples: [{ name: spec.title.toLowerCase(), fileName: 'schema.graphql', before: spec.before, after: spec.after }],
    classify: (change) => {
      const details = change.details as GraphqlChangeDetails;
      const severity = LEVELS[details.level] ?? (spec.severity === 'additive' ? 'additive' : 'non_breaking');
      return {
        severity,
        description: change.subject,
        impact:
          details.reason ??
          (severity === 'breaking'
            ? 'Queries that were valid fail'
            : severity === 'potentially_breaking'
              ? 'Some clients may misbehave'
              : 'None for existing queries'),
        suggestedMigration: spec.safe,
        affectedOperations: details.operations,
      };
    },
  }),
);

export const graphqlChangeKinds = graphqlRules.map((rule) => rule.change);
