import type { CompatibilityIssue } from '@migration-architect/core';
import type { GateInput, GateResult } from '../report/gate-result.js';
import { inlineAcceptances } from '../report/inline-acceptances.js';
import { countsLine, gateVerdict, SEVERITY_LABEL, shortCommit, worstSeverity } from './gate-verdicts.js';

/** The marker the Action finds its comment by, to update it in place. */
export const COMMENT_MARKER = '<!-- migration-architect-gate -->';

/** GitHub refuses issue comments over 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Findings listed per input before the rest are counted. */
const FINDINGS_PER_INPUT = 60;

export interface MarkdownOptions {
  /** Characters the comment may use (default: GitHub's limit). */
  limit?: number | undefined;
  /** Where the full report is (an artifact name or a path), named by the truncation note. */
  fullReport?: string | undefined;
}

const SEVERITY_ORDER = ['breaking', 'potentially_breaking', 'non_breaking', 'additive'];

const ICON = { breaking: '❌', potentially_breaking: '⚠️', non_breaking: 'ℹ️', additive: '➕' } as const;

/** Text safe in a table cell or a list item: no HTML, no pipes, one line. */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

function inputVerdict(input: GateInput): string {
  if (input.error) return '⚠️ not checked';
  const worst = worstSeverity(input);
  return worst ? `${ICON[worst]} ${SEVERITY_LABEL[worst]}` : '✅ compatible';
}

function where(issue: CompatibilityIssue): string {
  if (!issue.location) return '';
  return ` (${issue.location.file}${issue.location.line ? `:${issue.location.line}` : ''})`;
}

function findingLine(issue: CompatibilityIssue): string {
  return `- ${ICON[issue.severity]} **${SEVERITY_LABEL[issue.severity]}** ${code(issue.code ?? issue.rule)} ${cell(issue.description)}${cell(where(issue))}  \n  ${cell(issue.suggested_migration)}`;
}

function details(input: GateInput): string {
  const issues = input.report?.issues ?? [];
  const lines: string[] = [];
  if (input.error) lines.push(`Not checked: ${cell(input.error)}`);
  lines.push(`_${cell(input.why)}_`);
  if (input.replay)
    lines.push(`Schema before it: ${input.replay.earlier} earlier migrations replayed on ${input.replay.engine}${input.replay.cached ? ' (cached)' : ''}.`);
  if (input.round_trip) {
    const trip = input.round_trip;
    lines.push(
      trip.status === 'passed'
        ? `Rollback proven: up → ${code(trip.down ?? '')} → up returns to the same schema.`
        : trip.status === 'no_down'
          ? 'No down / undo file: the rollback is not proven.'
          : trip.status === 'does_not_apply'
            ? 'The migration does not apply on the replayed schema.'
            : 'Rollback **not** proven: see the finding.',
    );
  }
  lines.push('');
  const worstFirst = [...issues].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  for (const issue of worstFirst.slice(0, FINDINGS_PER_INPUT)) lines.push(findingLine(issue));
  if (issues.length > FINDINGS_PER_INPUT) lines.push(`- … and ${issues.length - FINDINGS_PER_INPUT} more findings in the full report`);
  const summary = `<code>${cell(input.path)}</code>: ${issues.length} finding${issues.length === 1 ? '' : 's'}`;
  return `<details><summary>${summary}</summary>\n\n${lines.join('\n')}\n\n</details>\n`;
}

