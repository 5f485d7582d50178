import type { ChangeSeverity, CompatibilityRuleInput, SchemaChange } from '@migration-architect/core';
import type { ApiChangeDetails } from '../diff/change-details.js';
import { apiRule } from './api-rule.js';
import { objectSchema, requestBodyDocument, responseBodyDocument } from './example-documents.js';

/**
 * Rules for the properties of request and response bodies, at any depth, inline or referenced:
 * added, removed, required or not, read-only / write-only, deprecated; `additionalProperties`;
 * and oneOf / anyOf variants (allOf is merged before comparing, so refactoring into allOf is no change).
 */

interface PropertyAspect {
  id: string;
  kind: string;
  severity: ChangeSeverity;
  title: string;
  description: string;
  safe: string;
  before: unknown;
  after: unknown;
  impact: string;
  describe: (change: SchemaChange, details: ApiChangeDetails) => string;
  /** Named schemas the example refers to. */
  schemas?: Record<string, unknown>;
}

const id = { type: 'string' };
const name = { type: 'string' };
const pet = (properties: Record<string, unknown>, required: string[] = []) => objectSchema(properties, required);
const cat = { type: 'object', title: 'Cat', properties: { meows: { type: 'boolean' } } };
const dog = { type: 'object', title: 'Dog', properties: { barks: { type: 'boolean' } } };

