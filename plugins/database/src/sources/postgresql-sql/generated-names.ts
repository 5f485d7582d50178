import type { Node } from 'libpg-query';
import type { Table } from '../../schema/model.js';
import { nodeAs, stringsOf } from './parse-tree.js';

/** PostgreSQL's identifier limit (NAMEDATALEN - 1): longer generated names are shortened in ways not reproduced here. */
const MAX_NAME = 63;

/** What an index element adds to a generated name: the column, the function called (`lower`), else `expr`. */
export function indexElementNamePart(node: Node): string {
  const element = nodeAs(node, 'IndexElem');
  if (element?.name) return element.name;
  const call = nodeAs(element?.expr, 'FuncCall');
  if (call) return stringsOf(call.funcname).pop() ?? 'expr';
  const column = nodeAs(element?.expr, 'ColumnRef');
  return (column && stringsOf(column.fields).pop()) || 'expr';
}

/** The same, from an element as the model holds it (`code`, `lower(code)`, `created_at DESC`). */
export function indexTextNamePart(table: Table, element: string): string {
  const call = /^"?([\w$]+)"?\s*\(/.exec(element);
  if (call) return call[1]!;
  const word = /^"?([\w$]+)"?/.exec(element)?.[1];
  return word && table.columns.some((c) => c.name === word) ? word : 'expr';
}

/**
 * The name PostgreSQL chooses for an index declared without one: `<table>_<columns>_idx`, with a
 * number appended while the name is taken in the schema. Null when it would pass 63 bytes.
 */
export function generatedIndexName(tables: readonly Table[], table: Table, parts: readonly string[], suffix = 'idx'): string | null {
  const base = [table.name, ...parts].join('_');
  const taken = new Set(tables.filter((t) => (t.schema ?? 'public') === (table.schema ?? 'public')).flatMap((t) => t.indexes.map((i) => i.name)));
  for (let n = 0; ; n++) {
    const name = `${base}_${suffix}${n === 0 ? '' : n}`;
    if (Buffer.byteLength(name) > MAX_NAME) return null;
    if (!taken.has(name)) return name;
  }
}

/**
 * PostgreSQL's makeObjectName: `<name1>_<name2>_<label>`, the longer of the two names shortened
 * until the whole fits 63 bytes (ASCII names; a multibyte one is cut at a byte, as here).
 */
function objectName(name1: string, name2: string, label: string): string {
  let first = name1.length;
  let second = name2.length;
  const overhead = label.length + 1 + (name2 ? 1 : 0);
  while (first + second + overhead > MAX_NAME) {
    if (first > second) first--;
    else second--;
  }
  return [name1.slice(0, first), ...(name2 ? [name2.slice(0, second)] : []), label].join('_');
}

/**
 * The name PostgreSQL chooses for a constraint declared without one (ChooseConstraintName):
 * `<table>_<columns>_<label>`, then `…_<label>1`, `…_<label>2` while a constraint (or, for a key, an
 * index) of the schema has it. `taken`: the names already used in the table's schema.
 */
export function generatedConstraintName(table: Table, columns: readonly string[], label: string, taken: ReadonlySet<string>): string {
  for (let n = 0; ; n++) {
    const name = objectName(table.name, columns.join('_'), n === 0 ? label : `${label}${n}`);
    if (!taken.has(name)) return name;
  }
}
