import { openStore } from '../../server/store';

/**
 * A separate process writing to a shared store (test/integration/postgres/store.test.ts): opens it (running
 * the migrations if it is first), waits for START_AT (epoch ms, so that the writers overlap), then appends
 * WRITES audit entries and warning events.
 */
const store = openStore({
  dataDir: process.env.DATA_DIR!,
  databaseUrl: process.env.DATABASE_URL,
  auditKey: process.env.AUDIT_KEY,
});
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.env.START_AT) - Date.now())));
for (let index = 0; index < Number(process.env.WRITES); index += 1) {
  store.appendAudit({ at: index, actor: `writer-${process.pid}`, action: 'test.write', detail: { index } });
  store.appendEvent('ili', { writer: process.pid, index }, index);
}
store.close();
