import { renderColumnType } from '../schema/column-type.js';
import type { DomainCheck, DomainType } from '../schema/model.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { quoteLiteral } from './literal.js';

export function domainName(domain: DomainType): string {
  return quoteQualifiedName(domain.schema, domain.name);
}

function alterDomain(domain: DomainType): string {
  return `ALTER DOMAIN ${domainName(domain)}`;
}

/**
 * CREATE DOMAIN with its validated checks inline; a check the schema keeps NOT VALID is added
 * after it, NOT VALID, so the catalog says what the schema says.
 */
export function createDomain(domain: DomainType): string[] {
  const clauses = [
    `CREATE DOMAIN ${domainName(domain)} AS ${renderColumnType(domain.type)}`,
    ...(domain.collation ? [`COLLATE ${domain.collation.split('.').map(quoteIdentifier).join('.')}`] : []),
    ...(domain.default !== null ? [`DEFAULT ${domain.default}`] : []),
    ...(domain.notNull ? ['NOT NULL'] : []),
    ...domain.checks.filter((c) => !c.notValid).map((c) => `CONSTRAINT ${quoteIdentifier(c.name)} CHECK (${c.expression})`),
  ];
  return [`${clauses.join(' ')};`, ...domain.checks.filter((c) => c.notValid).map((c) => addDomainCheck(domain, c))];
}

export function dropDomain(domain: DomainType): string {
  return `DROP DOMAIN IF EXISTS ${domainName(domain)};`;
}

/** ADD CONSTRAINT … NOT VALID checks new values only: no column of the domain is scanned. */
export function addDomainCheck(domain: DomainType, check: DomainCheck): string {
  return `${alterDomain(domain)} ADD CONSTRAINT ${quoteIdentifier(check.name)} CHECK (${check.expression}) NOT VALID;`;
}

/** VALIDATE CONSTRAINT reads every column of the domain, in every table that has one. */
export function validateDomainCheck(domain: DomainType, check: DomainCheck): string {
  return `${alterDomain(domain)} VALIDATE CONSTRAINT ${quoteIdentifier(check.name)};`;
}

/** Added NOT VALID, then validated unless the schema keeps it NOT VALID. */
export function addDomainCheckAsDeclared(domain: DomainType, check: DomainCheck): string[] {
  return [
    addDomainCheck(domain, check),
    check.notValid
      ? `-- ${quoteIdentifier(check.name)} stays NOT VALID, as the schema has it: values already stored are not checked.`
      : validateDomainCheck(domain, check),
  ];
}

export function dropDomainCheck(domain: DomainType, check: DomainCheck): string {
  return `${alterDomain(domain)} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(check.name)};`;
}

export function setDomainDefault(domain: DomainType): string {
  return domain.default === null ? `${alterDomain(domain)} DROP DEFAULT;` : `${alterDomain(domain)} SET DEFAULT ${domain.default};`;
}

export function setDomainNotNull(domain: DomainType): string {
  return `${alterDomain(domain)} ${domain.notNull ? 'SET' : 'DROP'} NOT NULL;`;
}

/** The domain's checks and their validity, as the catalog holds them. */
export function domainChecksQuery(domain: DomainType): string {
  return `SELECT conname, convalidated FROM pg_constraint WHERE contypid = to_regtype(${quoteLiteral(domainName(domain))}) ORDER BY conname;`;
}

export function domainQuery(domain: DomainType): string {
  return `SELECT typname, typnotnull, typdefault FROM pg_type WHERE oid = to_regtype(${quoteLiteral(domainName(domain))});`;
}
