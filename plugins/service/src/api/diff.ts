import { canonicalJson, type SchemaChange } from '@migration-architect/core';
import type { ApiModel, ApiOperation, SchemaUsage } from './api-model.js';
import { API_CHANGE, type OperationDetails, type PropertyDetails, type SchemaDetails } from './change-kinds.js';
import { normalizeType } from './json-type-compatibility.js';
import type { SchemaObject } from './openapi-document.js';
import { schemaRefName } from './schema-references.js';
import { mergeUsage, NO_USAGE } from './schema-usage.js';

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/**
 * The JSON type a schema stands for: its `type`, or the type of the schema it references, or
 * what its keywords imply (`properties` → object, `items` → array); undefined means any value.
 */
function effectiveType(schema: SchemaObject | undefined, model: ApiModel, seen = new Set<string>()): string | undefined {
  if (!schema) return undefined;
  const declared = normalizeType(schema.type);
  if (declared !== undefined) return declared;
  const ref = schemaRefName(schema);
  if (ref !== undefined && !seen.has(ref)) return effectiveType(model.schemas.get(ref), model, new Set([...seen, ref])) ?? 'object';
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

interface SchemaPosition {
  /** Dotted field path: `components.schemas.User.properties.address`. */
  path: string;
  /** The model (component schema) this position belongs to. */
  schema: string;
  /** Dotted property path inside the model, '' for the model itself. */
  property: string;
  usage: SchemaUsage;
}

/** `User.address.city`, `UserList.items[]`, or `User` for the model itself. */
function subjectOf(schema: string, property: string): string {
  if (!property) return schema;
  return property.startsWith('[') ? `${schema}${property}` : `${schema}.${property}`;
}

function child(position: SchemaPosition, name: string): SchemaPosition {
  return {
    ...position,
    path: `${position.path}.properties.${name}`,
    property: position.property ? `${position.property}.${name}` : name,
  };
}

class ApiDiff {
  readonly changes: SchemaChange[] = [];

  constructor(
    private readonly before: ApiModel,
    private readonly after: ApiModel,
  ) {}

  run(): SchemaChange[] {
    this.operations();
    this.schemas();
    return this.changes;
  }

  private operations(): void {
    for (const [key, old] of this.before.operations) {
      const next = this.after.operations.get(key);
      if (next) {
        this.operation(old, next);
        continue;
      }
      const details: OperationDetails = { operation: key, method: old.method, path: old.path, pathRemoved: !this.after.paths.has(old.path) };
      this.changes.push({ kind: API_CHANGE.operationRemoved, path: `paths.${old.path}.${old.method}`, subject: key, before: old.definition, details: { ...details } });
    }
    for (const [key, next] of this.after.operations) {
      if (this.before.operations.has(key)) continue;
      const details: OperationDetails = { operation: key, method: next.method, path: next.path, pathAdded: !this.before.paths.has(next.path) };
      this.changes.push({ kind: API_CHANGE.operationAdded, path: `paths.${next.path}.${next.method}`, subject: key, after: next.definition, details: { ...details } });
    }
  }

  private operation(old: ApiOperation, next: ApiOperation): void {
    const base = `paths.${old.path}.${old.method}`;
    const operation = old.key;

    // Parameters, in the seed's field-path form `paths./users.get.parameters`.
    for (const [key, parameter] of old.parameters) {
      const subject = `${operation} ${parameter.in} parameter ${parameter.name}`;
      const common = { operation, name: parameter.name, in: parameter.in };
      const counterpart = next.parameters.get(key);
      if (!counterpart) {
        this.changes.push({ kind: API_CHANGE.parameterRemoved, path: `${base}.parameters`, subject, before: parameter.definition, details: { ...common, required: parameter.required } });
        continue;
      }
      if (parameter.required !== counterpart.required) {
        this.changes.push({
          kind: counterpart.required ? API_CHANGE.parameterMadeRequired : API_CHANGE.parameterMadeOptional,
          path: `${base}.parameters`,
          subject,
          before: parameter.definition,
          after: counterpart.definition,
          details: { ...common, required: counterpart.required },
        });
      }
      const fromType = effectiveType(parameter.schema, this.before);
      const toType = effectiveType(counterpart.schema, this.after);
      if (fromType !== toType) {
        this.changes.push({
          kind: API_CHANGE.parameterTypeChanged,
          path: `${base}.parameters`,
          subject,
          before: fromType ?? null,
          after: toType ?? null,
          details: { ...common, required: counterpart.required, fromType, toType },
        });
      }
    }
    for (const [key, parameter] of next.parameters) {
      if (old.parameters.has(key)) continue;
      this.changes.push({
        kind: API_CHANGE.parameterAdded,
        path: `${base}.parameters`,
        subject: `${operation} ${parameter.in} parameter ${parameter.name}`,
        after: parameter.definition,
        details: { operation, name: parameter.name, in: parameter.in, required: parameter.required },
      });
    }

    // Request body.
    const oldBody = old.requestBody;
    const newBody = next.requestBody;
    const bodyPath = `${base}.requestBody`;
    if (!oldBody && newBody) {
      this.changes.push({
        kind: newBody.required ? API_CHANGE.requestBodyMadeRequired : API_CHANGE.requestBodyAdded,
        path: bodyPath,
        subject: `${operation} request body`,
        after: newBody.schema ?? null,
        details: { operation, added: true },
      });
    } else if (oldBody && !newBody) {
      this.changes.push({ kind: API_CHANGE.requestBodyRemoved, path: bodyPath, subject: `${operation} request body`, before: oldBody.schema ?? null, details: { operation } });
    } else if (oldBody && newBody) {
      if (!oldBody.required && newBody.required) {
        this.changes.push({ kind: API_CHANGE.requestBodyMadeRequired, path: bodyPath, subject: `${operation} request body`, before: false, after: true, details: { operation, added: false } });
      }
      if (!sameJson(oldBody.schema, newBody.schema)) {
        this.changes.push({
          kind: API_CHANGE.requestBodySchemaChanged,
          path: bodyPath,
          subject: `${operation} request body`,
          before: oldBody.schema ?? null,
          after: newBody.schema ?? null,
          details: { operation },
        });
      }
    }

    // Responses, by status code.
    for (const [status, response] of old.responses) {
      const counterpart = next.responses.get(status);
      const subject = `${operation} response ${status}`;
      if (!counterpart) {
        this.changes.push({ kind: API_CHANGE.responseRemoved, path: `${base}.responses.${status}`, subject, before: response.schema ?? null, details: { operation, status } });
      } else if (!sameJson(response.schema, counterpart.schema)) {
        this.changes.push({
          kind: API_CHANGE.responseSchemaChanged,
          path: `${base}.responses.${status}`,
          subject,
          before: response.schema ?? null,
          after: counterpart.schema ?? null,
          details: { operation, status, fromRef: schemaRefName(response.schema), toRef: schemaRefName(counterpart.schema) },
        });
      }
    }
    for (const [status, response] of next.responses) {
      if (old.responses.has(status)) continue;
      this.changes.push({
        kind: API_CHANGE.responseAdded,
        path: `${base}.responses.${status}`,
        subject: `${operation} response ${status}`,
        after: response.schema ?? null,
        details: { operation, status },
      });
    }
  }

  private schemas(): void {
    for (const [name, schema] of this.before.schemas) {
      const counterpart = this.after.schemas.get(name);
      const path = `components.schemas.${name}`;
      if (!counterpart) {
        const details: SchemaDetails = { schema: name, usage: this.before.usage.get(name) ?? NO_USAGE };
        this.changes.push({ kind: API_CHANGE.schemaRemoved, path, subject: name, before: schema, details: { ...details } });
        continue;
      }
      const usage = mergeUsage(this.before.usage.get(name), this.after.usage.get(name));
      this.schema(schema, counterpart, { path, schema: name, property: '', usage });
    }
    for (const [name, schema] of this.after.schemas) {
      if (this.before.schemas.has(name)) continue;
      const details: SchemaDetails = { schema: name, usage: this.after.usage.get(name) ?? NO_USAGE };
      this.changes.push({ kind: API_CHANGE.schemaAdded, path: `components.schemas.${name}`, subject: name, after: schema, details: { ...details } });
    }
  }

  private push(kind: string, path: string, position: SchemaPosition, extra: Omit<PropertyDetails, 'schema' | 'usage' | 'property'> & { property?: string }, values: { before?: unknown; after?: unknown }) {
    const details: PropertyDetails = { schema: position.schema, usage: position.usage, property: position.property, ...extra };
    this.changes.push({ kind, path, subject: subjectOf(position.schema, extra.property ?? position.property), ...values, details: { ...details } });
  }

  /** Compares two versions of a schema at one position inside a model, recursing into properties and items. */
  private schema(old: SchemaObject, next: SchemaObject, position: SchemaPosition): void {
    const oldRef = schemaRefName(old);
    const newRef = schemaRefName(next);
    if (oldRef !== undefined && newRef !== undefined) {
      // Both sides reference models: the models themselves are compared on their own, once.
      if (oldRef !== newRef) {
        this.push(API_CHANGE.propertyTypeChanged, `${position.path}.$ref`, position, { fromRef: oldRef, toRef: newRef, fromType: 'object', toType: 'object' }, { before: old.$ref, after: next.$ref });
      }
      return;
    }
    // An inline schema against a reference: compare against what the reference points to.
    const resolvedOld = oldRef !== undefined ? this.before.schemas.get(oldRef) : old;
    const resolvedNew = newRef !== undefined ? this.after.schemas.get(newRef) : next;
    if (!resolvedOld || !resolvedNew) return;

    const fromType = effectiveType(resolvedOld, this.before);
    const toType = effectiveType(resolvedNew, this.after);
    if (fromType !== toType) {
      this.push(API_CHANGE.propertyTypeChanged, `${position.path}.type`, position, { fromType, toType }, { before: fromType ?? null, after: toType ?? null });
      return; // Nested differences between different types say nothing more.
    }

    for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
      if (!sameJson(resolvedOld[keyword], resolvedNew[keyword])) {
        this.changes.push({
          kind: API_CHANGE.compositionChanged,
          path: `${position.path}.${keyword}`,
          subject: subjectOf(position.schema, position.property),
          before: resolvedOld[keyword] ?? null,
          after: resolvedNew[keyword] ?? null,
          details: { schema: position.schema, usage: position.usage, keyword, property: position.property },
        });
      }
    }

    const oldProps = resolvedOld.properties ?? {};
    const newProps = resolvedNew.properties ?? {};
    const oldRequired = new Set(resolvedOld.required ?? []);
    const newRequired = new Set(resolvedNew.required ?? []);
    const requiredValues = { before: [...oldRequired], after: [...newRequired] };

    for (const [name, property] of Object.entries(oldProps)) {
      const at = child(position, name);
      const counterpart = newProps[name];
      if (!counterpart) {
        this.push(API_CHANGE.propertyRemoved, at.path, position, { property: at.property, required: oldRequired.has(name) }, { before: property });
        continue;
      }
      this.schema(property, counterpart, at);
    }
    for (const [name, property] of Object.entries(newProps)) {
      if (name in oldProps) continue;
      const at = child(position, name);
      this.push(API_CHANGE.propertyAdded, at.path, position, { property: at.property, required: newRequired.has(name) }, { after: property });
    }
    // Requiredness of properties that exist on both sides (or are declared only in `required`).
    for (const name of newRequired) {
      if (oldRequired.has(name) || (name in newProps && !(name in oldProps))) continue;
      this.push(API_CHANGE.propertyMadeRequired, `${position.path}.required`, position, { property: child(position, name).property }, requiredValues);
    }
    for (const name of oldRequired) {
      if (newRequired.has(name) || (name in oldProps && !(name in newProps))) continue;
      this.push(API_CHANGE.propertyMadeOptional, `${position.path}.required`, position, { property: child(position, name).property }, requiredValues);
    }

    if (resolvedOld.items && resolvedNew.items) {
      this.schema(resolvedOld.items, resolvedNew.items, {
        ...position,
        path: `${position.path}.items`,
        property: `${position.property}[]`,
      });
    }
  }
}

/** Every difference between two loaded OpenAPI documents, operations first, then component schemas. */
export function diffApi(before: ApiModel, after: ApiModel): SchemaChange[] {
  return new ApiDiff(before, after).run();
}
