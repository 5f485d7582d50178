import type { TableOutcome } from '../algorithm/reconcile-table.js';
import type { ReconcileReport } from '../report/reconcile-report.js';
import type { Engine } from '../schema/table-shape.js';
import { sqlLiteral } from './sql-literal.js';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * SQL that would make the target match the source for the compared rows and columns, in the
 * target's dialect, like pt-table-sync --print: DELETE for extra rows, INSERT for missing ones,
 * UPDATE of the differing columns for changed ones. It is printed, never executed. Rows whose key
 * is duplicated or NULL cannot be addressed by key and are left as comments.
 */
export function generateFixSql(report: ReconcileReport, outcomes: TableOutcome[], target: { engine: Engine; display: string }): string {
  const lines = [
    `-- migration-architect reconcile: SQL that would make ${target.display} match ${report.source.database}`,
    `-- for the compared columns (${report.options.where ? `rows where ${report.options.where}` : 'all rows'}). Generated ${report.generated_at}.`,
    '-- Review it before running it: reconcile never executes it.',
    'BEGIN;',
  ];
  const from = report.source.engine;
  for (const { plan, differences } of outcomes) {
    if (differences.length === 0) continue;
    const t = plan.target;
    const table = t.table.sqlName;
    const columns = [...t.key, ...t.columns];
    const count = (kind: string) => differences.filter((d) => d.kind === kind).length;
    lines.push('', `-- ${plan.name}: ${count('missing')} missing, ${count('extra')} extra, ${count('changed')} changed`);
    if (plan.columnsOnlyInTarget.length || t.table.columns.length > columns.length) {
      lines.push(`-- INSERTs list the compared columns only; the target's other columns get their defaults.`);
    }
    const keyCondition = (row: unknown[], rowFrom: Engine) =>
      t.key.map((column, i) => `${ident(column.name)} = ${sqlLiteral(row[i] as never, rowFrom, target.engine, column)}`).join(' AND ');
    for (const d of differences) {
      if (d.duplicateKey) {
        const row = (d.kind === 'extra' ? d.targetRow : d.sourceRow)!;
        lines.push(
          `-- ${d.kind} row with a duplicate or NULL key ${JSON.stringify(d.key)} (${d.kind === 'extra' ? 'in the target only' : 'in the source only'}): fix by hand: ${row.map((v, i) => `${columns[i]!.name}=${v === null ? 'NULL' : String(v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)}`).join(', ')}`,
        );
        continue;
      }
      if (d.kind === 'extra') lines.push(`DELETE FROM ${table} WHERE ${keyCondition(d.targetRow!, target.engine)};`);
      else if (d.kind === 'missing') {
        const values = d.sourceRow!.map((v, i) => sqlLiteral(v, from, target.engine, columns[i]!));
        lines.push(`INSERT INTO ${table} (${columns.map((c) => ident(c.name)).join(', ')}) VALUES (${values.join(', ')});`);
      } else {
        const sets = d.columns.map((diff) => {
          const i = columns.findIndex((c, index) => index >= t.key.length && plan.columns[index - t.key.length] === diff.column);
          return `${ident(columns[i]!.name)} = ${sqlLiteral(d.sourceRow![i]!, from, target.engine, columns[i]!)}`;
        });
        lines.push(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${keyCondition(d.targetRow!, target.engine)};`);
      }
    }
  }
  lines.push('', 'COMMIT;', '');
  return lines.join('\n');
}