function acceptance(result: GateResult): string {
  const { accepted, expired, unmatched } = result.acceptance;
  const parts: string[] = [];
  if (expired.length) {
    parts.push(`### ❌ Expired acceptances (${expired.length})\n`);
    for (const e of expired)
      parts.push(
        `- #${e.entry_number} ${code(e.entry.rule)}${e.entry.subject ? ` ${code(e.entry.subject)}` : ''} expired ${e.entry.expires} (accepted by ${cell(e.entry.accepted_by)}: ${cell(e.entry.reason)})`,
      );
    parts.push('');
  }
  const inline = inlineAcceptances(result);
  if (accepted.length || inline.length) {
    parts.push(`<details><summary>Accepted findings (${accepted.length + inline.length})</summary>\n`);
    parts.push('| Rule | Finding | Reason | Accepted by | Until | Written in |', '|---|---|---|---|---|---|');
    for (const a of accepted)
      parts.push(
        `| ${code(a.issue.code ?? a.issue.rule)} | ${cell(a.issue.description)}${cell(where(a.issue))} | ${cell(a.entry.reason)} | ${cell(a.entry.accepted_by)} | ${a.entry.expires} | ledger entry #${a.entry_number} |`,
      );
    // Inline acceptances have no owner or expiry of their own: the commit that wrote them is the record.
    for (const a of inline)
      parts.push(
        `| ${code(a.issue.code ?? a.issue.rule)} | ${cell(a.issue.description)}${cell(where(a.issue))} | ${cell(a.entry.reason)} | ${cell(a.entry.accepted_by ?? '—')} | ${a.entry.expires ?? 'no expiry'} | ${code(a.entry.written_in)} |`,
      );
    parts.push('\n</details>\n');
  }
  if (unmatched.length) {
    parts.push(`<details><summary>Ledger entries that matched nothing (${unmatched.length})</summary>\n`);
    for (const u of unmatched)
      parts.push(
        `- #${u.entry_number} ${code(u.entry.rule)}${u.entry.subject ? ` ${code(u.entry.subject)}` : ''}${u.entry.location ? ` at ${code(u.entry.location)}` : ''}`,
      );
    parts.push('\n</details>\n');
  }
  return parts.join('\n');
}

/**
 * The pull-request comment: verdict, a summary table per input, each input's findings in a
 * collapsible section, the acceptance ledger's effect. Never longer than `limit`: sections that do
 * not fit are left out and a note says so and where the full report is.
 */
export function renderGateMarkdown(result: GateResult, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const verdict = gateVerdict(result);
  const icon = result.exit_code === 0 ? '✅' : result.exit_code === 1 ? '⚠️' : '❌';
  const head = [
    COMMENT_MARKER,
    `## ${icon} Migration Architect gate: ${verdict}`,
    '',
    `${countsLine(result.counts)} in ${result.inputs.length} input${result.inputs.length === 1 ? '' : 's'} · base ${code(result.base.ref)} (${shortCommit(result.base.commit)}) → ${code(result.head.ref)} (${shortCommit(result.head.commit)}) · fails on ${SEVERITY_LABEL[result.fail_on as keyof typeof SEVERITY_LABEL] ?? result.fail_on} · exit ${result.exit_code}`,
    '',
    '',
  ].join('\n');
  const rows = result.inputs.map((input) => {
    const n = (s: keyof GateResult['counts']) => input.report?.issues.filter((i) => i.severity === s).length ?? 0;
    return `| ${code(input.path)} | ${input.kind} | ${input.checker} | ${inputVerdict(input)} | ${n('breaking')} | ${n('potentially_breaking')} | ${n('non_breaking') + n('additive')} |\n`;
  });
  const tableHead = result.inputs.length
    ? '| Input | Kind | Checker | Verdict | Breaking | Potentially breaking | Other |\n|---|---|---|---|---:|---:|---:|\n'
    : '_Nothing this branch changes is a migration, schema or API the loaded plugins check._\n';
  const footer = `\n<sub>migration-architect ${result.tool.version}${result.skipped.length ? ` · ${result.skipped.length} changed file${result.skipped.length === 1 ? '' : 's'} not checked (\`gate --dry-run\` lists why)` : ''}</sub>\n`;
  const note = (left: number) =>
    `\n> [!NOTE]\n> Truncated to stay under GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit: ${left} section${left === 1 ? '' : 's'} left out. The full report is ${options.fullReport ? cell(options.fullReport) : 'in the JSON / SARIF output of the run'}.\n`;
  const reserve = note(99_999).length + footer.length;

  let body = head + tableHead;
  let leftOut = 0;
  for (const row of rows) {
    if (body.length + row.length + reserve > limit) leftOut++;
    else body += row;
  }
  body += '\n';
  const sections = [acceptance(result), ...result.inputs.filter((i) => (i.report?.issues.length ?? 0) > 0 || i.error || i.round_trip).map(details)].filter(
    Boolean,
  );
  for (const section of sections) {
    if (body.length + section.length + 1 + reserve > limit) leftOut++;
    else body += `${section}\n`;
  }
  if (leftOut) body += note(leftOut);
  return (body + footer).slice(0, limit);
}
