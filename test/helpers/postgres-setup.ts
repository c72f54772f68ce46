import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL of the `postgres` test project (vitest.config.ts), as its superuser. */
    postgresAdminUrl: string;
  }
}

/** One PostgreSQL for the whole `postgres` project; each test server gets a new database on it. */
export default async function setup(project: TestProject) {
  const postgres = await startPostgres();
  project.provide('postgresAdminUrl', `postgres://tianshan@127.0.0.1:${postgres.port}/postgres`);
  return () => postgres.stop();
}
