import type { SchemaChange } from '@migration-architect/core';
import { describeLocation, type Located } from '../document/document-set.js';
import type { ApiModel, ApiOperation, ApiParameter, ApiRequestBody, ApiResponse, Direction, MediaEntry, SecurityAlternative } from '../model/api-model.js';
import { attribute, newEntry, type SchemaChangeRecord, type SchemaScope } from '../schema/schema-change-record.js';
import { SchemaComparer } from '../schema/schema-comparison.js';
import type { ApiChangeDetails } from './change-details.js';
import { LineLocator } from './line-locator.js';
import type { DeprecationPolicy } from '../../options.js';
import { beforeSunset, DEFAULT_DEPRECATION_POLICY, judgeSunset } from '../lifecycle/deprecation-policy.js';
import { isStabilityLevel, STABILITY_LEVELS } from '../lifecycle/stability-level.js';

/** What the diff needs beyond the two models: the check's clock and the deprecation policy. */
export interface ApiDiffOptions {
  /** "Now" for sunset dates; without it no date is judged. */
  now?: Date | undefined;
  policy?: DeprecationPolicy | undefined;
}

const STABILITY: readonly string[] = STABILITY_LEVELS;
const UNSTABLE = new Set(['draft', 'alpha']);

const isSuccess = (status: string) => /^2/.test(status);

/** Bodies whose scalars travel as text: XML, forms, plain text. */
const isTextual = (mediaType: string) =>
  /^(application|text)\/(.+\+)?xml$|^application\/x-www-form-urlencoded$|^multipart\/form-data$|^text\/plain$/.test(mediaType);

/** The range of `content` that covers a media type: `application/*` or `*\/*`. */
function coveringRange(mediaType: string, content: Map<string, MediaEntry>): MediaEntry | undefined {
  return content.get(`${mediaType.split('/')[0]}/*`) ?? content.get('*/*');
}

function alternativeKey(alternative: SecurityAlternative): string {
  return [...alternative.keys()].sort().join(' + ') || '(none)';
}

/**
 * Compares two API models operation by operation. Operation-level differences become changes
 * directly; schema differences come from the SchemaComparer as records shared by the operations
 * that reach them, and become one change each with those operations listed.
 */
class ApiDiff {
  private readonly changes: SchemaChange[] = [];
  private readonly comparer: SchemaComparer;
  private readonly lines: LineLocator;
  private readonly records = new Set<SchemaChangeRecord>();
  private readonly unstableOperations = new Set<string>();

  private readonly now: Date | undefined;
  private readonly policy: DeprecationPolicy;

  constructor(
    private readonly before: ApiModel,
    private readonly after: ApiModel,
    options: ApiDiffOptions = {},
  ) {
    this.now = options.now;
    this.policy = options.policy ?? DEFAULT_DEPRECATION_POLICY;
    this.comparer = new SchemaComparer(before.documents, after.documents);
    this.lines = new LineLocator({ before: before.documents.root, after: after.documents.root });
  }

  private where(at: Located, side: 'before' | 'after'): string {
    return describeLocation(at, (side === 'before' ? this.before : this.after).documents.root);
  }

  private push(
    kind: string,
    at: Located,
    side: 'before' | 'after',
    subject: string,
    operations: string[],
    values: { before?: unknown; after?: unknown },
    extra: Record<string, unknown> = {},
  ): void {
    const details: ApiChangeDetails = { operations, unstable: operations.length > 0 && operations.every((o) => this.unstableOperations.has(o)), ...extra };
    const change: SchemaChange = { kind, path: this.where(at, side), subject, ...values, details };
    this.changes.push(change);
    this.lines.add(change, at, side);
  }

  run(): SchemaChange[] {
    for (const operation of this.before.operations.values()) {
      if (UNSTABLE.has(operation.lifecycle.stability ?? '')) this.unstableOperations.add(operation.label);
    }
    for (const [key, old] of this.before.operations) {
      const next = this.after.operations.get(key);
      if (next) this.operation(old, next);
      else this.removed(old);
    }
    for (const [key, next] of this.after.operations) {
      if (this.before.operations.has(key)) continue;
      const kind = next.callback ? 'callback.added' : next.webhook ? 'webhook.added' : 'endpoint.added';
      this.push(
        kind,
        next.at,
        'after',
        next.label,
        [next.label],
        { after: next.operationId ?? next.label },
        { pathAdded: !next.webhook && !this.before.paths.has(key.slice(key.indexOf(' ') + 1)) },
      );
      this.lifecycleLint(undefined, next);
    }
    this.securitySchemes();
    this.schemas();
    for (const record of this.uniqueRecords()) this.recordChange(record);
    this.lines.apply();
    return this.changes;
  }

