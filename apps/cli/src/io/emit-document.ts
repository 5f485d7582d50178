import {
  renderDocument,
  renderJson,
  renderReportGithub,
  renderReportSarif,
  UsageError,
  type RenderableDocument,
  type RuleSummary,
} from '@migration-architect/core';
import type { CliIo } from './cli-io.js';
import { loadMermaidScript } from './mermaid-bundle.js';
import { writeFilesAtomically, type OutputFile } from './write-output.js';

export const OUTPUT_FORMATS = ['json', 'text', 'markdown', 'html', 'both'] as const;
/** Formats only compatibility reports have: code-scanning and CI annotations. */
export const REPORT_FORMATS = [...OUTPUT_FORMATS, 'sarif', 'github'] as const;
export type OutputFormat = (typeof REPORT_FORMATS)[number];

/** What each format is, in the words `--help` uses: help texts are built from this list, never by hand. */
export const FORMAT_DESCRIPTIONS: Record<OutputFormat, string> = {
  json: 'json (default)',
  text: 'text',
  markdown: 'markdown (with Mermaid diagrams)',
  html: 'html (self-contained page)',
  both: 'both (JSON plus a .txt beside it)',
  sarif: 'sarif (GitHub code scanning)',
  github: 'github (workflow annotations)',
};

/** The `--format` help text for these formats. */
export function describeFormats(formats: readonly OutputFormat[]): string {
  const words = formats.map((f) => FORMAT_DESCRIPTIONS[f]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

export function parseFormat(value: string | undefined, allowed: readonly OutputFormat[] = OUTPUT_FORMATS): OutputFormat {
  const format = (value ?? 'json').toLowerCase();
  const normalized = format === 'md' ? 'markdown' : format;
  if ((allowed as readonly string[]).includes(normalized)) return normalized as OutputFormat;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}; got "${value}"`);
}

/** What the SARIF rendering needs besides the report. */
export interface ReportContext {
  rules: RuleSummary[];
  toolVersion: string;
}

async function render(item: RenderableDocument, format: Exclude<OutputFormat, 'both'>, context?: ReportContext): Promise<string> {
  if (item.kind === 'report' && format === 'sarif') {
    return renderReportSarif(item.document, { rules: context?.rules ?? [], toolVersion: context?.toolVersion ?? '0.0.0' });
  }
  if (item.kind === 'report' && format === 'github') return renderReportGithub(item.document);
  if (format === 'sarif' || format === 'github') throw new UsageError(`--format ${format} is for check reports only`);
  if (format === 'html') return renderDocument(item, 'html', { mermaidScript: await loadMermaidScript() });
  return renderDocument(item, format);
}

/** `plan.json` → `plan.txt`, as the original scripts name the text beside the JSON (but never the same file). */
export function textCompanionPath(path: string): string {
  return /\.json$/i.test(path) ? path.replace(/\.json$/i, '.txt') : `${path}.txt`;
}

/**
 * Renders a document and sends it to stdout or to `--output`. With `both`, the JSON goes to the
 * output file and the text beside it (or both to stdout, JSON first), as the original scripts do.
 */
export async function emitDocument(
  item: RenderableDocument,
  format: OutputFormat,
  output: string | undefined,
  io: CliIo,
  context?: ReportContext,
): Promise<void> {
  const files: OutputFile[] = [];
  if (format === 'both') {
    const json = renderJson(item.document);
    const text = renderDocument(item, 'text');
    if (!output) {
      io.stdout(`${json}\n${text}`);
      return;
    }
    files.push({ path: output, content: json }, { path: textCompanionPath(output), content: text });
  } else {
    const content = await render(item, format, context);
    if (!output) {
      io.stdout(content);
      return;
    }
    files.push({ path: output, content });
  }
  await writeFilesAtomically(files, io.cwd);
  for (const file of files) io.stderr(`wrote ${file.path}\n`);
}
