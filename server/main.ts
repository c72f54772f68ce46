import { startServer } from './app';
import { configFromEnvironment } from './config';

try {
  const config = configFromEnvironment(process.env);
  const server = await startServer(config);
  console.log(`Tianshan Air is running:
  situational map   ${server.url}/
  wall display      ${server.url}/wall
  commander console ${server.url}/command
  press page        ${server.url}/press
  health            ${server.url}/api/health`);
  if (server.demoAccounts.length > 0) {
    console.log(
      '\nDEMO ACCOUNTS (demo mode only, for both prefectures; create real ones with `npm run cli -- user add`):',
    );
    for (const account of server.demoAccounts)
      console.log(`  ${account.username.padEnd(24)} ${account.password}`);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
