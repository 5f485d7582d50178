import { describeColumnType } from '../schema/column-type.js';
import type { DomainType } from '../schema/model.js';
import {
  addDomainCheck,
  addDomainCheckAsDeclared,
  createDomain,
  domainChecksQuery,
  domainName,
  domainQuery,
  dropDomain,
  dropDomainCheck,
  setDomainDefault,
  setDomainNotNull,
  validateDomainCheck,
} from '../sql/domain-ddl.js';
import { quoteLiteral } from '../sql/literal.js';
import { defineDatabaseRule } from './database-rule.js';
import { sqlScript } from './migration-script.js';

const typeText = (domain: DomainType) => `${describeColumnType(domain.type)}${domain.collation ? ` COLLATE ${domain.collation}` : ''}`;

/** ALTER DOMAIN locks every table with a column of the domain while it checks them: a lock_timeout applies. */
const SCANS_COLUMNS = 'PostgreSQL checks every column of the domain, in every table that has one, while holding a SHARE lock on those tables';

export const domainRemoved = defineDatabaseRule({
  id: 'domain-removed',
  code: 'DB124',
  issueType: 'domain_removed',
  change: 'domain.removed',
  severity: 'breaking',
  title: 'Domain removed',
  description: 'Casts to the domain and functions that take it fail, and DROP DOMAIN fails while a column still has it.',
  safeAlternative: 'Move every column off the domain (to its base type, with the checks on the table), then drop it in a later release.',
  classify: ({ details: { domain } }) => ({
    description: `Domain '${domain.key}' (${typeText(domain)}) has been removed`,
    impact: `Casts to ${domain.key} and columns of that type stop working`,
    suggestedMigration: 'Move columns off the domain first; drop it once nothing uses it',
    affectedOperations: ['SELECT', 'INSERT', 'UPDATE'],
    script: sqlScript({
      description: `Drop domain ${domain.key}`,
      statements: [dropDomain(domain)],
      rollback: createDomain(domain),
      validation: `SELECT to_regtype(${quoteLiteral(domainName(domain))}) IS NOT NULL AS still_present;`,
      lockTimeout: false,
    }),
  }),
});

export const domainAdded = defineDatabaseRule({
  id: 'domain-added',
  code: 'DB419',
  issueType: 'domain_added',
  change: 'domain.added',
  severity: 'additive',
  title: 'Domain added',
  description: 'A new type changes nothing for existing clients.',
  safeAlternative: 'Create it before the columns and functions that use it.',
  classify: ({ details: { domain } }) => ({
    description: `New domain '${domain.key}' (${typeText(domain)})`,
    impact: 'None for existing clients',
    suggestedMigration: 'Create the domain before the columns that use it',
    affectedOperations: [],
    script: sqlScript({
      description: `Create domain ${domain.key}`,
      statements: createDomain(domain),
      rollback: [dropDomain(domain)],
      validation: domainQuery(domain),
      lockTimeout: false,
    }),
  }),
});

export const domainTypeChanged = defineDatabaseRule({
  id: 'domain-type-changed',
  code: 'DB125',
  issueType: 'domain_type_changed',
  change: 'domain.type_changed',
  severity: 'breaking',
  title: 'Domain base type changed',
  description: "ALTER DOMAIN cannot change a domain's base type or collation: every column of the domain has to move to a new domain, rewriting its table.",
  safeAlternative: 'Create a new domain, move columns to it one table at a time (ALTER COLUMN … TYPE), then drop the old one.',
  classify: ({ details: { before, after } }) => ({
    description: `Domain '${after.key}' changed from ${typeText(before)} to ${typeText(after)}`,
    impact: 'Every column of the domain must be converted, with a table rewrite each',
    suggestedMigration: 'Create a new domain and convert columns to it, then drop the old domain',
    affectedOperations: ['SELECT', 'INSERT', 'UPDATE'],
  }),
});

export const domainDefaultChanged = defineDatabaseRule({
  id: 'domain-default-changed',
  code: 'DB506',
  issueType: 'domain_default_changed',
  change: 'domain.default_changed',
  severity: 'non_breaking',
  title: 'Domain default changed',
  description: 'Columns of the domain without a default of their own take the new default on later INSERTs; stored rows keep their values.',
  safeAlternative: 'Make sure writers that omit the column expect the new value.',
  classify: ({ details: { before, after } }) => ({
    description: `Default of domain '${after.key}' changed from ${before.default ?? 'none'} to ${after.default ?? 'none'}`,
    impact: 'INSERTs that omit a column of the domain store the new default',
    suggestedMigration: setDomainDefault(after),
    affectedOperations: ['INSERT'],
    script: sqlScript({
      description: `Change default of domain ${after.key}`,
      statements: [setDomainDefault(after)],
      rollback: [setDomainDefault(before)],
      validation: domainQuery(after),
      lockTimeout: false,
    }),
  }),
});

