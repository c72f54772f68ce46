import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../../server/app';
import { configFromEnvironment } from '../../server/config';

/** A real server on a free port with its own empty data directory. */
export async function startTestServer(
  environment: Record<string, string> = {},
): Promise<RunningServer & { dataDir: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tianshan-'));
  const config = configFromEnvironment({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    REPLAY: 'off',
    LOG_LEVEL: 'silent',
    ...environment,
  });
  const server = await startServer(config);
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
