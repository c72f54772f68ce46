import { defineConfig } from 'vitest/config';

/**
 * Integration tests that run a second time on PostgreSQL (issue 19: the same suite against both stores):
 * ingest and its durability across a restart, the warning lifecycle, the audit chain, office records,
 * sessions.
 */
const onBothStores = [
  'test/integration/ingest.test.ts',
  'test/integration/warnings.test.ts',
  'test/integration/audit.test.ts',
  'test/integration/reports.test.ts',
  'test/integration/enterprise-checks.test.ts',
  'test/integration/auth.test.ts',
  'test/integration/accounts.test.ts',
  'test/integration/durability.test.ts',
  'test/integration/observation-days.test.ts',
];

export default defineConfig({
  test: {
    // server/auth/passwords.ts: OWASP's scrypt cost in service, a lower one for the suite's many sign-ins.
    env: { SCRYPT_LOG2_COST: '14' },
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/**', 'test/fixtures/**'],
    // A file import starts its worker thread on first use: seconds when the machine is busy.
    testTimeout: 60_000,
    // Servers with several accounts start slowly when the machine is shared (hashing each password).
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['**/*.test.ts'], exclude: ['test/integration/postgres/**'] },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...onBothStores, 'test/integration/postgres/**/*.test.ts'],
          env: { TEST_STORE: 'postgres' },
          // A throwaway PostgreSQL (scripts/ensure-services.sh installs it when missing).
          globalSetup: ['test/helpers/postgres-setup.ts'],
        },
      },
    ],
  },
});
