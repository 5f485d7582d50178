import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The tests spawn the built CLI; on a busy 2-core CI machine one run can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
