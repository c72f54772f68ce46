import { createPostgresStore } from './postgres';
import { createStore } from './sqlite';
import type { Store } from './types';

export type StoreSettings = {
  dataDir: string;
  auditKey?: string | undefined;
  databaseUrl?: string | undefined;
};

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file in DATA_DIR (the default). */
export function openStore(settings: StoreSettings): Store {
  const auditKey = settings.auditKey;
  return settings.databaseUrl
    ? createPostgresStore(settings.databaseUrl, { dataDir: settings.dataDir, auditKey })
    : createStore(settings.dataDir, { auditKey });
}