  private removed(old: ApiOperation): void {
    if (old.callback) {
      this.push(
        'callback.removed',
        old.at,
        'before',
        old.label,
        [old.label, old.callback.of],
        { before: old.operationId ?? old.label },
        { callback: old.callback.name },
      );
      return;
    }
    if (old.webhook) {
      this.push('webhook.removed', old.at, 'before', old.label, [old.label], { before: old.operationId ?? old.label });
      return;
    }
    const pathRemoved = !this.after.paths.has(old.key.slice(old.key.indexOf(' ') + 1));
    this.push(
      'endpoint.removed',
      old.at,
      'before',
      old.label,
      [old.label],
      { before: old.operationId ?? old.label },
      {
        pathRemoved,
        deprecated: old.lifecycle.deprecated,
        sunset: old.lifecycle.sunset,
        beforeSunset: old.lifecycle.deprecated && beforeSunset(old.lifecycle, this.now),
        now: this.now?.toISOString().slice(0, 10),
      },
    );
  }

  /** Compares two schemas at one place of an operation and attributes what differs to it. */
  private compareSchemas(
    a: Located | undefined,
    b: Located | undefined,
    direction: Direction,
    scope: SchemaScope,
    subject: string,
    operation: string,
    textual = false,
  ): void {
    if (!a && !b) return;
    const entry = newEntry();
    this.comparer.compare(a, b, { direction, scope, subject, entry, depth: 0, textual });
    attribute(entry, operation);
    const stack = [entry];
    const seen = new Set([entry]);
    while (stack.length) {
      const current = stack.pop()!;
      for (const record of current.records) this.records.add(record);
      for (const child of current.children) if (!seen.has(child)) seen.add(child), stack.push(child);
    }
  }

  private operation(old: ApiOperation, next: ApiOperation): void {
    const label = next.label;
    const ops = [label];
    const a = old.lifecycle;
    const b = next.lifecycle;
    if (!a.deprecated && b.deprecated) {
      const verdict = judgeSunset(b, this.policy, this.now);
      this.push('endpoint.deprecated', next.at, 'after', label, ops, { before: false, after: true }, { sunset: b.sunset, ...verdict });
    }
    if (a.deprecated && !b.deprecated) this.push('endpoint.reactivated', next.at, 'after', label, ops, { before: true, after: false });
    if (a.sunset && b.sunset && a.sunset !== b.sunset && a.sunsetDate?.ok && b.sunsetDate?.ok) {
      const earlier = b.sunsetDate.date.getTime() < a.sunsetDate.date.getTime();
      const verdict = judgeSunset(b, this.policy, this.now);
      this.push('endpoint.sunset-changed', next.at, 'after', label, ops, { before: a.sunset, after: b.sunset }, { earlier, ...verdict });
    }
    if (a.deprecated && b.deprecated && a.sunset && !b.sunset)
      this.push('endpoint.sunset-deleted', next.at, 'after', label, ops, { before: a.sunset, after: null });
    this.lifecycleLint(old, next);
    const rankA = STABILITY.indexOf(a.stability ?? 'stable');
    const rankB = STABILITY.indexOf(b.stability ?? 'stable');
    if (rankA !== -1 && rankB !== -1 && rankA !== rankB) {
      this.push(rankB < rankA ? 'endpoint.stability-decreased' : 'endpoint.stability-increased', next.at, 'after', label, ops, {
        before: a.stability ?? 'stable',
        after: b.stability ?? 'stable',
      });
    }
    if (old.operationId !== next.operationId)
      this.push('endpoint.operation-id-changed', next.at, 'after', label, ops, { before: old.operationId ?? null, after: next.operationId ?? null });
    for (const tag of next.tags) if (!old.tags.includes(tag)) this.push('endpoint.tag-added', next.at, 'after', label, ops, { after: tag });
    for (const tag of old.tags) if (!next.tags.includes(tag)) this.push('endpoint.tag-removed', next.at, 'after', label, ops, { before: tag });

    this.parameters(old, next);
    // Webhooks run the other way: the API sends the request and the subscriber answers.
    const flip = next.webhook;
    this.requestBody(old.requestBody, next.requestBody, label, flip ? 'response' : 'request');
    if (!flip) this.responses(old, next);
    this.security(old, next);
  }

