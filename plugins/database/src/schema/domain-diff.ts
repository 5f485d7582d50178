import { formatPath } from '@migration-architect/core';
import { normalizeExpression } from '../sql/expression.js';
import { change, type DatabaseChange } from './changes.js';
import { describeColumnType } from './column-type.js';
import type { DomainCheck, DomainType } from './model.js';
import { objectIdentity } from './qualified-name.js';

/** The domain as reports show it. */
export function domainValue(domain: DomainType) {
  return {
    type: describeColumnType(domain.type),
    ...(domain.collation ? { collation: domain.collation } : {}),
    default: domain.default,
    not_null: domain.notNull,
    checks: domain.checks.map((c) => `${c.name}: ${c.expression}${c.notValid ? ' NOT VALID' : ''}`),
  };
}

const sameExpression = (a: DomainCheck, b: DomainCheck) =>
  a.canonical !== undefined && b.canonical !== undefined
    ? a.canonical === b.canonical
    : normalizeExpression(a.expression) === normalizeExpression(b.expression);

function sameDefault(a: DomainType, b: DomainType): boolean {
  if (a.default === null || b.default === null) return a.default === b.default;
  return a.defaultCanonical !== undefined && b.defaultCanonical !== undefined
    ? a.defaultCanonical === b.defaultCanonical
    : normalizeExpression(a.default) === normalizeExpression(b.default);
}

/**
 * Domains are matched by qualified name, their CHECK constraints by name (PostgreSQL names every
 * one). Each difference is its own change, as each is its own ALTER DOMAIN with its own cost: a
 * new validated CHECK or NOT NULL scans every column of the domain, a NOT VALID one does not.
 */
export function diffDomains(before: readonly DomainType[], after: readonly DomainType[]): DatabaseChange[] {
  const afterById = new Map(after.map((d) => [objectIdentity(d), d]));
  const beforeById = new Map(before.map((d) => [objectIdentity(d), d]));
  const path = (d: DomainType) => formatPath(['domains', d.key]);
  const out: DatabaseChange[] = [
    ...before.filter((d) => !afterById.has(objectIdentity(d))).map((d) => change('domain.removed', path(d), d.key, { before: domainValue(d) }, { domain: d })),
    ...after.filter((d) => !beforeById.has(objectIdentity(d))).map((d) => change('domain.added', path(d), d.key, { after: domainValue(d) }, { domain: d })),
  ];
  for (const old of before) {
    const next = afterById.get(objectIdentity(old));
    if (!next) continue;
    const pair = { before: old, after: next };
    if (describeColumnType(old.type) !== describeColumnType(next.type) || (old.collation ?? null) !== (next.collation ?? null)) {
      out.push(
        change(
          'domain.type_changed',
          path(next),
          next.key,
          {
            before: { type: describeColumnType(old.type), collation: old.collation },
            after: { type: describeColumnType(next.type), collation: next.collation },
          },
          pair,
        ),
      );
    }
    if (!sameDefault(old, next)) out.push(change('domain.default_changed', path(next), next.key, { before: old.default, after: next.default }, pair));
    if (old.notNull !== next.notNull) out.push(change('domain.nullability_changed', path(next), next.key, { before: old.notNull, after: next.notNull }, pair));
    for (const check of old.checks) {
      const kept = next.checks.find((c) => c.name === check.name);
      const value = { before: check.expression };
      if (!kept || !sameExpression(check, kept) || (!check.notValid && kept.notValid))
        out.push(change('domain.constraint_removed', path(next), next.key, value, { ...pair, check }));
    }
    for (const check of next.checks) {
      const kept = old.checks.find((c) => c.name === check.name);
      const value = { after: `${check.expression}${check.notValid ? ' NOT VALID' : ''}` };
      if (!kept || !sameExpression(kept, check) || (!kept.notValid && check.notValid))
        out.push(change('domain.constraint_added', path(next), next.key, value, { ...pair, check }));
      else if (kept.notValid && !check.notValid) out.push(change('domain.constraint_validated', path(next), next.key, value, { ...pair, check }));
    }
  }
  return out;
}
