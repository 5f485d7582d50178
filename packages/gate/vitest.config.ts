import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Gate tests build git repositories and replay migrations on PGlite; the machine has few cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
