import { expect, test } from 'vitest';
import { login, startTestServer } from '../helpers/server';

test('demo mode (replay on, no accounts) creates one account per role, and only once', async () => {
  const server = await startTestServer({ REPLAY: 'on', REPLAY_SPEED: '1' });
  expect(server.demoAccounts.map((account) => account.username)).toEqual([
    'commander',
    'first-deputy-commander',
    'deputy-commander',
    'office-director',
    'duty-officer',
    'press',
    'viewer',
  ]);
  const commander = await login(server, 'commander', 'commander-demo');
  const me = await (await commander.request('/api/me')).json();
  expect(me.account).toMatchObject({ role: 'commander', jurisdiction: null, demo: true });
  await server.close();
  const again = await startTestServer({ REPLAY: 'on', REPLAY_SPEED: '1' }, { dataDir: server.dataDir });
  expect(again.demoAccounts).toHaveLength(7);
  await again.stop();
  const empty = await startTestServer({ REPLAY: 'off' });
  expect(empty.demoAccounts).toEqual([]);
  await empty.stop();
});
