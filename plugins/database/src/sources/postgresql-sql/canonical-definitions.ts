import type { Node } from 'libpg-query';
import type { DatabaseSchema } from '../../schema/model.js';
import { foldInheritedDefinitions } from '../../schema/partition-inheritance.js';
import { canonicalTree } from './canonical-tree.js';
import { indexOfStatement } from './create-index.js';
import { triggerOfStatement } from './create-trigger.js';
import { nodeAs } from './parse-tree.js';
import { SqlText } from './sql-text.js';

interface Pending {
  sql: string;
  assign: (statement: Node) => void;
}

/**
 * Fills the `canonical` form of checks, indexes and views that a source read as text (the live
 * catalog prints `total >= (0)::numeric` and `= ANY (ARRAY[…])` where DDL says `total >= 0` and
 * `IN (…)`), by parsing that text with the same parser and canonical tree as SQL files. All
 * definitions go through one parse call; one that does not parse keeps no canonical form and is
 * compared as text, as before.
 */
export async function fillCanonicalDefinitions(model: DatabaseSchema): Promise<DatabaseSchema> {
  const pending: Pending[] = [];
  const fromDefinitions = new Set<object>();
  for (const table of model.tables) {
    table.indexes = table.indexes.map((index) => {
      const { definition, ...rest } = index;
      if (definition === undefined) return index;
      // The catalog's CREATE INDEX, read by the same code as a file's: same elements, same canonical form.
      pending.push({
        sql: definition,
        assign: (s) => {
          const statement = nodeAs(s, 'IndexStmt');
          if (statement) Object.assign(rest, indexOfStatement(statement, new SqlText(definition)));
        },
      });
      fromDefinitions.add(rest);
      return rest;
    });
    for (const check of table.checks) {
      if (check.canonical !== undefined) continue;
      pending.push({ sql: `SELECT 1 WHERE ${check.expression}`, assign: (s) => void (check.canonical = canonicalTree(nodeAs(s, 'SelectStmt')?.whereClause)) });
    }
    for (const index of table.indexes) {
      if (index.canonical !== undefined || index.columns.length === 0 || fromDefinitions.has(index)) continue;
      pending.push({
        sql: `CREATE INDEX canonical_probe ON canonical_probe (${index.columns.join(', ')})${index.predicate ? ` WHERE ${index.predicate}` : ''}`,
        assign: (s) => {
          const statement = nodeAs(s, 'IndexStmt');
          if (statement) index.canonical = canonicalTree({ List: { items: [...(statement.indexParams ?? []), ...(statement.whereClause ? [statement.whereClause] : [])] } } as Node);
        },
      });
    }
  }
  model.triggers = model.triggers.map((trigger) => {
    const { definition, ...rest } = trigger;
    if (definition === undefined) return trigger;
    pending.push({
      sql: definition,
      assign: (s) => {
        const statement = nodeAs(s, 'CreateTrigStmt');
        if (statement) Object.assign(rest, triggerOfStatement(statement, new SqlText(definition)));
      },
    });
    return rest;
  });
  for (const view of model.views) {
    if (view.canonical !== undefined) continue;
    pending.push({ sql: `CREATE VIEW canonical_probe AS ${view.definition.trim().replace(/;\s*$/, '')}`, assign: (s) => void (view.canonical = canonicalTree(nodeAs(s, 'ViewStmt')?.query)) });
  }
  if (pending.length === 0) return foldInheritedDefinitions(model);
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
  // Partitions' copies of their parent's keys and indexes are the parent's (as for SQL files).
  return foldInheritedDefinitions(model);
}
