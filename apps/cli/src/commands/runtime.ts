import type { Clock } from '@migration-architect/core';
import type { PluginContext } from '../config/plugin-context.js';
import type { CliIo } from '../io/cli-io.js';

/** What every command gets from the entry point. */
export interface CommandRuntime {
  io: CliIo;
  clock: Clock;
  /** Loads the config (`--config` or the one found in cwd) and its plugins, once. */
  loadContext: (explicitConfig: string | undefined) => Promise<PluginContext>;
  /** Commands set this; `check` uses it for its 0 / 1 / 2 verdict. */
  exitCode: number;
}
