import type { CreateTrigStmt } from 'libpg-query';
import type { TriggerEvent, TriggerTiming } from '../../schema/model.js';
import { expressionText } from './expression-text.js';
import { rangeVarName, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

// Bits of pg_trigger.tgtype, as the parser reports timing and events.
const BEFORE = 2;
const INSTEAD = 64;
const EVENTS: [number, TriggerEvent][] = [[4, 'insert'], [16, 'update'], [8, 'delete'], [32, 'truncate']];

export function createTrigger(builder: SchemaBuilder, statement: CreateTrigStmt): void {
  const tableName = rangeVarName(statement.relation);
  const timingBits = statement.timing ?? 0;
  const timing: TriggerTiming = timingBits & INSTEAD ? 'instead of' : timingBits & BEFORE ? 'before' : 'after';
  const events = EVENTS.filter(([bit]) => ((statement.events ?? 0) & bit) !== 0).map(([, event]) => event);
  const fn = stringsOf(statement.funcname);
  const trigger = {
    name: statement.trigname ?? '',
    table: builder.key(tableName),
    tableName,
    timing,
    events,
    columns: stringsOf(statement.columns),
    forEachRow: statement.row ?? false,
    function: builder.key({ schema: fn.length > 1 ? fn[0]! : null, name: fn[fn.length - 1] ?? '' }),
    condition: statement.whenClause ? expressionText(statement.whenClause, builder.text) : null,
    line: builder.statementLine,
  };
  const list = builder.model.triggers;
  const at = list.findIndex((t) => t.table === trigger.table && t.name === trigger.name);
  if (at === -1) list.push(trigger);
  else list[at] = trigger;
}
