import type { ArgsDef } from 'citty';
import { UsageError } from '@migration-architect/core';
import type { CliIo } from './cli-io.js';
import { writeFilesAtomically } from './write-output.js';

/**
 * `-o FILE` and `--format` for commands that print listings rather than documents (plugins,
 * patterns, rules, schema): the same two options every command takes, with the formats it has.
 */
export function listingArgs<const F extends string>(formats: readonly F[], descriptions: Record<F, string>) {
  return {
    output: { type: 'string', alias: 'o', description: 'Write to this file (atomically) instead of stdout', valueHint: 'file' },
    format: {
      type: 'string',
      alias: 'f',
      description: formats.map((f, i) => `${descriptions[f]}${i === 0 ? ' (default)' : ''}`).join(', '),
      valueHint: formats.join('|'),
    },
  } as const satisfies ArgsDef;
}

/** The `--format` value, from the formats the command has (the first is the default). */
export function listingFormat<const F extends string>(value: string | undefined, formats: readonly F[], jsonFlag?: boolean): F {
  if (jsonFlag) {
    if (value !== undefined && value !== 'json') throw new UsageError(`--json and --format ${value} contradict each other`);
    if (!(formats as readonly string[]).includes('json')) throw new UsageError('--json is not available here');
    return 'json' as F;
  }
  const format = value === 'md' ? 'markdown' : (value ?? formats[0]!);
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}; got "${value}"`);
  return format as F;
}

/** Prints the listing, or writes it to `-o FILE` and says so on stderr. */
export async function emitListing(content: string, output: string | undefined, io: CliIo): Promise<void> {
  if (!output) {
    io.stdout(content);
    return;
  }
  await writeFilesAtomically([{ path: output, content }], io.cwd);
  io.stderr(`wrote ${output}\n`);
}