export const domainNotNullAdded = defineDatabaseRule({
  id: 'domain-not-null-added',
  code: 'DB217',
  issueType: 'domain_not_null_added',
  change: 'domain.nullability_changed',
  when: (change) => change.details.after.notNull,
  severity: 'potentially_breaking',
  title: 'Domain made NOT NULL',
  description: `SET NOT NULL fails if any column of the domain holds a NULL; ${SCANS_COLUMNS}. Afterwards writes of NULL fail.`,
  safeAlternative: 'Fill NULLs in every column of the domain first, or add a CHECK (VALUE IS NOT NULL) NOT VALID and validate it later.',
  classify: ({ details: { before, after } }) => ({
    description: `Domain '${after.key}' made NOT NULL`,
    impact: 'Writes of NULL to any column of the domain fail; the change fails while one holds a NULL',
    suggestedMigration: 'Update NULLs in columns of the domain, then SET NOT NULL',
    affectedOperations: ['INSERT', 'UPDATE'],
    script: sqlScript({
      description: `Make domain ${after.key} NOT NULL`,
      statements: [setDomainNotNull(after)],
      rollback: [setDomainNotNull(before)],
      validation: domainQuery(after),
    }),
  }),
});

export const domainNotNullDropped = defineDatabaseRule({
  id: 'domain-not-null-dropped',
  code: 'DB420',
  issueType: 'domain_not_null_dropped',
  change: 'domain.nullability_changed',
  severity: 'non_breaking',
  title: 'Domain NOT NULL dropped',
  description: 'Writes of NULL that were rejected are accepted; readers may meet NULLs in columns of the domain.',
  safeAlternative: 'Make sure readers handle NULL before dropping it.',
  classify: ({ details: { before, after } }) => ({
    description: `Domain '${after.key}' accepts NULL`,
    impact: 'Columns of the domain may hold NULL from now on',
    suggestedMigration: setDomainNotNull(after),
    affectedOperations: ['SELECT'],
    script: sqlScript({
      description: `Drop NOT NULL of domain ${after.key}`,
      statements: [setDomainNotNull(after)],
      rollback: [setDomainNotNull(before)],
      validation: domainQuery(after),
      lockTimeout: false,
    }),
  }),
});

export const domainCheckAdded = defineDatabaseRule({
  id: 'domain-check-added',
  code: 'DB218',
  issueType: 'domain_check_added',
  change: 'domain.constraint_added',
  severity: 'potentially_breaking',
  title: 'CHECK constraint added to a domain',
  description: `Writes that violate it fail in every column of the domain. Validated, it fails if a stored value violates it, and ${SCANS_COLUMNS}; NOT VALID, it checks new values only.`,
  safeAlternative: 'Add it NOT VALID (no scan), fix the values that violate it, then VALIDATE CONSTRAINT.',
  classify: ({ details: { after, check } }) => ({
    description: `Check constraint '${check.name}' (${check.expression}) added to domain '${after.key}'${check.notValid ? ' NOT VALID' : ''}`,
    impact: check.notValid
      ? 'New values that violate it are rejected; stored values are not checked'
      : 'Stored values that violate it make the change fail; new ones are rejected',
    suggestedMigration: 'Add it NOT VALID, fix the values that violate it, then VALIDATE CONSTRAINT',
    affectedOperations: ['INSERT', 'UPDATE'],
    script: sqlScript({
      description: `Add check constraint ${check.name} to domain ${after.key}`,
      statements: addDomainCheckAsDeclared(after, check),
      rollback: [dropDomainCheck(after, check)],
      validation: domainChecksQuery(after),
    }),
  }),
});

export const domainCheckRemoved = defineDatabaseRule({
  id: 'domain-check-removed',
  code: 'DB421',
  issueType: 'domain_check_removed',
  change: 'domain.constraint_removed',
  severity: 'non_breaking',
  title: 'CHECK constraint removed from a domain',
  description: 'Writes that were rejected are accepted; nothing that worked before fails. Readers may meet values the check used to exclude.',
  safeAlternative: 'Move the rule into the application or onto the tables if it still matters.',
  classify: ({ details: { before, after, check } }) => ({
    description: `Check constraint '${check.name}' (${check.expression}) removed from domain '${after.key}'`,
    impact: 'No longer enforcing the check in columns of the domain',
    suggestedMigration: dropDomainCheck(after, check),
    affectedOperations: ['INSERT', 'UPDATE'],
    script: sqlScript({
      description: `Drop check constraint ${check.name} of domain ${after.key}`,
      statements: [dropDomainCheck(after, check)],
      rollback: addDomainCheckAsDeclared(before, check),
      validation: domainChecksQuery(after),
    }),
  }),
});

export const domainCheckValidated = defineDatabaseRule({
  id: 'domain-check-validated',
  code: 'DB219',
  issueType: 'domain_check_validated',
  change: 'domain.constraint_validated',
  severity: 'potentially_breaking',
  title: 'Domain CHECK constraint validated',
  description: `VALIDATE CONSTRAINT fails if a stored value violates the check; ${SCANS_COLUMNS}.`,
  safeAlternative: 'Find and fix the values that violate it in every column of the domain first.',
  classify: ({ details: { before, after, check } }) => ({
    description: `Check constraint '${check.name}' of domain '${after.key}' validated`,
    impact: 'Fails while a stored value violates it',
    suggestedMigration: validateDomainCheck(after, check),
    affectedOperations: [],
    script: sqlScript({
      description: `Validate check constraint ${check.name} of domain ${after.key}`,
      statements: [validateDomainCheck(after, check)],
      // A constraint cannot be un-validated: it is dropped and added back NOT VALID.
      rollback: [dropDomainCheck(before, check), addDomainCheck(before, { ...check, notValid: true })],
      validation: domainChecksQuery(after),
    }),
  }),
});
