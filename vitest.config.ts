import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Loading the real demo statistics into a fresh PGlite takes a minute on a busy 2-core machine.
    hookTimeout: 300_000,
    pool: 'forks',
    // Files and the tests inside each file run in random order (the seed is printed: "Running tests with
    // seed …"; repeat an order with `npx vitest run --sequence.seed=<seed>`). A suite that tells one story in
    // steps says so with `describe(…, { shuffle: false })` (the browser walk-through and rounds, the Statistik
    // page from first fetch to Table 1, the round documents).
    sequence: { shuffle: { files: true, tests: true } },
  },
});
