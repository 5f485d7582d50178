import { MigrationArchitectError } from '../errors/errors.js';

/**
 * A throw inside a plugin's own code (a risk's `when`, a rule's `classify`, a source's `read`):
 * a bug in that plugin, reported as one line naming it and the contribution (70, internal error).
 */
export class PluginCodeError extends MigrationArchitectError {
  constructor(
    readonly plugin: string,
    readonly contribution: string,
    readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`plugin "${plugin}": ${contribution} threw: ${reason.split('\n')[0]}`, 70);
  }
}

/** Errors that are already a user-facing answer pass through; anything else names the plugin. */
function wrap(error: unknown, plugin: string, contribution: string): never {
  if (error instanceof MigrationArchitectError) throw error;
  throw new PluginCodeError(plugin, contribution, error);
}

/** Runs a plugin's function; `contribution` reads like `risk search/large-index: when()`. */
export function runPluginCode<R>(plugin: string, contribution: string, call: () => R): R {
  try {
    return call();
  } catch (error) {
    wrap(error, plugin, contribution);
  }
}

export async function runPluginCodeAsync<R>(plugin: string, contribution: string, call: () => Promise<R> | R): Promise<R> {
  try {
    return await call();
  } catch (error) {
    wrap(error, plugin, contribution);
  }
}
