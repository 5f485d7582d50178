import type { Clock } from '@migration-architect/core';
import type { PluginContext, PluginNeed } from '../config/plugin-context.js';
import type { CliIo } from '../io/cli-io.js';

/** What every command gets from the entry point. */
export interface CommandRuntime {
  io: CliIo;
  clock: Clock;
  /**
   * Loads the config (`--config` or the one found in cwd) and its plugins, once. `need` says what
   * the command will ask the registry for, so that without a config only the built-ins that can
   * answer are imported and validated.
   */
  loadContext: (explicitConfig: string | undefined, need?: PluginNeed) => Promise<PluginContext>;
  /** Commands set this; `check` uses it for its 0 / 1 / 2 verdict. */
  exitCode: number;
}
