import { startServer } from './app';
import { startBanner } from './banner';
import { configFromEnvironment } from './config';

try {
  const config = configFromEnvironment(process.env);
  const server = await startServer(config);
  console.log(startBanner(server.url, server.demoAccounts));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
