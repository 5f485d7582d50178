/** One parsed file of an API description: the root document, or a file a `$ref` points into. */
export interface SpecDocument {
  /** Absolute path or URL; relative `$ref`s are resolved from it. */
  uri: string;
  /** How findings name it: the input's name for the root, a path relative to it for the others. */
  name: string;
  root: unknown;
  /** The text, for line numbers; absent for documents given in memory. */
  text: string | undefined;
  format: 'json' | 'yaml';
  /** A YAML file's parsed document, kept for line numbers so the text is parsed once. */
  yaml?: { document: import('yaml').Document; lineCounter: import('yaml').LineCounter } | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