  /** A sunset that does not read as a date, an `x-stability-level` that is no level: reported when new in this version. */
  private lifecycleLint(old: ApiOperation | undefined, next: ApiOperation): void {
    const label = next.label;
    const a = old?.lifecycle;
    const b = next.lifecycle;
    if (b.sunsetDate && !b.sunsetDate.ok && a?.sunset !== b.sunset)
      this.push('endpoint.sunset-invalid', next.at, 'after', label, [label], { before: a?.sunset ?? null, after: b.sunset ?? null });
    const raw = b.stabilityRaw;
    if (raw !== undefined && !isStabilityLevel(raw) && JSON.stringify(a?.stabilityRaw) !== JSON.stringify(raw))
      this.push('endpoint.stability-invalid', next.at, 'after', label, [label], {
        before: (a?.stabilityRaw as string | undefined) ?? null,
        after: JSON.stringify(raw),
      });
  }

  private parameters(old: ApiOperation, next: ApiOperation): void {
    const label = next.label;
    const ops = [label];
    const describe = (p: ApiParameter) => `${label} ${p.in} parameter ${p.name}`;
    const removed = [...old.parameters.values()].filter((p) => !next.parameters.has(p.key));
    const added = [...next.parameters.values()].filter((p) => !old.parameters.has(p.key));
    for (const p of removed) {
      const moved = added.find((q) => q.name.toLowerCase() === p.name.toLowerCase());
      if (moved) {
        added.splice(added.indexOf(moved), 1);
        this.push(
          'parameter.moved',
          moved.at,
          'after',
          describe(moved),
          ops,
          { before: p.in, after: moved.in },
          { name: p.name, from: p.in, to: moved.in, required: moved.required },
        );
        continue;
      }
      this.push(
        'parameter.removed',
        p.at,
        'before',
        describe(p),
        ops,
        { before: p.name },
        {
          name: p.name,
          in: p.in,
          required: p.required,
          deprecated: p.deprecated,
          sunset: p.sunsetDate?.text,
          beforeSunset: p.deprecated && beforeSunset(p, this.now),
          now: this.now?.toISOString().slice(0, 10),
        },
      );
    }
    for (const p of added) this.push('parameter.added', p.at, 'after', describe(p), ops, { after: p.name }, { name: p.name, in: p.in, required: p.required });
    for (const [key, p] of old.parameters) {
      const q = next.parameters.get(key);
      if (!q) continue;
      const subject = describe(q);
      const common = { name: q.name, in: q.in };
      if (!p.required && q.required) this.push('parameter.became-required', q.at, 'after', subject, ops, { before: false, after: true }, common);
      if (p.required && !q.required) this.push('parameter.became-optional', q.at, 'after', subject, ops, { before: true, after: false }, common);
      if (!p.deprecated && q.deprecated) this.push('parameter.deprecated', q.at, 'after', subject, ops, { before: false, after: true }, common);
      if (p.deprecated && !q.deprecated) this.push('parameter.reactivated', q.at, 'after', subject, ops, { before: true, after: false }, common);
      if ((p.style ?? null) !== (q.style ?? null) || (p.explode ?? null) !== (q.explode ?? null)) {
        this.push(
          'parameter.style-changed',
          q.at,
          'after',
          subject,
          ops,
          { before: { style: p.style ?? null, explode: p.explode ?? null }, after: { style: q.style ?? null, explode: q.explode ?? null } },
          common,
        );
      }
      this.compareSchemas(p.schema, q.schema, 'request', 'parameter', q.name, label);
    }
  }

  private requestBody(a: ApiRequestBody | undefined, b: ApiRequestBody | undefined, label: string, direction: Direction): void {
    const ops = [label];
    const subject = `${label} request body`;
    if (!a && !b) return;
    if (!a) {
      this.push('request-body.added', b!.at, 'after', subject, ops, { after: [...b!.content.keys()] }, { required: b!.required });
      return;
    }
    if (!b) {
      this.push('request-body.removed', a.at, 'before', subject, ops, { before: [...a.content.keys()] });
      return;
    }
    if (!a.required && b.required) this.push('request-body.became-required', b.at, 'after', subject, ops, { before: false, after: true });
    if (a.required && !b.required) this.push('request-body.became-optional', b.at, 'after', subject, ops, { before: true, after: false });
    this.content(a.content, b.content, 'request-body', subject, label, direction, 'request body', true, b.at);
  }

