import type { SarifOptions } from '../report-sarif.js';

/**
 * One output format: its name on the command line, what it is on disk and on the wire, and the
 * words `--help` uses for it. Formats are shared by every kind of document; which kinds a format
 * renders is up to the renderers contributed for it.
 */
export interface ReportFormat {
  name: string;
  mediaType: string;
  /** With the dot: `.json`. */
  extension: string;
  /** What `--help` adds in brackets after the name, e.g. "with Mermaid diagrams"; none when the name says it all. */
  note?: string | undefined;
  /**
   * A composite format is written as its parts, the first to the output and the others beside it
   * (`both`: JSON, and the text in a `.txt` next to it). A kind has it when it has every part.
   */
  parts?: readonly string[] | undefined;
}

/** What some renderers need besides the document. */
export interface RenderOptions {
  /** For `html`: Mermaid's browser bundle, inlined so diagrams render offline. */
  mermaidScript?: string | undefined;
  /** For `sarif`: the rules and tool version the log names. */
  sarif?: SarifOptions | undefined;
}

export type DocumentRenderer<D> = (document: D, options: RenderOptions) => string;

/** A renderer for one kind of document (`plan`, `report`, `reconcile` …) in one format. */
export interface FormatContribution<D = never> {
  kind: string;
  format: string;
  render: DocumentRenderer<D>;
}

/** `name (note)`, or the name alone: the words `--help` lists. */
export function formatWords(format: ReportFormat): string {
  return format.note ? `${format.name} (${format.note})` : format.name;
}

export function defineFormatContribution<D>(kind: string, format: string, render: DocumentRenderer<D>): FormatContribution<D> {
  return { kind, format, render };
}
