import { styleText } from 'node:util';
import { MigrationArchitectError, redactSecrets, secretsFromEnvironment, UnknownCheckerError, UnknownMigrationTypeError } from '@migration-architect/core';
import type { CliIo } from '../io/cli-io.js';
import { packageProvidingChecker, packageProvidingType } from '../plugins/builtin-plugins.js';

export const INTERNAL_ERROR_EXIT = 70;

function useColor(io: CliIo): boolean {
  return io.stderrIsTty && !io.env.NO_COLOR;
}

/** Adds the package to install when a missing type or checker is one of ours. */
function withInstallHint(error: MigrationArchitectError): string {
  const line = error.describe();
  const pkg =
    error instanceof UnknownMigrationTypeError
      ? packageProvidingType(error.migrationType)
      : error instanceof UnknownCheckerError
        ? packageProvidingChecker(error.checkerId)
        : undefined;
  return pkg ? `${line}; install ${pkg}` : line;
}

/**
 * Prints one line for any failure and returns the exit code; stack traces only with --debug.
 * Every line goes through the secret redactor: a URL or keyword string taken for a file name,
 * or a driver message quoting a password, never prints it.
 */
export function reportFailure(error: unknown, io: CliIo, debug: boolean): number {
  const label = useColor(io) ? styleText('red', 'error') : 'error';
  const secrets = secretsFromEnvironment(io.env);
  const say = (text: string) => io.stderr(`${redactSecrets(text, secrets)}\n`);
  if (error instanceof MigrationArchitectError) {
    say(`migration-architect: ${label}: ${withInstallHint(error)}`);
    if (debug && error.stack) say(error.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(`migration-architect: ${label}: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}`);
  if (debug && error instanceof Error && error.stack) say(error.stack);
  return INTERNAL_ERROR_EXIT;
}
