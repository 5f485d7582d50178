import type { CompatibilityReport } from '../../documents/compatibility-report.js';
import type { MigrationPlan } from '../../documents/plan.js';
import type { RollbackRunbook } from '../../documents/runbook.js';
import { renderHtmlDocument } from '../html/html-document.js';
import { renderPlanMarkdown } from '../plan-markdown.js';
import { renderPlanText } from '../plan-text.js';
import { renderReportGithub } from '../report-github.js';
import { renderReportMarkdown } from '../report-markdown.js';
import { renderReportSarif } from '../report-sarif.js';
import { renderReportText } from '../report-text.js';
import { renderRunbookMarkdown } from '../runbook-markdown.js';
import { renderRunbookText } from '../runbook-text.js';
import { FormatRegistry } from './format-registry.js';
import { defineFormatContribution as contribute, type FormatContribution, type ReportFormat } from './report-format.js';

/** Every format a document can be written in. The order is the order help texts list them in. */
export const REPORT_FORMAT_DEFINITIONS: readonly ReportFormat[] = [
  { name: 'json', mediaType: 'application/json', extension: '.json' },
  { name: 'text', mediaType: 'text/plain', extension: '.txt' },
  { name: 'markdown', mediaType: 'text/markdown', extension: '.md', note: 'with Mermaid diagrams' },
  { name: 'html', mediaType: 'text/html', extension: '.html', note: 'self-contained page' },
  { name: 'both', mediaType: 'application/json', extension: '.json', note: 'JSON plus a .txt beside it', parts: ['json', 'text'] },
  { name: 'sarif', mediaType: 'application/sarif+json', extension: '.sarif', note: 'GitHub code scanning' },
  { name: 'github', mediaType: 'text/plain', extension: '.txt', note: 'workflow annotations' },
];

/** Two-space indented, newline-terminated: the JSON every document is written as. */
export function renderJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The Markdown in a self-contained page titled after the document. */
function htmlOf<D>(markdown: (document: D) => string, title: (document: D) => string) {
  return (document: D, options: { mermaidScript?: string | undefined }) =>
    renderHtmlDocument(markdown(document), { title: title(document), mermaidScript: options.mermaidScript });
}

const planRenderers: FormatContribution<MigrationPlan>[] = [
  contribute('plan', 'json', renderJson),
  contribute('plan', 'text', renderPlanText),
  contribute('plan', 'markdown', renderPlanMarkdown),
  contribute(
    'plan',
    'html',
    htmlOf(renderPlanMarkdown, (plan) => `Migration plan ${plan.migration_id}`),
  ),
];

const reportRenderers: FormatContribution<CompatibilityReport>[] = [
  contribute('report', 'json', renderJson),
  contribute('report', 'text', renderReportText),
  contribute('report', 'markdown', renderReportMarkdown),
  contribute(
    'report',
    'html',
    htmlOf(renderReportMarkdown, (report) => `Compatibility report ${report.schema_type}`),
  ),
  contribute('report', 'sarif', (report, options) => renderReportSarif(report, options.sarif ?? { rules: [], toolVersion: '0.0.0' })),
  contribute('report', 'github', renderReportGithub),
];

const runbookRenderers: FormatContribution<RollbackRunbook>[] = [
  contribute('runbook', 'json', renderJson),
  contribute('runbook', 'text', renderRunbookText),
  contribute('runbook', 'markdown', renderRunbookMarkdown),
  contribute(
    'runbook',
    'html',
    htmlOf(renderRunbookMarkdown, (runbook) => `Rollback runbook ${runbook.runbook_id}`),
  ),
];

/** Core's documents (plan, report, runbook) in every format they have. Packages add their kinds with `with`. */
export const documentFormats = new FormatRegistry(REPORT_FORMAT_DEFINITIONS, [
  ...planRenderers,
  ...reportRenderers,
  ...runbookRenderers,
] as FormatContribution<never>[]);
