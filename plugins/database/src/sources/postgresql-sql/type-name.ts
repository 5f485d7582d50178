import type { TypeName } from 'libpg-query';
import { type ParsedColumnType, parseColumnType, spellTypeNamePart } from '../../schema/column-type.js';
import { DEFAULT_SCHEMA } from '../../schema/qualified-name.js';
import type { Node } from 'libpg-query';
import { integerOf, nodeAs, stringsOf } from './parse-tree.js';

/** A type modifier: a number, or a word (PostGIS `geometry(Polygon,4326)`), as format_type prints it. */
function modifierText(node: Node): string | null {
  const number = integerOf(node);
  if (number !== null) return String(number);
  const word = stringsOf(nodeAs(node, 'ColumnRef')?.fields)[0] ?? nodeAs(node, 'A_Const')?.sval?.sval;
  return word ?? null;
}

/** Types whose modifiers are not a plain length/precision list (interval keeps field masks in them). */
const MODIFIERS_NOT_SHOWN = new Set(['interval']);

/**
 * The type as text parseColumnType reads: the parser's internal name (`int8`, `varchar`,
 * `timestamptz`) with its modifiers and array brackets. Built-ins lose `pg_catalog.`; a custom
 * type keeps a schema other than public.
 */
export function typeNameText(typeName: TypeName | undefined): string {
  const parts = stringsOf(typeName?.names);
  const builtIn = parts[0] === 'pg_catalog' || (parts.length > 1 && parts[0] === DEFAULT_SCHEMA);
  // The parser hands names folded (`WorkspaceType` unquoted is already `workspacetype`): quote what
  // would fold again, so `"WorkspaceType"` keeps its case through parseColumnType.
  const base = (builtIn ? parts.slice(1) : parts).map(spellTypeNamePart).join('.');
  const modifiers = (typeName?.typmods ?? []).map(modifierText).filter((m): m is string => m !== null);
  const shown = modifiers.length && !MODIFIERS_NOT_SHOWN.has(base) ? `(${modifiers.join(',')})` : '';
  const arrays = '[]'.repeat(typeName?.arrayBounds?.length ?? 0);
  // The parser turns the keyword CHAR into bpchar: a name `char` left here is the one-byte `"char"` type, as format_type spells it.
  if (base === 'char') return `"char"${arrays}`;
  return `${base}${shown}${arrays}`;
}

export function columnTypeOf(typeName: TypeName | undefined): ParsedColumnType {
  return parseColumnType(typeNameText(typeName));
}
