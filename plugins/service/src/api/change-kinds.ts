import type { SchemaChange } from '@migration-architect/core';
import type { ParameterLocation, SchemaUsage } from './api-model.js';

/** Every kind of change `diff` reports; each one has at least one rule (core refuses unclassified changes). */
export const API_CHANGE = {
  operationRemoved: 'operation.removed',
  operationAdded: 'operation.added',
  parameterRemoved: 'parameter.removed',
  parameterAdded: 'parameter.added',
  parameterMadeRequired: 'parameter.made_required',
  parameterMadeOptional: 'parameter.made_optional',
  parameterTypeChanged: 'parameter.type_changed',
  requestBodyAdded: 'request_body.added',
  requestBodyRemoved: 'request_body.removed',
  requestBodyMadeRequired: 'request_body.made_required',
  requestBodySchemaChanged: 'request_body.schema_changed',
  responseRemoved: 'response.removed',
  responseAdded: 'response.added',
  responseSchemaChanged: 'response.schema_changed',
  schemaRemoved: 'schema.removed',
  schemaAdded: 'schema.added',
  compositionChanged: 'schema.composition_changed',
  propertyRemoved: 'property.removed',
  propertyAdded: 'property.added',
  propertyMadeRequired: 'property.made_required',
  propertyMadeOptional: 'property.made_optional',
  propertyTypeChanged: 'property.type_changed',
} as const;

export interface OperationDetails {
  /** `GET /users/{id}` */
  operation: string;
  method: string;
  path: string;
  /** operation.removed: the whole path is gone, not just this method. */
  pathRemoved?: boolean;
  /** operation.added: the path is new, not just this method. */
  pathAdded?: boolean;
}

export interface ParameterDetails {
  operation: string;
  name: string;
  in: ParameterLocation;
  required: boolean;
  fromType?: string | undefined;
  toType?: string | undefined;
}

export interface RequestBodyDetails {
  operation: string;
  /** request_body.made_required: the body did not exist before. */
  added?: boolean;
}

export interface ResponseDetails {
  operation: string;
  status: string;
  fromRef?: string | undefined;
  toRef?: string | undefined;
}

export interface SchemaDetails {
  /** The component schema (model) the change is in. */
  schema: string;
  usage: SchemaUsage;
  /** schema.composition_changed: allOf, oneOf or anyOf. */
  keyword?: string;
}

export interface PropertyDetails extends SchemaDetails {
  /** Dotted path of the property inside the model: `address.city`, `tags[]`; empty for the model itself. */
  property: string;
  /** property.added: the new property is required. */
  required?: boolean;
  fromType?: string | undefined;
  toType?: string | undefined;
  /** property.type_changed between two referenced models. */
  fromRef?: string | undefined;
  toRef?: string | undefined;
}

/** The details `diff` attached to a change of a kind, typed for the rules of that kind. */
export function detailsOf<T>(change: SchemaChange): T {
  return (change.details ?? {}) as T;
}
