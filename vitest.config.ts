import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // server/auth/passwords.ts: OWASP's scrypt cost in service, a lower one for the suite's many sign-ins.
    env: { SCRYPT_LOG2_COST: '14' },
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/**', 'test/fixtures/**'],
    // A file import starts its worker thread on first use: seconds when the machine is busy.
    testTimeout: 60_000,
    // Servers with several accounts start slowly when the machine is shared (hashing each password).
    hookTimeout: 60_000,
  },
});