/** The union itself (not one variant): a schema wrapped in an overlapping oneOf, and the discriminator. */
function unionAspects(direction: 'request' | 'response'): PropertyAspect[] {
  const request = direction === 'request';
  const Word = request ? 'Request' : 'Response';
  const pets = (discriminator: Record<string, unknown>) => ({
    oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
    discriminator,
  });
  const variant = (kind: string) => ({ type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: [kind] }, type: { type: 'string' } } });
  const variants = { Cat: variant('cat'), Dog: variant('dog') };
  const mapping = (entries: Record<string, string>) => ({ propertyName: 'kind', mapping: entries });
  return [
    {
      id: `${direction}-property-one-of-overlapping`,
      kind: `${direction}.property.one-of.overlapping`,
      severity: request ? 'potentially_breaking' : 'non_breaking',
      title: `${Word} wrapped in an overlapping oneOf`,
      description: request
        ? 'A request schema became a oneOf whose variants may overlap (no discriminator, types or required constants that tell them apart). A value matching two variants matches none: "exactly one" rejects it, though the old schema took it.'
        : 'A response schema became a oneOf whose variants may overlap. Clients do not validate "exactly one"; the variants are compared as usual.',
      safe: 'Make the variants disjoint (a discriminator, a required `const` per variant) or use anyOf.',
      before: cat,
      after: { oneOf: [cat, { type: 'object', properties: { name: { type: 'string' } } }] },
      impact: request ? 'Requests matching more than one variant are rejected' : 'None for existing clients',
      describe: (c) => `${Word} '${c.subject}' became a oneOf whose variants may overlap`,
    },
    {
      id: `${direction}-discriminator-property-changed`,
      kind: `${direction}.property.discriminator.property-changed`,
      severity: 'breaking',
      title: `${Word} discriminator property changed`,
      description: 'The property that names the variant of a oneOf/anyOf changed. Both sides read the variant from a different field.',
      safe: 'Keep the discriminator property; add a new union for a new one.',
      before: pets({ propertyName: 'kind' }),
      after: pets({ propertyName: 'type' }),
      impact: 'The variant is read from the wrong field',
      schemas: variants,
      describe: (c) => `${Word} '${c.subject}': discriminator property changed from ${String(c.before)} to ${String(c.after)}`,
    },
    {
      id: `${direction}-discriminator-mapping-removed`,
      kind: `${direction}.property.discriminator.mapping-removed`,
      severity: request ? 'breaking' : 'non_breaking',
      title: `${Word} discriminator value removed`,
      description: request
        ? 'A discriminator value no longer maps to a variant: requests naming it are no longer understood.'
        : 'A discriminator value no longer maps to a variant: responses carry fewer kinds.',
      safe: 'Keep mapping the value until no client sends it.',
      before: pets(mapping({ cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' })),
      after: pets(mapping({ cat: '#/components/schemas/Cat' })),
      impact: request ? 'Requests with the removed value are rejected or misread' : 'None for existing clients',
      schemas: variants,
      describe: (c, d) => `${Word} '${c.subject}': discriminator value(s) ${(d['values'] as string[]).join(', ')} no longer mapped`,
    },
    {
      id: `${direction}-discriminator-mapping-added`,
      kind: `${direction}.property.discriminator.mapping-added`,
      severity: request ? 'non_breaking' : 'potentially_breaking',
      title: `${Word} discriminator value added`,
      description: request
        ? 'A new discriminator value maps to a variant. Requests that were valid still are.'
        : 'Responses may carry a new discriminator value. Clients that switch over the known values may meet one they do not handle.',
      safe: 'Tell clients to handle unknown discriminator values before returning new ones.',
      before: pets(mapping({ cat: '#/components/schemas/Cat' })),
      after: pets(mapping({ cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' })),
      impact: request ? 'None for existing clients' : 'Clients may meet a variant they do not handle',
      schemas: variants,
      describe: (c, d) => `${Word} '${c.subject}': discriminator value(s) ${(d['values'] as string[]).join(', ')} added`,
    },
    {
      id: `${direction}-discriminator-mapping-changed`,
      kind: `${direction}.property.discriminator.mapping-changed`,
      severity: 'breaking',
      title: `${Word} discriminator value remapped`,
      description: 'A discriminator value now names another schema: the same value means a different shape.',
      safe: 'Map a new value to the new schema; keep the old mapping.',
      before: pets(mapping({ cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' })),
      after: pets(mapping({ cat: '#/components/schemas/Dog', dog: '#/components/schemas/Dog' })),
      impact: 'Values are read as the wrong variant',
      schemas: variants,
      describe: (c, d) => `${Word} '${c.subject}': discriminator value(s) ${(d['values'] as string[]).join(', ')} now map to another schema`,
    },
  ];
}

const prop = (verb: string) => (change: SchemaChange) => `Property '${change.subject}' ${verb}`;

const REQUEST: PropertyAspect[] = [
  {
    id: 'new-required-request-property',
    kind: 'request.property.added-required',
    severity: 'breaking',
    title: 'New required request property',
    description:
      'A request body gains a required property. Requests clients send today lack it and are rejected. A default does not help: the contract still says clients must send it.',
    safe: 'Add the property as optional with a server-side default; require it only in a new API version.',
    before: pet({ name }, ['name']),
    after: pet({ name, species: { type: 'string' } }, ['name', 'species']),
    impact: 'Requests without the property are rejected',
    describe: (c, d) => `New required request property '${c.subject}'${d['default'] ? ' (it has a default, but clients must still send it)' : ''}`,
  },
  {
    id: 'new-optional-request-property',
    kind: 'request.property.added-optional',
    severity: 'additive',
    title: 'New optional request property',
    description: 'A request body accepts a new optional property. Requests without it stay valid.',
    safe: 'Nothing to make safe; document what the server does without it.',
    before: pet({ name }),
    after: pet({ name, species: { type: 'string' } }),
    impact: 'None for existing clients',
    describe: prop('added to the request (optional)'),
  },
  {
    id: 'request-property-removed',
    kind: 'request.property.removed',
    severity: 'potentially_breaking',
    title: 'Request property removed',
    description:
      'A request body no longer declares a property. Clients still send it: lenient servers ignore it (and the data it carried is lost), strict ones (additionalProperties: false) reject the request.',
    safe: 'Keep accepting the property, ignored, with a deprecation notice, until clients stop sending it.',
    before: pet({ name, nickname: name }),
    after: pet({ name }),
    impact: 'The value clients send is ignored, or the request is rejected by a strict server',
    describe: prop('removed from the request'),
  },
  {
    id: 'request-property-became-required',
    kind: 'request.property.became-required',
    severity: 'breaking',
    title: 'Request property became required',
    description: 'An optional request property is now required. Requests that omit it are rejected.',
    safe: 'Keep it optional with a default; require it in a new API version.',
    before: pet({ name }),
    after: pet({ name }, ['name']),
    impact: 'Requests without the property are rejected',
    describe: prop('became required in the request'),
  },
  {
    id: 'request-property-became-optional',
    kind: 'request.property.became-optional',
    severity: 'non_breaking',
    title: 'Request property became optional',
    description: 'A required request property is now optional. Every request that was valid still is.',
    safe: 'Nothing to make safe.',
    before: pet({ name }, ['name']),
    after: pet({ name }),
    impact: 'None for existing clients',
    describe: prop('became optional in the request'),
  },
  {
    id: 'request-property-became-read-only',
    kind: 'request.property.became-read-only',
    severity: 'potentially_breaking',
    title: 'Request property became read-only',
    description: 'A property clients could send is now readOnly: the server ignores it in requests, so what clients set there no longer takes effect.',
    safe: 'Keep honouring the value, or give clients another way to set it first.',
    before: pet({ name, status: { type: 'string' } }),
    after: pet({ name, status: { type: 'string', readOnly: true } }),
    impact: 'Values clients send are ignored',
    describe: prop('became read-only: requests no longer set it'),
  },
  {
    id: 'request-property-deprecated',
    kind: 'request.property.deprecated',
    severity: 'non_breaking',
    title: 'Request property deprecated',
    description: 'A request property is marked deprecated. Nothing changes yet; clients should stop sending it.',
    safe: 'Nothing to make safe; announce when it will be removed.',
    before: pet({ name, nickname: name }),
    after: pet({ name, nickname: { type: 'string', deprecated: true } }),
    impact: 'None yet',
    describe: prop('deprecated'),
  },
  {
    id: 'request-property-additional-properties-narrowed',
    kind: 'request.property.additional-properties.narrowed',
    severity: 'potentially_breaking',
    title: 'Request additional properties disallowed',
    description: 'A request object now sets additionalProperties: false. Requests carrying fields it does not declare, which were accepted, are rejected.',
    safe: 'Ignore unknown fields instead of rejecting them.',
    before: pet({ name }),
    after: { ...pet({ name }), additionalProperties: false },
    impact: 'Requests with undeclared fields are rejected',
    describe: (c) => `Request object '${c.subject}' no longer allows additional properties`,
  },
  {
    id: 'request-property-additional-properties-widened',
    kind: 'request.property.additional-properties.widened',
    severity: 'non_breaking',
    title: 'Request additional properties allowed',
    description: 'A request object that rejected undeclared fields now accepts them.',
    safe: 'Nothing to make safe.',
    before: { ...pet({ name }), additionalProperties: false },
    after: pet({ name }),
    impact: 'None for existing clients',
    describe: (c) => `Request object '${c.subject}' now allows additional properties`,
  },
  {
    id: 'request-property-one-of-added',
    kind: 'request.property.one-of.added',
    severity: 'non_breaking',
    title: 'Request oneOf variant added',
    description: 'A request accepts one more variant. Every request that was valid still is.',
    safe: 'Nothing to make safe.',
    before: { oneOf: [cat] },
    after: { oneOf: [cat, dog] },
    impact: 'None for existing clients',
    describe: (c, d) => `Request '${c.subject}' accepts a new oneOf variant ${String(d['member'])}`,
  },
  {
    id: 'request-property-one-of-removed',
    kind: 'request.property.one-of.removed',
    severity: 'breaking',
    title: 'Request oneOf variant removed',
    description: 'A request no longer accepts one of its variants. Clients sending it are rejected.',
    safe: 'Keep accepting the variant until no client sends it.',
    before: { oneOf: [cat, dog] },
    after: { oneOf: [cat] },
    impact: 'Requests using the removed variant are rejected',
    describe: (c, d) => `Request '${c.subject}' no longer accepts the oneOf variant ${String(d['member'])}`,
  },
  {
    id: 'request-property-any-of-added',
    kind: 'request.property.any-of.added',
    severity: 'non_breaking',
    title: 'Request anyOf variant added',
    description: 'A request accepts one more anyOf variant.',
    safe: 'Nothing to make safe.',
    before: { anyOf: [cat] },
    after: { anyOf: [cat, dog] },
    impact: 'None for existing clients',
    describe: (c, d) => `Request '${c.subject}' accepts a new anyOf variant ${String(d['member'])}`,
  },
  {
    id: 'request-property-any-of-removed',
    kind: 'request.property.any-of.removed',
    severity: 'breaking',
    title: 'Request anyOf variant removed',
    description: 'A request no longer accepts one of its anyOf variants.',
    safe: 'Keep accepting the variant until no client sends it.',
    before: { anyOf: [cat, dog] },
    after: { anyOf: [cat] },
    impact: 'Requests using the removed variant are rejected',
    describe: (c, d) => `Request '${c.subject}' no longer accepts the anyOf variant ${String(d['member'])}`,
  },
  ...unionAspects('request'),
];

const RESPONSE: PropertyAspect[] = [
  {
    id: 'response-required-property-removed',
    kind: 'response.property.removed-required',
    severity: 'breaking',
    title: 'Required response property removed',
    description: 'A property every response carried is gone. Clients reading it fail.',
    safe: 'Keep returning the property (deprecated) until no client reads it; remove it in a new API version.',
    before: pet({ id, name }, ['id', 'name']),
    after: pet({ id }, ['id']),
    impact: 'Clients reading the property fail',
    describe: prop('removed from the response (it was required)'),
  },
  {
    id: 'response-optional-property-removed',
    kind: 'response.property.removed-optional',
    severity: 'potentially_breaking',
    title: 'Optional response property removed',
    description: 'An optional response property is gone. Clients that handle its absence are fine; clients that use it when present lose the data.',
    safe: 'Keep returning the property until no client reads it.',
    before: pet({ id, name }, ['id']),
    after: pet({ id }, ['id']),
    impact: 'Clients that use the property lose it',
    describe: prop('removed from the response'),
  },
  {
    id: 'response-required-property-added',
    kind: 'response.property.added-required',
    severity: 'additive',
    title: 'Required response property added',
    description: 'Responses carry a new property. Clients ignore what they do not know.',
    safe: 'Nothing to make safe.',
    before: pet({ id }, ['id']),
    after: pet({ id, species: { type: 'string' } }, ['id', 'species']),
    impact: 'None for existing clients',
    describe: prop('added to the response'),
  },
  {
    id: 'response-optional-property-added',
    kind: 'response.property.added-optional',
    severity: 'additive',
    title: 'Optional response property added',
    description: 'Responses may carry a new property. Clients ignore what they do not know.',
    safe: 'Nothing to make safe.',
    before: pet({ id }, ['id']),
    after: pet({ id, species: { type: 'string' } }, ['id']),
    impact: 'None for existing clients',
    describe: prop('added to the response (optional)'),
  },
  {
    id: 'response-property-became-optional',
    kind: 'response.property.became-optional',
    severity: 'breaking',
    title: 'Response property became optional',
    description: 'A property every response carried may now be missing. Clients that read it unconditionally fail.',
    safe: 'Keep returning it, null or a default if there is no value.',
    before: pet({ id, name }, ['id', 'name']),
    after: pet({ id, name }, ['id']),
    impact: 'Clients that assume the property is present fail when it is missing',
    describe: prop('became optional in the response'),
  },
  {
    id: 'response-property-became-required',
    kind: 'response.property.became-required',
    severity: 'non_breaking',
    title: 'Response property became required',
    description: 'A response property is now always present. Clients that handled its absence are unaffected.',
    safe: 'Nothing to make safe.',
    before: pet({ id, name }, ['id']),
    after: pet({ id, name }, ['id', 'name']),
    impact: 'None for existing clients',
    describe: prop('became required in the response'),
  },
  {
    id: 'response-property-became-write-only',
    kind: 'response.property.became-write-only',
    severity: 'potentially_breaking',
    title: 'Response property became write-only',
    description: 'A property responses carried is now writeOnly: responses no longer return it.',
    safe: 'Keep returning the property until no client reads it.',
    before: pet({ id, secret: { type: 'string' } }),
    after: pet({ id, secret: { type: 'string', writeOnly: true } }),
    impact: 'Clients reading the property no longer get it',
    describe: prop('became write-only: responses no longer return it'),
  },
  {
    id: 'response-property-deprecated',
    kind: 'response.property.deprecated',
    severity: 'non_breaking',
    title: 'Response property deprecated',
    description: 'A response property is marked deprecated. Nothing changes yet; clients should stop reading it.',
    safe: 'Nothing to make safe; announce when it will be removed.',
    before: pet({ id, name }),
    after: pet({ id, name: { type: 'string', deprecated: true } }),
    impact: 'None yet',
    describe: prop('deprecated'),
  },
  {
    id: 'response-property-additional-properties-narrowed',
    kind: 'response.property.additional-properties.narrowed',
    severity: 'non_breaking',
    title: 'Response additional properties disallowed',
    description: 'A response object no longer carries undeclared fields.',
    safe: 'Nothing to make safe.',
    before: pet({ id }),
    after: { ...pet({ id }), additionalProperties: false },
    impact: 'None for existing clients',
    describe: (c) => `Response object '${c.subject}' no longer carries additional properties`,
  },
  {
    id: 'response-property-additional-properties-widened',
    kind: 'response.property.additional-properties.widened',
    severity: 'non_breaking',
    title: 'Response additional properties allowed',
    description: 'A response object may now carry fields it does not declare. Clients ignore what they do not know; strict deserializers may not.',
    safe: 'Declare the new fields.',
    before: { ...pet({ id }), additionalProperties: false },
    after: pet({ id }),
    impact: 'None for clients that ignore unknown fields',
    describe: (c) => `Response object '${c.subject}' may now carry additional properties`,
  },
  {
    id: 'response-property-one-of-added',
    kind: 'response.property.one-of.added',
    severity: 'potentially_breaking',
    title: 'Response oneOf variant added',
    description:
      'Responses may carry one more variant. Clients that handle every known variant and nothing else may fail on it; clients written for unknown variants do not.',
    safe: 'Tell clients to tolerate unknown variants (a discriminator with a fallback) before adding one.',
    before: { oneOf: [cat] },
    after: { oneOf: [cat, dog] },
    impact: 'Clients may receive a variant they do not handle',
    describe: (c, d) => `Response '${c.subject}' may carry a new oneOf variant ${String(d['member'])}`,
  },
  {
    id: 'response-property-one-of-removed',
    kind: 'response.property.one-of.removed',
    severity: 'non_breaking',
    title: 'Response oneOf variant removed',
    description: 'Responses no longer carry one of their variants. Clients handle a subset of what they know.',
    safe: 'Nothing to make safe.',
    before: { oneOf: [cat, dog] },
    after: { oneOf: [cat] },
    impact: 'None for existing clients',
    describe: (c, d) => `Response '${c.subject}' no longer carries the oneOf variant ${String(d['member'])}`,
  },
  {
    id: 'response-property-any-of-added',
    kind: 'response.property.any-of.added',
    severity: 'potentially_breaking',
    title: 'Response anyOf variant added',
    description: 'Responses may match one more anyOf variant.',
    safe: 'Tell clients to tolerate unknown variants before adding one.',
    before: { anyOf: [cat] },
    after: { anyOf: [cat, dog] },
    impact: 'Clients may receive a shape they do not handle',
    describe: (c, d) => `Response '${c.subject}' may carry a new anyOf variant ${String(d['member'])}`,
  },
  {
    id: 'response-property-any-of-removed',
    kind: 'response.property.any-of.removed',
    severity: 'non_breaking',
    title: 'Response anyOf variant removed',
    description: 'Responses no longer match one of their anyOf variants.',
    safe: 'Nothing to make safe.',
    before: { anyOf: [cat, dog] },
    after: { anyOf: [cat] },
    impact: 'None for existing clients',
    describe: (c, d) => `Response '${c.subject}' no longer carries the anyOf variant ${String(d['member'])}`,
  },
  ...unionAspects('response'),
];

function withSchemas(document: Record<string, unknown>, schemas: Record<string, unknown> | undefined): Record<string, unknown> {
  return schemas ? { ...document, components: { schemas } } : document;
}

export const propertyRules: CompatibilityRuleInput[] = [
  ...REQUEST.map((a) => ({ ...a, document: requestBodyDocument })),
  ...RESPONSE.map((a) => ({ ...a, document: responseBodyDocument })),
].map((aspect) =>
  apiRule({
    id: aspect.id,
    change: aspect.kind,
    severity: aspect.severity,
    title: aspect.title,
    description: aspect.description,
    safeAlternative: aspect.safe,
    examples: [
      {
        name: aspect.title.toLowerCase(),
        before: withSchemas(aspect.document(aspect.before), aspect.schemas),
        after: withSchemas(aspect.document(aspect.after), aspect.schemas),
      },
    ],
    describe: aspect.describe,
    impact: aspect.impact,
    migration: aspect.safe,
  }),
);
