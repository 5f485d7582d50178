import type { DropStmt, Node } from 'libpg-query';
import { routineSignature } from '../../schema/json-schema-loader.js';
import type { QualifiedName, Routine } from '../../schema/model.js';
import { objectIdentity, objectKey } from '../../schema/qualified-name.js';
import { dropForeignKeysOnIndex, dropForeignKeysTo } from './cascaded-foreign-keys.js';
import { nodeAs, qualifiedNameOf, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import { columnTypeOf } from './type-name.js';

function namesOf(objects: Node[] | undefined): QualifiedName[] {
  return (objects ?? []).flatMap((o) => {
    const list = nodeAs(o, 'List');
    if (list) return [qualifiedNameOf(stringsOf(list.items))];
    const typeName = nodeAs(o, 'TypeName');
    if (typeName) return [qualifiedNameOf(stringsOf(typeName.names))];
    const single = nodeAs(o, 'String');
    return single ? [{ schema: null, name: single.sval ?? '' }] : [];
  });
}

/**
 * Which routines `DROP FUNCTION f(integer, text)` names: the one of that signature (input
 * arguments only, as PostgreSQL identifies it), or every overload when no argument list is written.
 */
function droppedRoutine(node: Node): (routine: Routine) => boolean {
  const target = nodeAs(node, 'ObjectWithArgs');
  const name = qualifiedNameOf(stringsOf(target?.objname));
  const sameName = (r: Routine) => r.name === name.name && (name.schema === null || (r.schema ?? 'public') === name.schema);
  if (!target || target.args_unspecified) return sameName;
  const parameters = target.objfuncargs?.length
    ? target.objfuncargs
        .map((p) => nodeAs(p, 'FunctionParameter'))
        .filter((p) => p && p.mode !== 'FUNC_PARAM_OUT' && p.mode !== 'FUNC_PARAM_TABLE')
        .map((p) => ({ mode: null, name: null, type: columnTypeOf(p!.argType).type }))
    : (target.objargs ?? []).map((t) => ({ mode: null, name: null, type: columnTypeOf(nodeAs(t, 'TypeName')).type }));
  const signature = routineSignature({ ...name, parameters } as Routine);
  return (r) => sameName(r) && routineSignature({ ...r, schema: name.schema === null ? null : r.schema }) === signature;
}

/** DROP … of objects the file created earlier (a DDL file that drops and recreates). */
export function dropObject(builder: SchemaBuilder, statement: DropStmt): void {
  const dropped = new Set(namesOf(statement.objects).map(objectIdentity));
  const keep = <T extends QualifiedName>(list: T[]) => list.filter((o) => !dropped.has(objectIdentity(o)));
  const model = builder.model;
  switch (statement.removeType) {
    case 'OBJECT_TABLE':
      if (statement.behavior === 'DROP_CASCADE') for (const table of model.tables) if (dropped.has(objectIdentity(table))) dropForeignKeysTo(model, table);
      model.tables = keep(model.tables);
      // A table's triggers go with it.
      model.triggers = model.triggers.filter((t) => !dropped.has(objectIdentity(t.tableName)));
      break;
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE': {
      const matches = (statement.objects ?? []).map(droppedRoutine);
      const gone = model.routines.filter((r) => matches.some((m) => m(r)));
      model.routines = model.routines.filter((r) => !gone.includes(r));
      // CASCADE drops the triggers that execute a dropped function (without it PostgreSQL refuses,
      // so a file that loads has none left); a function re-created later does not bring them back.
      if (statement.behavior === 'DROP_CASCADE') {
        const executed = new Set(gone.map((r) => objectKey(r.schema, r.name)));
        model.triggers = model.triggers.filter((t) => !executed.has(t.function));
      }
      break;
    }
    case 'OBJECT_TRIGGER':
      // DROP TRIGGER name ON table: the list is the table's name, then the trigger's.
      for (const object of statement.objects ?? []) {
        const parts = stringsOf(nodeAs(object, 'List')?.items);
        const table = objectIdentity(qualifiedNameOf(parts.slice(0, -1)));
        model.triggers = model.triggers.filter((t) => !(t.name === parts[parts.length - 1] && objectIdentity(t.tableName) === table));
      }
      break;
    case 'OBJECT_EXTENSION':
      if (model.extensions) model.extensions = model.extensions.filter((e) => !(statement.objects ?? []).some((o) => nodeAs(o, 'String')?.sval === e.name));
      break;
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
      model.views = keep(model.views);
      break;
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      // DROP TYPE also drops a domain; CASCADE drops the columns of that type with it.
      const types = [...model.enums, ...(model.domains ?? [])].filter((t) => dropped.has(objectIdentity(t)));
      if (statement.behavior === 'DROP_CASCADE') {
        const names = new Set(types.map((t) => t.key));
        for (const table of model.tables) table.columns = table.columns.filter((c) => !names.has(c.type.name));
      }
      if (statement.removeType === 'OBJECT_TYPE') model.enums = keep(model.enums);
      if (model.domains) model.domains = keep(model.domains);
      break;
    }
    case 'OBJECT_SEQUENCE':
      model.sequences = keep(model.sequences);
      break;
    case 'OBJECT_SCHEMA':
      model.schemas = model.schemas.filter((s) => !(statement.objects ?? []).some((o) => nodeAs(o, 'String')?.sval === s.name));
      break;
    case 'OBJECT_INDEX':
      for (const table of model.tables) {
        const gone = table.indexes.filter((i) => dropped.has(objectIdentity({ schema: table.schema, name: i.name })));
        if (statement.behavior === 'DROP_CASCADE') for (const index of gone) dropForeignKeysOnIndex(model, table, index);
        table.indexes = table.indexes.filter((i) => !gone.includes(i));
      }
      break;
    default:
      break;
  }
}
