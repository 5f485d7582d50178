import { bytesText, grouped, keyText, valueText } from './key-text.js';
import type { ReconcileReport, TableReport } from './reconcile-report.js';
import { strategyText } from './strategy-text.js';

const STATUS: Record<TableReport['status'], string> = {
  equal: 'EQUAL',
  different: 'DIFFERENT',
  counted: 'COUNTS MATCH (content not compared)',
  missing_in_source: 'MISSING IN SOURCE',
  missing_in_target: 'MISSING IN TARGET',
};

function tableLines(t: TableReport, level: ReconcileReport['options']['level']): string[] {
  const lines = [`${t.table}: ${STATUS[t.status]}`];
  if (t.status === 'missing_in_source' || t.status === 'missing_in_target') return [...lines, ...t.warnings.map((w) => `  warning: ${w}`)];
  lines.push(`  rows: source ${grouped(t.rows_source)}, target ${grouped(t.rows_target)}`);
  if (level === 'rows')
    lines.push(`  missing ${grouped(t.missing)}, extra ${grouped(t.extra)}, changed ${grouped(t.changed)}, unchanged ${grouped(t.unchanged)}`);
  lines.push(
    t.key.length
      ? `  key: ${t.key.join(', ')}; columns: ${t.columns.length ? t.columns.join(', ') : '(key only)'}`
      : `  no key: whole rows compared as a multiset; columns: ${t.columns.join(', ')}`,
  );
  if (t.columns_only_in_source.length)
    lines.push(`  columns only in the source (not compared, data missing in the target): ${t.columns_only_in_source.join(', ')}`);
  if (t.columns_only_in_target.length) lines.push(`  columns only in the target (not compared): ${t.columns_only_in_target.join(', ')}`);
  const kp = t.key_problems;
  if (kp.null_keys_source || kp.null_keys_target) lines.push(`  NULL keys: source ${kp.null_keys_source}, target ${kp.null_keys_target}`);
  if (kp.duplicate_keys_source || kp.duplicate_keys_target) {
    lines.push(
      `  duplicate keys: source ${kp.duplicate_keys_source}${kp.duplicate_samples_source.length ? ` (${kp.duplicate_samples_source.map(keyText).join(', ')})` : ''}, target ${kp.duplicate_keys_target}${kp.duplicate_samples_target.length ? ` (${kp.duplicate_samples_target.map(keyText).join(', ')})` : ''}`,
    );
  }
  if (t.checksum)
    lines.push(
      `  checksums: ${grouped(t.checksum.buckets)} key range${t.checksum.buckets === 1 ? '' : 's'}, ${grouped(t.checksum.differing_buckets)} differing${t.checksum.refined_buckets ? `, ${t.checksum.refined_buckets} split again` : ''}${t.checksum.streamed_buckets ? `, ${t.checksum.streamed_buckets} streamed row by row` : ''}`,
    );
  if (t.strategy) lines.push(`  strategy: ${strategyText(t.strategy)}`);
  for (const range of t.checksum?.differing_ranges ?? [])
    lines.push(
      `    range ${keyText(range.from)} .. ${keyText(range.to)}: source ${grouped(range.rows_source)} rows, target ${grouped(range.rows_target)} rows`,
    );
  if (t.differences.missing.length)
    lines.push(`  missing (source only): ${t.differences.missing.map((d) => keyText(d.key) + (d.duplicate_key ? ' (duplicate key)' : '')).join(', ')}`);
  if (t.differences.extra.length)
    lines.push(`  extra (target only): ${t.differences.extra.map((d) => keyText(d.key) + (d.duplicate_key ? ' (duplicate key)' : '')).join(', ')}`);
  if (t.differences.changed.length) {
    lines.push('  changed:');
    for (const d of t.differences.changed)
      lines.push(`    ${keyText(d.key)}: ${(d.columns ?? []).map((c) => `${c.column} ${valueText(c.source)} → ${valueText(c.target)}`).join('; ')}`);
  }
  if (t.differences.truncated) lines.push('  (more differences than --limit lists; the counts above are complete)');
  const mismatches = Object.entries(t.column_mismatches);
  if (mismatches.length) lines.push(`  mismatches per column: ${mismatches.map(([c, n]) => `${c} ${grouped(n)}`).join(', ')}`);
  const p = t.performance;
  const rate = (n: number | null) => (n === null ? '–' : `${grouped(n)} rows/s`);
  lines.push(
    `  ${p.seconds.toFixed(2)} s; source ${rate(p.source.rows_per_second)}, ${bytesText(p.source.bytes_fetched)} read; target ${rate(p.target.rows_per_second)}, ${bytesText(p.target.bytes_fetched)} read`,
  );
  for (const w of t.warnings) lines.push(`  warning: ${w}`);
  return lines;
}

/** The report for a terminal: one block per table, then the verdict. */
export function renderReconcileText(report: ReconcileReport): string {
  const s = report.summary;
  const lines = [
    `reconcile ${report.source.database} → ${report.target.database} (level ${report.options.level}, ${report.options.hash}${report.options.hash === 'canonical' && report.options.canonical_hash ? ` (${report.options.canonical_hash})` : ''} hashing${report.options.float_tolerance ? `, float tolerance ${report.options.float_tolerance}` : ''})`,
    '',
  ];
  for (const t of report.tables) lines.push(...tableLines(t, report.options.level), '');
  const rows = report.options.level === 'rows' ? `; missing ${grouped(s.missing)}, extra ${grouped(s.extra)}, changed ${grouped(s.changed)}` : '';
  for (const w of report.warnings ?? []) lines.push(`warning: ${w}`);
  const counted = !s.equal && report.tables.every((t) => t.status === 'equal' || t.status === 'counted');
  lines.push(
    `${s.equal ? 'EQUAL' : counted ? 'COUNTS MATCH (content not compared)' : 'DIFFERENT'}: ${s.tables} table(s), ${s.tables_different} different${rows}; ${s.seconds.toFixed(2)} s`,
  );
  return `${lines.join('\n')}\n`;
}