  private content(
    a: Map<string, MediaEntry>,
    b: Map<string, MediaEntry>,
    kind: string,
    subject: string,
    label: string,
    direction: Direction,
    what: string,
    success: boolean,
    container: Located,
  ): void {
    const ops = [label];
    // A request media type replaced by a range that covers it (`application/*`, `*/*`) is still accepted.
    const covering = (mediaType: string) => (direction === 'request' && kind === 'request-body' ? coveringRange(mediaType, b) : undefined);
    for (const [mediaType, entry] of a) {
      if (!b.has(mediaType) && !covering(mediaType))
        this.push(`${kind}.media-type-removed`, entry.at, 'before', `${subject} (${mediaType})`, ops, { before: mediaType }, { mediaType, success });
    }
    for (const [mediaType, entry] of b) {
      if (!a.has(mediaType))
        this.push(`${kind}.media-type-added`, entry.at ?? container, 'after', `${subject} (${mediaType})`, ops, { after: mediaType }, { mediaType, success });
    }
    for (const [mediaType, entry] of a) {
      const counterpart = b.get(mediaType) ?? covering(mediaType);
      // JSON bodies are the common case: name them plainly, others with their media type.
      if (counterpart)
        this.compareSchemas(
          entry.schema,
          counterpart.schema,
          direction,
          'property',
          mediaType === 'application/json' ? what : `${what} (${mediaType})`,
          label,
          isTextual(mediaType),
        );
    }
  }

  private responses(old: ApiOperation, next: ApiOperation): void {
    const label = next.label;
    const ops = [label];
    for (const [status, response] of old.responses) {
      const counterpart = next.responses.get(status);
      const subject = `${label} response ${status}`;
      if (!counterpart) {
        this.push('response.status-removed', response.at, 'before', subject, ops, { before: status }, { status, success: isSuccess(status) });
        continue;
      }
      this.content(response.content, counterpart.content, 'response', subject, label, 'response', `response ${status}`, isSuccess(status), counterpart.at);
      this.headers(response, counterpart, subject, label);
      this.links(response, counterpart, subject, label);
    }
    for (const [status, response] of next.responses) {
      if (!old.responses.has(status))
        this.push('response.status-added', response.at, 'after', `${label} response ${status}`, ops, { after: status }, { status, success: isSuccess(status) });
    }
  }

  /** Response links: where a client may go next with values from this response. */
  private links(a: ApiResponse, b: ApiResponse, subject: string, label: string): void {
    const ops = [label];
    for (const [name, link] of a.links) {
      const next = b.links.get(name);
      const what = `${subject} link ${name}`;
      if (!next) this.push('response.link-removed', link.at, 'before', what, ops, { before: link.target }, { link: name });
      else if (next.target !== link.target || next.parameters !== link.parameters)
        this.push(
          'response.link-changed',
          next.at,
          'after',
          what,
          ops,
          { before: link.target, after: next.target },
          { link: name, parametersChanged: next.parameters !== link.parameters },
        );
    }
    for (const [name, link] of b.links)
      if (!a.links.has(name)) this.push('response.link-added', link.at, 'after', `${subject} link ${name}`, ops, { after: link.target }, { link: name });
  }

  private headers(a: ApiResponse, b: ApiResponse, subject: string, label: string): void {
    const ops = [label];
    for (const [key, header] of a.headers) {
      const counterpart = b.headers.get(key);
      const name = `${subject} header ${header.name}`;
      if (!counterpart) {
        this.push('response.header-removed', header.at, 'before', name, ops, { before: header.name }, { header: header.name, required: header.required });
        continue;
      }
      if (header.required && !counterpart.required)
        this.push('response.header-became-optional', counterpart.at, 'after', name, ops, { before: true, after: false }, { header: header.name });
      if (!header.required && counterpart.required)
        this.push('response.header-became-required', counterpart.at, 'after', name, ops, { before: false, after: true }, { header: header.name });
      this.compareSchemas(header.schema, counterpart.schema, 'response', 'header', `response ${a.status} header ${counterpart.name}`, label);
    }
    for (const [key, header] of b.headers) {
      if (!a.headers.has(key))
        this.push(
          'response.header-added',
          header.at,
          'after',
          `${subject} header ${header.name}`,
          ops,
          { after: header.name },
          { header: header.name, required: header.required },
        );
    }
  }

