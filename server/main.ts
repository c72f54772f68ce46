import { startServer } from './app';
import { configFromEnvironment } from './config';

try {
  const config = configFromEnvironment(process.env);
  const server = await startServer(config);
  console.log(`Tianshan Air is running:
  situational map   ${server.url}/
  wall display      ${server.url}/wall
  commander console ${server.url}/command
  health            ${server.url}/api/health`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
