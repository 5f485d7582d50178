import type { CreateTrigStmt } from 'libpg-query';
import { objectKey } from '../../schema/qualified-name.js';
import type { Trigger, TriggerEvent, TriggerTiming } from '../../schema/model.js';
import { quoteLiteral } from '../../sql/literal.js';
import { canonicalTree } from './canonical-tree.js';
import { expressionText } from './expression-text.js';
import { rangeVarName, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import type { SqlText } from './sql-text.js';

// Bits of pg_trigger.tgtype, as the parser reports timing and events.
const BEFORE = 2;
const INSTEAD = 64;
const EVENTS: [number, TriggerEvent][] = [
  [4, 'insert'],
  [16, 'update'],
  [8, 'delete'],
  [32, 'truncate'],
];

/** The trigger a CREATE TRIGGER statement defines, as the model holds it. */
export function triggerOfStatement(statement: CreateTrigStmt, source: SqlText, line?: number): Trigger {
  const tableName = rangeVarName(statement.relation);
  const timingBits = statement.timing ?? 0;
  const timing: TriggerTiming = timingBits & INSTEAD ? 'instead of' : timingBits & BEFORE ? 'before' : 'after';
  const events = EVENTS.filter(([bit]) => ((statement.events ?? 0) & bit) !== 0).map(([, event]) => event);
  // pg_catalog functions (tsvector_update_trigger) are found without their schema, as public ones are.
  const fn = stringsOf(statement.funcname).filter((part, i, all) => !(i === 0 && all.length > 1 && part === 'pg_catalog'));
  return {
    name: statement.trigname ?? '',
    table: objectKey(tableName.schema, tableName.name),
    tableName,
    timing,
    events,
    columns: stringsOf(statement.columns),
    forEachRow: statement.row ?? false,
    function: objectKey(fn.length > 1 ? fn[0]! : null, fn[fn.length - 1] ?? ''),
    condition: statement.whenClause ? expressionText(statement.whenClause, source) : null,
    ...(statement.args?.length ? { arguments: stringsOf(statement.args).map(quoteLiteral) } : {}),
    ...(statement.whenClause ? { canonical: canonicalTree(statement.whenClause) } : {}),
    ...(line !== undefined ? { line } : {}),
  };
}

export function createTrigger(builder: SchemaBuilder, statement: CreateTrigStmt): void {
  const trigger = triggerOfStatement(statement, builder.nodeText, builder.statementLine);
  const list = builder.model.triggers;
  const at = list.findIndex((t) => t.table === trigger.table && t.name === trigger.name);
  if (at === -1) list.push(trigger);
  else list[at] = trigger;
}
