import { bytesText, grouped, keyText, valueText } from './key-text.js';
import { strategyText } from './strategy-text.js';
import type { ReconcileReport, TableReport } from './reconcile-report.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, 'ˋ')}\``;

function tableSection(t: TableReport, level: ReconcileReport['options']['level']): string[] {
  const out = [`## ${t.table}: ${t.status.replace(/_/g, ' ')}`, ''];
  if (t.status === 'missing_in_source' || t.status === 'missing_in_target') return [...out, ...t.warnings.map((w) => `- ${w}`), ''];
  out.push('| | source | target |', '|---|---:|---:|', `| rows | ${grouped(t.rows_source)} | ${grouped(t.rows_target)} |`);
  out.push(`| rows/s (hashing) | ${grouped(t.performance.source.rows_per_second)} | ${grouped(t.performance.target.rows_per_second)} |`);
  out.push(`| read | ${bytesText(t.performance.source.bytes_fetched)} | ${bytesText(t.performance.target.bytes_fetched)} |`);
  out.push(
    `| NULL keys | ${t.key_problems.null_keys_source} | ${t.key_problems.null_keys_target} |`,
    `| duplicate keys | ${t.key_problems.duplicate_keys_source} | ${t.key_problems.duplicate_keys_target} |`,
    '',
  );
  if (level === 'rows')
    out.push(`**missing** ${grouped(t.missing)} · **extra** ${grouped(t.extra)} · **changed** ${grouped(t.changed)} · unchanged ${grouped(t.unchanged)}`, '');
  out.push(`Key ${t.key.map(code).join(', ')}; columns ${t.columns.length ? t.columns.map(code).join(', ') : '(key only)'}.`);
  if (t.checksum)
    out.push(
      `${grouped(t.checksum.buckets)} key ranges hashed, ${grouped(t.checksum.differing_buckets)} differing${t.checksum.refined_buckets ? `, ${t.checksum.refined_buckets} split again` : ''}${t.checksum.streamed_buckets ? `, ${t.checksum.streamed_buckets} streamed row by row` : ''}; ${t.performance.seconds.toFixed(2)} s.`,
    );
  if (t.strategy) out.push('', `Strategy: ${strategyText(t.strategy)}.`);
  out.push('');
  if (t.columns_only_in_source.length)
    out.push(`- Columns only in the source (their data is missing in the target): ${t.columns_only_in_source.map(code).join(', ')}`);
  if (t.columns_only_in_target.length) out.push(`- Columns only in the target: ${t.columns_only_in_target.map(code).join(', ')}`);
  for (const w of t.warnings) out.push(`- ${w}`);
  if (t.columns_only_in_source.length || t.columns_only_in_target.length || t.warnings.length) out.push('');
  if (t.checksum?.differing_ranges.length) {
    out.push('| differing range from | to | source rows | target rows |', '|---|---|---:|---:|');
    for (const r of t.checksum.differing_ranges)
      out.push(`| ${cell(keyText(r.from))} | ${cell(keyText(r.to))} | ${grouped(r.rows_source)} | ${grouped(r.rows_target)} |`);
    out.push('');
  }
  const rows: string[] = [];
  for (const d of t.differences.missing) rows.push(`| missing | ${cell(keyText(d.key))}${d.duplicate_key ? ' (duplicate key)' : ''} | | | |`);
  for (const d of t.differences.extra) rows.push(`| extra | ${cell(keyText(d.key))}${d.duplicate_key ? ' (duplicate key)' : ''} | | | |`);
  for (const d of t.differences.changed)
    for (const c of d.columns ?? [])
      rows.push(`| changed | ${cell(keyText(d.key))} | ${code(c.column)} | ${cell(valueText(c.source))} | ${cell(valueText(c.target))} |`);
  if (rows.length) out.push('| difference | key | column | source | target |', '|---|---|---|---|---|', ...rows, '');
  if (t.differences.truncated) out.push('_More differences exist than `--limit` lists; the counts are complete._', '');
  const mismatches = Object.entries(t.column_mismatches);
  if (mismatches.length) out.push(`Mismatches per column: ${mismatches.map(([c, n]) => `${code(c)} ${grouped(n)}`).join(', ')}.`, '');
  return out;
}

export function renderReconcileMarkdown(report: ReconcileReport): string {
  const s = report.summary;
  const out = [
    `# Reconcile: ${s.equal ? 'equal' : report.tables.every((t) => t.status === 'equal' || t.status === 'counted') ? 'counts match (content not compared)' : 'differences found'}`,
    '',
    `Source ${code(report.source.database)} (${report.source.engine}) → target ${code(report.target.database)} (${report.target.engine}); level ${report.options.level}, ${report.options.hash}${report.options.hash === 'canonical' && report.options.canonical_hash ? ` (${report.options.canonical_hash})` : ''} hashing${report.options.float_tolerance ? `, float tolerance ${report.options.float_tolerance}` : ''}${report.options.where ? `, where ${code(report.options.where)}` : ''}.`,
    '',
    '| table | status | source rows | target rows | missing | extra | changed |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...report.tables.map(
      (t) =>
        `| ${cell(t.table)} | ${t.status.replace(/_/g, ' ')} | ${grouped(t.rows_source)} | ${grouped(t.rows_target)} | ${grouped(t.missing)} | ${grouped(t.extra)} | ${grouped(t.changed)} |`,
    ),
    '',
  ];
  for (const w of report.warnings ?? []) out.push(`> Warning: ${w}`, '');
  for (const t of report.tables) out.push(...tableSection(t, report.options.level));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
