import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';
import { InputDataError } from '../errors/errors.js';

/*
 * The YAML parser and the JSON error locator are loaded on first use (both are CommonJS, so a
 * synchronous require keeps parseDocument synchronous): a run on JSON inputs never pays for YAML,
 * and a valid JSON file never pays for the locator (~25 ms of start-up together).
 */
const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | undefined;
let jsonc: typeof import('jsonc-parser') | undefined;
const loadYaml = () => (yaml ??= require('yaml') as typeof import('yaml'));
const loadJsonc = () => (jsonc ??= require('jsonc-parser') as typeof import('jsonc-parser'));

function lineOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse rarely says where; jsonc-parser (strict mode) does.
    const { parse: parseJsonc, printParseErrorCode } = loadJsonc();
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) throw new InputDataError(`invalid JSON: ${(error as Error).message.split('\n')[0]}`, { file });
    const where = lineOfOffset(text, first.offset);
    const reason = printParseErrorCode(first.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    throw new InputDataError(`invalid JSON: ${reason} at column ${where.column}`, { file, line: where.line });
  }
}

function parseYamlText(text: string, file: string): unknown {
  const { parse: parseYaml, YAMLParseError } = loadYaml();
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new InputDataError(`invalid YAML: ${reason}`, { file, line });
    }
    throw new InputDataError(`invalid YAML: ${(error as Error).message.split('\n')[0]}`, { file });
  }
}

/**
 * Reads a JSON or YAML document. The extension decides; anything else is tried as JSON first
 * (the common case for generated files), then as YAML.
 */
export function parseDocument(text: string, file: string): unknown {
  const lower = file.toLowerCase();
  if (text.trim() === '') throw new InputDataError('the file is empty; expected a JSON or YAML document', { file });
  if (lower.endsWith('.json')) return parseJson(text, file);
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return parseYamlText(text, file);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(text, file);
  return parseYamlText(text, file);
}
