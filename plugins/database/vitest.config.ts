import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Much of these tests' time is spent waiting for PostgreSQL, another process: one worker per
    // core (vitest's default is one fewer: a single worker on 2 cores) keeps every core busy.
    maxWorkers: availableParallelism(),
    // The test files share no mutable module state (no mocks, no stubbed globals; helpers clean up
    // per test or per file), so a worker imports the plugin, core and the SQL parser once instead
    // of once per file: that import was a third of the run.
    isolate: false,
  },
});