  private security(old: ApiOperation, next: ApiOperation): void {
    const label = next.label;
    const ops = [label];
    const a = old.security ?? [];
    const b = next.security ?? [];
    const open = (list: SecurityAlternative[]) => list.length === 0 || list.some((alt) => alt.size === 0);
    const before = new Map(a.map((alt) => [alternativeKey(alt), alt]));
    const after = new Map(b.map((alt) => [alternativeKey(alt), alt]));
    for (const [key, alt] of after) {
      if (alt.size === 0) continue;
      const previous = before.get(key);
      if (!previous) {
        this.push('security.added', next.at, 'after', `${label} security ${key}`, ops, { after: key }, { requirement: key, wasOpen: open(a) });
        continue;
      }
      for (const [scheme, scopes] of alt) {
        const had = previous.get(scheme) ?? [];
        const more = scopes.filter((s) => !had.includes(s));
        const fewer = had.filter((s) => !scopes.includes(s));
        if (more.length) this.push('security.scope-added', next.at, 'after', `${label} security ${scheme}`, ops, { after: more }, { scheme, scopes: more });
        if (fewer.length)
          this.push('security.scope-removed', next.at, 'after', `${label} security ${scheme}`, ops, { before: fewer }, { scheme, scopes: fewer });
      }
    }
    for (const [key, alt] of before) {
      if (alt.size === 0 || after.has(key)) continue;
      this.push('security.removed', next.at, 'after', `${label} security ${key}`, ops, { before: key }, { requirement: key, nowOpen: open(b) });
    }
  }

  private securitySchemes(): void {
    const a = this.before.securitySchemes;
    const b = this.after.securitySchemes;
    for (const [name, scheme] of a) {
      const next = b.get(name);
      const subject = `security scheme ${name}`;
      if (!next) {
        this.push('security-scheme.removed', scheme.at, 'before', subject, [], { before: scheme.type }, { scheme: name });
        continue;
      }
      if (scheme.type !== next.type) {
        this.push('security-scheme.type-changed', next.at, 'after', subject, [], { before: scheme.type, after: next.type }, { scheme: name });
        continue;
      }
      for (const [flowName, flow] of scheme.flows) {
        const other = next.flows.get(flowName);
        if (!other) continue;
        if (flow.authorizationUrl !== other.authorizationUrl || flow.tokenUrl !== other.tokenUrl) {
          this.push(
            'security-scheme.oauth-url-changed',
            next.at,
            'after',
            `${subject} flow ${flowName}`,
            [],
            {
              before: { authorizationUrl: flow.authorizationUrl ?? null, tokenUrl: flow.tokenUrl ?? null },
              after: { authorizationUrl: other.authorizationUrl ?? null, tokenUrl: other.tokenUrl ?? null },
            },
            { scheme: name, flow: flowName },
          );
        }
        const removed = flow.scopes.filter((s) => !other.scopes.includes(s));
        const added = other.scopes.filter((s) => !flow.scopes.includes(s));
        if (removed.length)
          this.push(
            'security-scheme.oauth-scope-removed',
            next.at,
            'after',
            `${subject} flow ${flowName}`,
            [],
            { before: removed },
            { scheme: name, flow: flowName, scopes: removed },
          );
        if (added.length)
          this.push(
            'security-scheme.oauth-scope-added',
            next.at,
            'after',
            `${subject} flow ${flowName}`,
            [],
            { after: added },
            { scheme: name, flow: flowName, scopes: added },
          );
      }
    }
    for (const [name, scheme] of b)
      if (!a.has(name)) this.push('security-scheme.added', scheme.at, 'after', `security scheme ${name}`, [], { after: scheme.type }, { scheme: name });
  }

  private schemas(): void {
    for (const [name, at] of this.before.schemas)
      if (!this.after.schemas.has(name)) this.push('schema.removed', at, 'before', name, [], { before: name }, { schema: name });
    for (const [name, at] of this.after.schemas)
      if (!this.before.schemas.has(name)) this.push('schema.added', at, 'after', name, [], { after: name }, { schema: name });
  }

  /**
   * One finding per difference: the same change at the same place (a shared schema reached through
   * inline wrappers such as `anyOf: [{$ref}, {type: null}]`, or through a JSON and a form body) is
   * reported once, with every operation it reaches.
   */
  private uniqueRecords(): SchemaChangeRecord[] {
    const byPlace = new Map<string, SchemaChangeRecord>();
    for (const record of this.records) {
      const key = `${record.kind}|${record.side}|${record.at.doc.uri}|${record.at.path.pointer()}|${JSON.stringify(record.before)}|${JSON.stringify(record.after)}`;
      const first = byPlace.get(key);
      if (!first) byPlace.set(key, record);
      else for (const operation of record.operations) first.operations.add(operation);
    }
    return [...byPlace.values()];
  }

  private recordChange(record: SchemaChangeRecord): void {
    const operations = [...record.operations].sort();
    this.push(
      record.kind,
      record.at,
      record.side,
      record.subject,
      operations,
      { before: record.before, after: record.after },
      { ...record.extra, direction: record.direction, scope: record.scope },
    );
  }
}

export function diffApi(before: ApiModel, after: ApiModel, options: ApiDiffOptions = {}): SchemaChange[] {
  return new ApiDiff(before, after, options).run();
}
