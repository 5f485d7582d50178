import { defineRule, type ChangeSeverity } from '@migration-architect/core';
import { API_CHANGE, detailsOf, type PropertyDetails } from '../change-kinds.js';
import { compareJsonTypes } from '../json-type-compatibility.js';
import { describeUsage, severityForUsage, usedOperations } from '../schema-usage.js';
import { userCreateDocument, userDocument } from './example-documents.js';

/** Operations reaching the model; the seed's generic labels when none does (SDK users still are). */
function affected(details: PropertyDetails, fallback: string[]): string[] {
  const operations = usedOperations(details.usage);
  return operations.length ? operations : fallback;
}

const SERIALIZATION = ['Serialization', 'Deserialization'];

export const propertyRemoved = defineRule({
  id: 'property-removed',
  issueType: 'property_removed',
  change: API_CHANGE.propertyRemoved,
  severity: 'breaking',
  title: 'Property removed',
  description:
    'A property is gone from a model. Clients reading it from responses fail or silently get nothing: breaking. In a model that only appears in requests, clients keep sending it and most servers ignore it, but its value is dropped: potentially breaking. A model no operation uses counts as both.',
  safeAlternative: 'Keep the property, marked deprecated, until clients stop reading it; remove it in a new API version.',
  examples: [
    {
      name: 'username dropped from a response model',
      before: userDocument({ type: 'object', properties: { id: { type: 'string' }, username: { type: 'string' } } }),
      after: userDocument({ type: 'object', properties: { id: { type: 'string' } } }),
    },
  ],
  classify: (change) => {
    const details = detailsOf<PropertyDetails>(change);
    const severity = severityForUsage(details.usage, { request: 'potentially_breaking', response: 'breaking' });
    return {
      severity,
      description: `Property '${details.property}' removed from model '${details.schema}' (${describeUsage(details.usage)})`,
      impact:
        severity === 'breaking'
          ? 'Client code expecting this property will fail'
          : 'Clients still sending the property have its value ignored',
      suggestedMigration: 'Use API versioning to maintain backward compatibility, or keep the property as deprecated until clients stop using it',
      affectedOperations: affected(details, SERIALIZATION),
    };
  },
});

export const propertyAdded = defineRule({
  id: 'property-added',
  issueType: 'property_added',
  change: API_CHANGE.propertyAdded,
  severity: 'additive',
  title: 'Optional property added',
  description:
    'A new optional property. Requests without it stay valid, and clients reading responses ignore fields they do not know (a tolerant reader). The seed did not count new properties.',
  safeAlternative: 'Nothing to make safe; clients that reject unknown fields need to become tolerant readers.',
  examples: [
    {
      name: 'nickname added',
      before: userDocument({ type: 'object', properties: { id: { type: 'string' } } }),
      after: userDocument({ type: 'object', properties: { id: { type: 'string' }, nickname: { type: 'string' } } }),
    },
  ],
  when: (change) => detailsOf<PropertyDetails>(change).required !== true,
  classify: (change) => {
    const details = detailsOf<PropertyDetails>(change);
    return {
      description: `Optional property '${details.property}' added to model '${details.schema}'`,
      impact: 'None for tolerant clients',
      suggestedMigration: 'Regenerate client SDKs to expose the property',
      affectedOperations: affected(details, SERIALIZATION),
    };
  },
});

export const requiredPropertyAdded = defineRule({
  id: 'required-property-added',
  issueType: 'required_property_added',
  change: API_CHANGE.propertyAdded,
  severity: 'breaking',
  title: 'Required property added',
  description:
    'A new property that is required. In a request body, every request clients send today lacks it and fails validation: breaking. In a response it is just a new field clients may ignore: additive.',
  safeAlternative: 'Add the property as optional with a server-side default; make it required only in a new API version.',
  examples: [
    {
      name: 'request model gains required phone',
      before: userCreateDocument({ type: 'object', properties: { email: { type: 'string' } }, required: ['email'] }),
      after: userCreateDocument({ type: 'object', properties: { email: { type: 'string' }, phone: { type: 'string' } }, required: ['email', 'phone'] }),
    },
  ],
  when: (change) => detailsOf<PropertyDetails>(change).required === true,
  classify: (change) => {
    const details = detailsOf<PropertyDetails>(change);
    const severity = severityForUsage(details.usage, { request: 'breaking', response: 'additive' });
    return {
      severity,
      description: `Required property '${details.property}' added to model '${details.schema}' (${describeUsage(details.usage)})`,
      impact: severity === 'additive' ? 'None for tolerant clients' : 'Client requests without this property will fail validation',
      suggestedMigration: 'Provide default values or implement gradual rollout',
      affectedOperations: affected(details, ['Request validation']),
    };
  },
});

