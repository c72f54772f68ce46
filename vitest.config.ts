import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/**', 'test/fixtures/**'],
    testTimeout: 20_000,
  },
});
