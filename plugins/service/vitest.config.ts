import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // graphql ships CommonJS and ESM builds; let Vite load GraphQL Inspector too, so both it and
    // our code get the same copy (two copies make graphql-js refuse schemas "from another realm").
    server: { deps: { inline: [/@graphql-inspector/] } },
    // The real-corpus tests read multi-megabyte specs; on a busy 2-core CI machine that takes seconds.
    testTimeout: 60_000,
  },
});
