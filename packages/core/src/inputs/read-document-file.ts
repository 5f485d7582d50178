import { resolve } from 'node:path';
import { parseDocument } from '../documents/parse-document.js';
import { readInputFile } from './schema-input-handle.js';

/** Reads and parses a JSON or YAML file; `file` is kept as the user wrote it, for messages. */
export async function readDocumentFile(file: string, cwd: string): Promise<unknown> {
  const bytes = await readInputFile(resolve(cwd, file), file);
  return parseDocument(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
}
