import {
  documentFormats,
  formatWords,
  UsageError,
  type FormatRegistry,
  type RenderableDocument,
  type RenderOptions,
  type RuleSummary,
} from '@migration-architect/core';
import type { CliIo } from './cli-io.js';
import { loadMermaidScript } from './mermaid-bundle.js';
import { writeFilesAtomically, type OutputFile } from './write-output.js';

export type OutputFormat = 'json' | 'text' | 'markdown' | 'html' | 'both' | 'sarif' | 'github';

/** The formats a kind of document has in a format registry (core's by default), in the order help lists them. */
export function formatsOf(kind: string, registry: FormatRegistry = documentFormats): OutputFormat[] {
  return registry.formatsFor(kind).map((f) => f.name as OutputFormat);
}

/** Plans and runbooks: what `plan` and `rollback` take. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = formatsOf('plan');
/** Compatibility reports also have code scanning and CI annotations: what `check` takes. */
export const REPORT_FORMATS: readonly OutputFormat[] = formatsOf('report');

/** The `--format` help text for these formats, from the registry: the first is the default. */
export function describeFormats(formats: readonly string[], registry: FormatRegistry = documentFormats): string {
  const words = formats.map((name, i) => {
    const format = registry.format(name);
    const word = format ? formatWords(format) : name;
    return i === 0 ? `${word} (default)` : word;
  });
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

export function parseFormat<F extends string = OutputFormat>(value: string | undefined, allowed: readonly F[] = OUTPUT_FORMATS as readonly F[]): F {
  const format = (value ?? 'json').toLowerCase();
  const normalized = format === 'md' ? 'markdown' : format;
  if ((allowed as readonly string[]).includes(normalized)) return normalized as F;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}; got "${value}"`);
}

/** What the SARIF rendering needs besides the report. */
export interface ReportContext {
  rules: RuleSummary[];
  toolVersion: string;
}

/** `plan.json` → `plan.txt`, as the original scripts name the text beside the JSON (but never the same file). */
export function textCompanionPath(path: string): string {
  return /\.json$/i.test(path) ? path.replace(/\.json$/i, '.txt') : `${path}.txt`;
}

/**
 * The files a document is written as: one, or for a composite format (`both`) its parts, the first
 * to `output` and the text beside it. Used by every command that writes a document, reconcile's too.
 */
export function renderOutputFiles(
  registry: FormatRegistry,
  kind: string,
  format: string,
  document: unknown,
  output: string,
  options: RenderOptions = {},
): OutputFile[] {
  const parts = registry.format(format)?.parts;
  if (!parts) return [{ path: output, content: registry.render(kind, format, document, options) }];
  return parts.map((part, i) => ({ path: i === 0 ? output : textCompanionPath(output), content: registry.render(kind, part, document, options) }));
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
  const options: RenderOptions = {
    mermaidScript: format === 'html' ? await loadMermaidScript() : undefined,
    sarif: context ? { rules: context.rules, toolVersion: context.toolVersion } : undefined,
  };
  const files = renderOutputFiles(documentFormats, item.kind, format, item.document, output ?? '', options);
  // Without a file, the parts go to stdout one after the other (JSON first), as the original scripts do.
  if (!output) {
    io.stdout(files.map((f) => f.content).join('\n'));
    return;
  }
  await writeFilesAtomically(files, io.cwd);
  for (const file of files) io.stderr(`wrote ${file.path}\n`);
}
