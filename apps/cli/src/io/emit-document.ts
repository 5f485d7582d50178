import { renderDocument, renderJson, UsageError, type RenderableDocument } from '@migration-architect/core';
import type { CliIo } from './cli-io.js';
import { writeFilesAtomically, type OutputFile } from './write-output.js';

export const OUTPUT_FORMATS = ['json', 'text', 'markdown', 'both'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function parseFormat(value: string | undefined): OutputFormat {
  const format = (value ?? 'json').toLowerCase();
  if (format === 'md') return 'markdown';
  if ((OUTPUT_FORMATS as readonly string[]).includes(format)) return format as OutputFormat;
  throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}; got "${value}"`);
}

/** `plan.json` → `plan.txt`, as the seed names the text beside the JSON (but never the same file). */
export function textCompanionPath(path: string): string {
  return /\.json$/i.test(path) ? path.replace(/\.json$/i, '.txt') : `${path}.txt`;
}

/**
 * Renders a document and sends it to stdout or to `--output`. With `both`, the JSON goes to the
 * output file and the text beside it (or both to stdout, JSON first), as the seed scripts do.
 */
export async function emitDocument(item: RenderableDocument, format: OutputFormat, output: string | undefined, io: CliIo): Promise<void> {
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
    const content = renderDocument(item, format);
    if (!output) {
      io.stdout(content);
      return;
    }
    files.push({ path: output, content });
  }
  await writeFilesAtomically(files, io.cwd);
  for (const file of files) io.stderr(`wrote ${file.path}\n`);
}
