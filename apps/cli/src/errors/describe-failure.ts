import { styleText } from 'node:util';
import { MigrationArchitectError, UnknownMigrationTypeError } from '@migration-architect/core';
import type { CliIo } from '../io/cli-io.js';
import { packageProvidingType } from '../plugins/builtin-plugins.js';

export const INTERNAL_ERROR_EXIT = 70;

function useColor(io: CliIo): boolean {
  return io.stderrIsTty && !io.env.NO_COLOR;
}

/** Adds the package to install when a missing type is one of ours. */
function withInstallHint(error: MigrationArchitectError): string {
  const line = error.describe();
  if (error instanceof UnknownMigrationTypeError) {
    const pkg = packageProvidingType(error.migrationType);
    if (pkg) return `${line}; install ${pkg}`;
  }
  return line;
}

/** Prints one line for any failure and returns the exit code; stack traces only with --debug. */
export function reportFailure(error: unknown, io: CliIo, debug: boolean): number {
  const label = useColor(io) ? styleText('red', 'error') : 'error';
  if (error instanceof MigrationArchitectError) {
    io.stderr(`migration-architect: ${label}: ${withInstallHint(error)}\n`);
    if (debug && error.stack) io.stderr(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`migration-architect: ${label}: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return INTERNAL_ERROR_EXIT;
}
