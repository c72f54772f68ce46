import pg from 'pg';
import { inject } from 'vitest';

let databases = 0;

/** Which store the integration tests run on: the `postgres` project of vitest.config.ts sets TEST_STORE. */
export const testStoreKind = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** In the `postgres` project, a new empty database on the project's PostgreSQL; otherwise undefined. */
export async function testDatabaseUrl(): Promise<string | undefined> {
  return testStoreKind === 'postgres' ? createTestDatabase() : undefined;
}

/** A new empty database on the `postgres` project's PostgreSQL (test/helpers/postgres-setup.ts). */
export async function createTestDatabase(): Promise<string> {
  const admin = inject('postgresAdminUrl');
  const name = `test_${process.pid}_${Date.now()}_${++databases}`;
  const client = new pg.Client(admin);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/postgres$/, `/${name}`);
}
