import type { AlterDomainStmt, Constraint, CreateDomainStmt, Node } from 'libpg-query';
import type { DomainType } from '../../schema/model.js';
import { objectIdentity } from '../../schema/qualified-name.js';
import { canonicalTree } from './canonical-tree.js';
import { expressionText } from './expression-text.js';
import { nodeAs, qualifiedNameOf, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import { columnTypeOf } from './type-name.js';

/** The name PostgreSQL gives an unnamed domain CHECK: `<domain>_check`, then `<domain>_check1`, … (ChooseConstraintName). */
function generatedCheckName(domain: DomainType): string {
  const taken = new Set(domain.checks.map((c) => c.name));
  for (let n = 0; ; n++) {
    const name = `${domain.name}_check${n === 0 ? '' : n}`;
    if (!taken.has(name)) return name;
  }
}

function addCheck(builder: SchemaBuilder, domain: DomainType, constraint: Constraint, notValid: boolean): void {
  const name = constraint.conname ?? generatedCheckName(domain);
  domain.checks = domain.checks.filter((c) => c.name !== name);
  domain.checks.push({
    name,
    expression: expressionText(constraint.raw_expr, builder.nodeText),
    canonical: canonicalTree(constraint.raw_expr),
    ...(notValid ? { notValid: true } : {}),
    line: builder.lineOf(constraint.location),
  });
}

function setDefault(builder: SchemaBuilder, domain: DomainType, expression: Node | undefined): void {
  if (!expression) {
    domain.default = null;
    delete domain.defaultCanonical;
    return;
  }
  domain.default = expressionText(expression, builder.nodeText);
  domain.defaultCanonical = canonicalTree(expression);
}

/** CREATE DOMAIN: base type, collation, and the inline DEFAULT, NOT NULL and CHECK clauses. */
export function createDomain(builder: SchemaBuilder, statement: CreateDomainStmt): void {
  const name = qualifiedNameOf(stringsOf(statement.domainname));
  const collation = stringsOf(statement.collClause?.collname);
  const domain: DomainType = {
    ...name,
    key: builder.key(name),
    type: columnTypeOf(statement.typeName).type,
    // pg_catalog."C" and "C" are one collation; a schema of its own is kept.
    collation: collation.length ? (collation[0] === 'pg_catalog' ? collation.slice(1) : collation).join('.') : null,
    default: null,
    notNull: false,
    checks: [],
    line: builder.statementLine,
  };
  for (const node of statement.constraints ?? []) {
    const constraint = nodeAs(node, 'Constraint');
    if (constraint?.contype === 'CONSTR_DEFAULT') setDefault(builder, domain, constraint.raw_expr);
    else if (constraint?.contype === 'CONSTR_NOTNULL') domain.notNull = true;
    else if (constraint?.contype === 'CONSTR_NULL') domain.notNull = false;
    // CREATE DOMAIN accepts NOT VALID and validates anyway: there are no columns of it yet.
    else if (constraint?.contype === 'CONSTR_CHECK') addCheck(builder, domain, constraint, false);
  }
  builder.upsert((builder.model.domains ??= []), domain);
}

/** ALTER DOMAIN … SET/DROP DEFAULT, SET/DROP NOT NULL, ADD/DROP/VALIDATE CONSTRAINT. */
export function alterDomain(builder: SchemaBuilder, statement: AlterDomainStmt): void {
  const identity = objectIdentity(qualifiedNameOf(stringsOf(statement.typeName)));
  const domain = (builder.model.domains ?? []).find((d) => objectIdentity(d) === identity);
  if (!domain) return;
  switch (statement.subtype) {
    case 'T':
      return setDefault(builder, domain, statement.def);
    case 'O':
      domain.notNull = true;
      return;
    case 'N':
      domain.notNull = false;
      return;
    case 'C': {
      const constraint = nodeAs(statement.def, 'Constraint');
      if (constraint?.contype === 'CONSTR_CHECK') addCheck(builder, domain, constraint, constraint.skip_validation === true);
      else if (constraint?.contype === 'CONSTR_NOTNULL') domain.notNull = true;
      return;
    }
    case 'X':
      domain.checks = domain.checks.filter((c) => c.name !== statement.name);
      return;
    case 'V':
      for (const check of domain.checks) if (check.name === statement.name) delete check.notValid;
      return;
    default:
      return;
  }
}
