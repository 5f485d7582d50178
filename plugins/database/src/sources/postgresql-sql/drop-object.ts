import type { DropStmt, Node } from 'libpg-query';
import { objectIdentity } from '../../schema/qualified-name.js';
import type { QualifiedName } from '../../schema/model.js';
import { nodeAs, qualifiedNameOf, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

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

/** DROP … of objects the file created earlier (a DDL file that drops and recreates). */
export function dropObject(builder: SchemaBuilder, statement: DropStmt): void {
  const dropped = new Set(namesOf(statement.objects).map(objectIdentity));
  const keep = <T extends QualifiedName>(list: T[]) => list.filter((o) => !dropped.has(objectIdentity(o)));
  const model = builder.model;
  switch (statement.removeType) {
    case 'OBJECT_TABLE':
      model.tables = keep(model.tables);
      break;
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
      model.views = keep(model.views);
      break;
    case 'OBJECT_TYPE':
      model.enums = keep(model.enums);
      break;
    case 'OBJECT_SEQUENCE':
      model.sequences = keep(model.sequences);
      break;
    case 'OBJECT_SCHEMA':
      model.schemas = model.schemas.filter((s) => !(statement.objects ?? []).some((o) => nodeAs(o, 'String')?.sval === s.name));
      break;
    case 'OBJECT_INDEX':
      for (const table of model.tables) table.indexes = table.indexes.filter((i) => !dropped.has(objectIdentity({ schema: table.schema, name: i.name })));
      break;
    default:
      break;
  }
}
