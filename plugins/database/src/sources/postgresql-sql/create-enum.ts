import type { AlterEnumStmt, CreateEnumStmt } from 'libpg-query';
import { objectIdentity } from '../../schema/qualified-name.js';
import { qualifiedNameOf, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

export function createEnum(builder: SchemaBuilder, statement: CreateEnumStmt): void {
  const name = qualifiedNameOf(stringsOf(statement.typeName));
  builder.upsert(builder.model.enums, { ...name, key: builder.key(name), values: stringsOf(statement.vals), line: builder.statementLine });
}

/** ALTER TYPE … ADD VALUE [BEFORE | AFTER], RENAME VALUE. */
export function alterEnum(builder: SchemaBuilder, statement: AlterEnumStmt): void {
  const identity = objectIdentity(qualifiedNameOf(stringsOf(statement.typeName)));
  const type = builder.model.enums.find((e) => objectIdentity(e) === identity);
  if (!type || !statement.newVal) return;
  if (statement.oldVal) {
    type.values = type.values.map((v) => (v === statement.oldVal ? statement.newVal! : v));
    return;
  }
  if (type.values.includes(statement.newVal)) return;
  const neighbor = statement.newValNeighbor ? type.values.indexOf(statement.newValNeighbor) : -1;
  if (neighbor === -1) type.values.push(statement.newVal);
  // The parser leaves newValIsAfter out when false (BEFORE).
  else type.values.splice(statement.newValIsAfter ? neighbor + 1 : neighbor, 0, statement.newVal);
}
