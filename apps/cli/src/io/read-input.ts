import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputMissingError, parseDocument } from '@migration-architect/core';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, expected a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Reads and parses a JSON or YAML input; `file` is kept as the user wrote it, for messages. */
export async function readDocument(file: string, cwd: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InputMissingError(`cannot read input: ${REASONS[code] ?? (error as Error).message}`, { file });
  }
  return parseDocument(text, file);
}