export const propertyMadeRequired = defineRule({
  id: 'property-made-required',
  issueType: 'property_made_required',
  change: API_CHANGE.propertyMadeRequired,
  severity: 'breaking',
  title: 'Property made required',
  description:
    'An existing property is now required. Requests that omitted it, valid until now, fail validation: breaking. In a model only returned in responses, clients just get a guarantee they did not have: non-breaking.',
  safeAlternative: 'Keep the property optional and apply a server-side default when it is missing; require it only in a new API version.',
  examples: [
    {
      name: 'name required on create',
      before: userCreateDocument({ type: 'object', properties: { email: { type: 'string' }, name: { type: 'string' } }, required: ['email'] }),
      after: userCreateDocument({ type: 'object', properties: { email: { type: 'string' }, name: { type: 'string' } }, required: ['email', 'name'] }),
    },
  ],
  classify: (change) => {
    const details = detailsOf<PropertyDetails>(change);
    const severity = severityForUsage(details.usage, { request: 'breaking', response: 'non_breaking' });
    return {
      severity,
      description: `Property '${details.property}' is now required in model '${details.schema}' (${describeUsage(details.usage)})`,
      impact: severity === 'non_breaking' ? 'None: responses always carry the property now' : 'Client requests without this property will fail validation',
      suggestedMigration: 'Provide default values or implement gradual rollout',
      affectedOperations: affected(details, ['Request validation']),
    };
  },
});

export const propertyMadeOptional = defineRule({
  id: 'property-made-optional',
  issueType: 'property_made_optional',
  change: API_CHANGE.propertyMadeOptional,
  severity: 'potentially_breaking',
  title: 'Property made optional',
  description:
    'A required property is now optional. Requests stay valid: non-breaking. In responses, clients that counted on the property always being there may now meet a missing value: potentially breaking. The seed ignored this change.',
  safeAlternative: 'Keep returning the property (null or a default) in responses; relax it only for requests.',
  examples: [
    {
      name: 'email may be missing in responses',
      before: userDocument({ type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } }, required: ['id', 'email'] }),
      after: userDocument({ type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } }, required: ['id'] }),
    },
  ],
  classify: (change) => {
    const details = detailsOf<PropertyDetails>(change);
    const severity = severityForUsage(details.usage, { request: 'non_breaking', response: 'potentially_breaking' });
    return {
      severity,
      description: `Property '${details.property}' is now optional in model '${details.schema}' (${describeUsage(details.usage)})`,
      impact: severity === 'non_breaking' ? 'None for existing clients' : 'Clients assuming the property is always present may fail when it is missing',
      suggestedMigration: 'Keep the property in responses, or tell clients to handle its absence before it can be missing',
      affectedOperations: affected(details, SERIALIZATION),
    };
  },
});

export const propertyTypeChanged = defineRule({
  id: 'property-type-changed',
  issueType: 'property_type_changed',
  change: API_CHANGE.propertyTypeChanged,
  severity: 'breaking',
  title: 'Property type changed',
  description:
    'The JSON type of a property (or of a whole model) changed. The verdict comes from a JSON-type matrix read in the directions the model travels: integer to number is a widening, fine for requests but potentially breaking for clients reading integers; number to integer is the reverse; to or from null is potentially breaking; any other pair is breaking. A property switching between two referenced models of the same type is potentially breaking.',
  safeAlternative: 'Add a new property with the new type next to the old one, deprecate the old one, and remove it in a new API version.',
  examples: [
    {
      name: 'epoch seconds become an ISO date',
      before: userDocument({ type: 'object', properties: { created_at: { type: 'integer' } } }),
      after: userDocument({ type: 'object', properties: { created_at: { type: 'string', format: 'date-time' } } }),
    },
  ],
  classify: (change) => {
    const details = detailsOf<PropertyDetails>(change);
    const name = details.property ? `Property '${details.property}'` : 'Model';
    if (details.fromRef !== undefined || details.toRef !== undefined) {
      return {
        severity: 'potentially_breaking',
        description: `${name} of model '${details.schema}' now references '${details.toRef}' instead of '${details.fromRef}'`,
        impact: 'Clients break if the two models differ in the fields they use',
        suggestedMigration: 'Keep the old model\'s fields in the new one, or version the API',
        affectedOperations: affected(details, SERIALIZATION),
      };
    }
    const verdict = compareJsonTypes(details.fromType, details.toType);
    const severity: ChangeSeverity = verdict ? severityForUsage(details.usage, verdict) : 'breaking';
    return {
      severity,
      description: `${name} type changed from ${details.fromType ?? 'any'} to ${details.toType ?? 'any'} in model '${details.schema}': ${verdict?.reason ?? 'types differ'}`,
      impact: 'Client serialization/deserialization may fail',
      suggestedMigration: 'Implement type coercion or API versioning',
      affectedOperations: affected(details, SERIALIZATION),
    };
  },
});
