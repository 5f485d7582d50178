import { quoteIdentifier } from '../sql/identifier.js';
import { type ColumnType, describeColumnType } from './column-type.js';

/**
 * What a function returns, spelled one way for every source: `SETOF bigint`, `trigger`, or
 * `TABLE(id bigint, token text)` for RETURNS TABLE (a file declares its columns as parameters, a
 * catalog prints them in `pg_get_function_result`), so one function reads the same from both.
 */
export function routineResult(returns: { type: ColumnType; setof: boolean } | null, tableColumns: { name: string | null; type: ColumnType }[]): string | null {
  if (tableColumns.length > 0) return `TABLE(${tableColumns.map((c) => `${quoteIdentifier(c.name ?? '')} ${describeColumnType(c.type)}`).join(', ')})`;
  if (!returns) return null;
  return `${returns.setof ? 'SETOF ' : ''}${describeColumnType(returns.type)}`;
}
