import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Loading the real demo statistics into a fresh PGlite takes a minute on a busy 2-core machine.
    hookTimeout: 300_000,
    pool: 'forks',
    // Files run in random order (the seed is printed: "Running tests with seed …"; repeat an order with
    // `npx vitest run --sequence.seed=<seed>`). Tests inside a file are shuffled by `npm run test:shuffle`,
    // not yet by default: some files still tell one story in steps (see CONTRIBUTING.md).
    sequence: { shuffle: { files: true, tests: false } },
  },
});
