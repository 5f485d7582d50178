import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BUILTIN_PLUGINS } from './builtin-plugins.js';

/*
 * `check` without `--type` must find which checker reads its inputs, and asking every built-in's
 * sources means importing and validating all three plugins (~1.5× the CPU of `check --type
 * database`). For inputs whose kind is plain from their name or their top-level keys (SQL and
 * GraphQL files, database schema, OpenAPI and Terraform plan JSON), only the built-in that reads
 * them is loaded. The test is conservative: it names a plugin only when no
 * other built-in source would answer for the input (checked against the real sources by a test),
 * and anything else (URLs, folders, YAML, documents with another format's keys) loads them all, as
 * before, so the errors of an input nothing reads are unchanged.
 */

/** SQL files the database plugin's sources read (PostgreSQL and SQLite dialects). */
const SQL_FILE = /\.(sql|pgsql|psql)$/i;
/** GraphQL SDL files, which only the service plugin's GraphQL source reads by name. */
const SDL_FILE = /\.(graphql|graphqls|gql)$/i;
/** Larger documents are left to the sources: parsing them twice would cost more than it saves. */
const MAX_SNIFFED_BYTES = 4 * 1024 * 1024;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * JSON formats by the top-level keys their sources recognize them by. A document is given to a
 * checker when it has that format's keys and none of any other format's: the Kubernetes source
 * (asked first) looks for `apiVersion`, `kind`, `metadata` or an `items` list, the GraphQL one for
 * `__schema` (or `data.__schema`).
 */
const JSON_FORMATS: { checker: string; keys: string[]; recognizes: (document: Record<string, unknown>) => boolean }[] = [
  { checker: 'database', keys: ['tables'], recognizes: (d) => isRecord(d['tables']) },
  { checker: 'api', keys: ['openapi', 'swagger', 'paths'], recognizes: (d) => 'openapi' in d || 'swagger' in d || 'paths' in d },
  {
    checker: 'terraform',
    keys: ['format_version', 'resource_changes', 'planned_values', 'terraform_version'],
    recognizes: (d) => typeof d['format_version'] === 'string' && ('resource_changes' in d || 'planned_values' in d || 'terraform_version' in d),
  },
  { checker: 'kubernetes', keys: ['apiVersion', 'kind', 'metadata', 'items'], recognizes: () => false },
  { checker: 'graphql', keys: ['__schema', 'data'], recognizes: () => false },
];

/** The checker that alone reads this input among the built-ins, or undefined when that is not plain. */
async function checkerOf(input: string, cwd: string): Promise<string | undefined> {
  // URLs (postgres://, sqlite:) and anything that is not a plain file are left to the sources.
  if (/^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[a-z]:[\\/]/i.test(input)) return undefined;
  const path = resolve(cwd, input);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  if (SQL_FILE.test(path)) return 'database';
  if (SDL_FILE.test(path)) return 'graphql';
  if (!/\.json$/i.test(path) || info.size > MAX_SNIFFED_BYTES) return undefined;
  let document: unknown;
  try {
    document = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!isRecord(document)) return undefined;
  const format = JSON_FORMATS.find((f) => f.recognizes(document));
  if (!format) return undefined;
  const others = JSON_FORMATS.filter((f) => f !== format).flatMap((f) => f.keys);
  return others.some((key) => key in document) ? undefined : format.checker;
}

/**
 * The checker whose built-in plugin alone reads every one of these inputs (schemas given as
 * files), or undefined: then every installed built-in is loaded and their sources decide.
 */
export async function builtinCheckerForInputs(inputs: string[], cwd: string): Promise<string | undefined> {
  if (inputs.length === 0) return undefined;
  const checkers = await Promise.all(inputs.map((input) => checkerOf(input, cwd)));
  const first = checkers[0];
  if (first === undefined || checkers.some((c) => c !== first)) return undefined;
  return BUILTIN_PLUGINS.some((p) => p.checkers.includes(first)) ? first : undefined;
}
