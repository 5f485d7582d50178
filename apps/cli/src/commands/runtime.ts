import type { Clock, PluginRegistry } from '@migration-architect/core';
import type { CliIo } from '../io/cli-io.js';

/** What every command gets from the entry point. */
export interface CommandRuntime {
  io: CliIo;
  clock: Clock;
  loadRegistry: () => Promise<PluginRegistry>;
  /** Commands set this; `check` uses it for the seed's 0 / 1 / 2. */
  exitCode: number;
}
