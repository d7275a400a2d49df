import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files and the tests in them run in random order, so no test can lean on another having run first.
    // The seed is printed at the start ("Running tests with seed …"); repeat an order with
    // `npx vitest run --sequence.seed=<seed>`.
    sequence: { shuffle: true },
  },
});
