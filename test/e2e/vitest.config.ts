import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // server/auth/passwords.ts: OWASP's scrypt cost in service, a lower one for the suite's many sign-ins.
    env: { SCRYPT_LOG2_COST: '14' },
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
