import { UsageError } from '@migration-architect/core';
import type { ArgsDef } from 'citty';
import { CONFIG_EXTENSIONS } from '../config/load-config.js';
import { describeFormats, OUTPUT_FORMATS } from '../io/emit-document.js';

export const globalArgs = {
  config: {
    type: 'string',
    alias: 'c',
    description: `Config file (default: migration-architect.config.{${CONFIG_EXTENSIONS.join(',')}} in the current folder)`,
    valueHint: 'file',
  },
  debug: { type: 'boolean', description: 'Print stack traces for internal errors' },
} as const satisfies ArgsDef;

export const outputArgs = {
  ...globalArgs,
  output: { type: 'string', alias: 'o', description: 'Write the document to this file (atomically) instead of stdout', valueHint: 'file' },
  format: {
    type: 'string',
    alias: 'f',
    description: describeFormats(OUTPUT_FORMATS),
    valueHint: OUTPUT_FORMATS.join('|'),
  },
} as const satisfies ArgsDef;

/** citty accepts any flag; a typo must not be silently ignored, so unknown flags are usage errors. */
export function assertKnownFlags(rawArgs: string[], args: ArgsDef): void {
  const known = new Set<string>(['help', 'h']);
  for (const [name, def] of Object.entries(args)) {
    known.add(name);
    const aliases = 'alias' in def && def.alias ? (Array.isArray(def.alias) ? def.alias : [def.alias]) : [];
    for (const alias of aliases) known.add(alias);
    if (def.type === 'boolean') known.add(`no-${name}`);
  }
  for (const raw of rawArgs) {
    if (raw === '--') break;
    if (!raw.startsWith('-') || raw === '-') continue;
    const name = raw.replace(/^--?/, '').split('=')[0]!;
    // Grouped short flags (-ab) are not used by this CLI; treat them as one name.
    if (!known.has(name)) throw new UsageError(`unknown option "${raw.split('=')[0]}" (see --help)`);
  }
}

/** The one input file, given positionally or with --input/-i. */
export function singleInput(positional: string | undefined, flag: string | undefined, what: string): string {
  if (positional && flag && positional !== flag) {
    throw new UsageError(`two inputs given ("${positional}" and --input "${flag}"); give one ${what}`);
  }
  const file = flag ?? positional;
  if (!file) throw new UsageError(`missing input: give the ${what} file as an argument or with --input`);
  return file;
}
