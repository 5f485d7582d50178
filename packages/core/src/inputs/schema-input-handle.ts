import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseDocument } from '../documents/parse-document.js';
import { InputMissingError } from '../errors/errors.js';
import type { SchemaInputHandle } from '../plugin/contract-types.js';
import { redactSecrets } from '../secrets/redact-secrets.js';

/** A schema given as a value rather than a file: rule examples, library callers. */
export interface InMemorySchema {
  /** How messages and reports name it; with an extension (`schema.sql`), sources for that format read `document` as text. */
  name: string;
  /** A JSON/YAML value, or a file's text. */
  document: unknown;
  /** The file name sources see (`schema.sql`); default: `name`. */
  fileName?: string | undefined;
}

export type SchemaInputRef = string | InMemorySchema;

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, expected a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** A scheme of two letters or more, so `C:\schema.sql` stays a path. */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;
const DOCUMENT_FILE = /\.(json|ya?ml)$/i;

/** Reads a file for a source, with the one error message every input shares (66, naming the file). */
export async function readInputFile(path: string, name: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InputMissingError(`cannot read input: ${READ_FAILURES[code] ?? (error as Error).message}`, { file: name });
  }
}

function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

/** The handle sources read an input through: lazy, memoized, and naming the input in every failure. */
export function createSchemaInputHandle(ref: SchemaInputRef, options: { cwd: string; explicit: boolean }): SchemaInputHandle {
  const { cwd, explicit } = options;
  if (typeof ref !== 'string') {
    const isText = typeof ref.document === 'string';
    const text = memo(async () => (isText ? (ref.document as string) : JSON.stringify(ref.document, null, 2)));
    return {
      input: ref.name,
      name: ref.name,
      scheme: null,
      path: null,
      fileName: ref.fileName ?? ref.name,
      cwd,
      inMemory: true,
      explicit,
      text,
      bytes: async () => new TextEncoder().encode(await text()),
      document: async () => (isText ? parseDocument(ref.document as string, ref.name) : ref.document),
      isDocumentFile: () => !isText || DOCUMENT_FILE.test(ref.fileName ?? ref.name),
    };
  }
  const scheme = SCHEME.exec(ref)?.[1]?.toLowerCase() ?? null;
  const name = redactSecrets(ref);
  const path = scheme ? null : isAbsolute(ref) ? ref : resolve(cwd, ref);
  const bytes = memo(async () => {
    if (!path) throw new InputMissingError(`cannot read input: "${scheme}:" inputs are not files`, { file: name });
    return readInputFile(path, name);
  });
  const text = memo(async () => (await bytes()).toString('utf8').replace(/^\uFEFF/, ''));
  const document = memo(async () => parseDocument(await text(), name));
  const lastSegment = ref.split(/[\\/]/).pop() ?? ref;
  return {
    input: ref,
    name,
    scheme,
    path,
    fileName: path === null ? null : lastSegment,
    cwd,
    inMemory: false,
    explicit,
    text,
    bytes: async () => new Uint8Array(await bytes()),
    document,
    isDocumentFile: () => path !== null && (DOCUMENT_FILE.test(lastSegment) || !lastSegment.includes('.')),
  };
}
