import type { Node } from 'libpg-query';
import type { DatabaseSchema } from '../../schema/model.js';
import { foldInheritedDefinitions } from '../../schema/partition-inheritance.js';
import { canonicalTree } from './canonical-tree.js';
import { exclusionOfConstraint } from './constraint-definitions.js';
import { indexOfStatement } from './create-index.js';
import { triggerOfStatement } from './create-trigger.js';
import { nodeAs } from './parse-tree.js';
import { SqlText } from './sql-text.js';

interface Pending {
  sql: string;
  assign: (statement: Node) => void;
}

async function parseEach(pending: Pending[]): Promise<void> {
  if (pending.length === 0) return;
  const { parse } = await import('libpg-query');
  for (const item of pending) {
    try {
      const tree = await parse(item.sql);
      const statement = tree.stmts?.[0]?.stmt;
      if (statement) item.assign(statement);
    } catch {
      // Not parseable as PostgreSQL: leave it to the text comparison.
    }
  }
}

/**
 * Indexes, exclusion constraints and triggers of a catalog read, from the CREATE statements the catalog prints
 * (`pg_get_indexdef`, `pg_get_triggerdef`), by the same code that reads them in SQL files: same
 * elements (operator classes, collations, INCLUDE), same arguments, same canonical forms.
 */
export async function readCatalogDefinitions(model: DatabaseSchema): Promise<DatabaseSchema> {
  const pending: Pending[] = [];
  const reread = <T extends { definition?: string }>(object: T, read: (s: Node, source: SqlText) => Partial<T> | undefined): T => {
    const { definition, ...rest } = object;
    if (definition === undefined) return object;
    pending.push({
      sql: definition,
      assign: (s) => {
        const found = read(s, new SqlText(definition));
        if (found) Object.assign(rest, found);
      },
    });
    return rest as T;
  };
  for (const table of [...model.tables, ...model.views]) {
    if (!table.indexes) continue;
    table.indexes = table.indexes.map((index) =>
      reread(index, (s, source) => {
        const statement = nodeAs(s, 'IndexStmt');
        return statement ? indexOfStatement(statement, source) : undefined;
      }),
    );
  }
  for (const table of model.tables) {
    if (!table.exclusions) continue;
    table.exclusions = table.exclusions.map((exclusion) =>
      reread(
        // The catalog prints the constraint's body; as an ALTER TABLE it parses as a file's does.
        { ...exclusion, ...(exclusion.definition !== undefined ? { definition: `ALTER TABLE canonical_probe ADD ${exclusion.definition}` } : {}) },
        (s, source) => {
          const command = nodeAs(nodeAs(s, 'AlterTableStmt')?.cmds?.[0], 'AlterTableCmd');
          const constraint = nodeAs(command?.def, 'Constraint');
          return constraint?.contype === 'CONSTR_EXCLUSION' ? exclusionOfConstraint(constraint, source) : undefined;
        },
      ),
    );
  }
  model.triggers = model.triggers.map((trigger) =>
    reread(trigger, (s, source) => {
      const statement = nodeAs(s, 'CreateTrigStmt');
      if (!statement) return undefined;
      // The catalog names the table with its schema; the rest is read as a file's trigger is.
      const { condition, arguments: args, canonical, function: fn } = triggerOfStatement(statement, source);
      return { condition, function: fn, ...(args ? { arguments: args } : {}), ...(canonical ? { canonical } : {}) };
    }),
  );
  await parseEach(pending);
  return model;
}

/**
 * Fills the `canonical` form of column defaults, checks, domains, indexes and views that a source read as text (the live
 * catalog prints `total >= (0)::numeric` and `= ANY (ARRAY[…])` where DDL says `total >= 0` and
 * `IN (…)`), by parsing that text with the same parser and canonical tree as SQL files. One that
 * does not parse keeps no canonical form and is compared as text. Then partitions' copies of
 * their parent's keys and indexes are folded into the parent (as for SQL files).
 */
export async function fillCanonicalDefinitions(model: DatabaseSchema): Promise<DatabaseSchema> {
  await readCatalogDefinitions(model);
  const pending: Pending[] = [];
  for (const table of model.tables) {
    for (const column of table.columns) {
      const value = column.default;
      if (value?.kind !== 'expression' || value.canonical !== undefined) continue;
      pending.push({
        sql: `SELECT ${value.sql}`,
        assign: (s) => {
          const target = nodeAs(nodeAs(s, 'SelectStmt')?.targetList?.[0], 'ResTarget');
          if (target?.val) value.canonical = canonicalTree(target.val);
        },
      });
    }
    for (const check of table.checks) {
      if (check.canonical !== undefined) continue;
      pending.push({ sql: `SELECT 1 WHERE ${check.expression}`, assign: (s) => void (check.canonical = canonicalTree(nodeAs(s, 'SelectStmt')?.whereClause)) });
    }
    for (const index of table.indexes) {
      if (index.canonical !== undefined || index.columns.length === 0) continue;
      pending.push({
        sql: `CREATE INDEX canonical_probe ON canonical_probe (${index.columns.join(', ')})${index.predicate ? ` WHERE ${index.predicate}` : ''}`,
        assign: (s) => {
          const statement = nodeAs(s, 'IndexStmt');
          if (statement)
            index.canonical = canonicalTree({
              List: { items: [...(statement.indexParams ?? []), ...(statement.whereClause ? [statement.whereClause] : [])] },
            } as Node);
        },
      });
    }
  }
  for (const domain of model.domains ?? []) {
    const value = domain.default;
    if (value !== null && domain.defaultCanonical === undefined) {
      pending.push({
        sql: `SELECT ${value}`,
        assign: (s) => {
          const target = nodeAs(nodeAs(s, 'SelectStmt')?.targetList?.[0], 'ResTarget');
          if (target?.val) domain.defaultCanonical = canonicalTree(target.val);
        },
      });
    }
    for (const check of domain.checks) {
      if (check.canonical !== undefined) continue;
      pending.push({ sql: `SELECT 1 WHERE ${check.expression}`, assign: (s) => void (check.canonical = canonicalTree(nodeAs(s, 'SelectStmt')?.whereClause)) });
    }
  }
  for (const view of model.views) {
    if (view.canonical !== undefined) continue;
    pending.push({
      sql: `CREATE VIEW canonical_probe AS ${view.definition.trim().replace(/;\s*$/, '')}`,
      assign: (s) => void (view.canonical = canonicalTree(nodeAs(s, 'ViewStmt')?.query)),
    });
  }
  for (const routine of model.routines) {
    // A SQL-standard body, as the catalog prints it (`RETURN ($1)::log_level` for `RETURN CAST($1 AS log_level)`).
    if (routine.canonical !== undefined || !/^\s*(?:return\b|begin\s+atomic\b)/i.test(routine.definition)) continue;
    pending.push({
      sql: `CREATE FUNCTION canonical_probe() RETURNS void LANGUAGE sql ${routine.definition}`,
      assign: (s) => {
        const body = nodeAs(s, 'CreateFunctionStmt')?.sql_body;
        if (body) routine.canonical = canonicalTree(body);
      },
    });
  }
  await parseEach(pending);
  return foldInheritedDefinitions(model);
}
