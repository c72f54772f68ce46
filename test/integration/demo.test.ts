import { expect, test } from 'vitest';
import { startBanner } from '../../server/banner';
import { runCli } from '../helpers/cli';
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

test('a demo account disabled with the CLI is signed out, refused, and no longer printed at start', async () => {
  const server = await startTestServer({ REPLAY: 'on', REPLAY_SPEED: '1' });
  const press = await login(server, 'press', 'press-demo');
  const disabled = await runCli(['user', 'disable', '--username', 'press'], { DATA_DIR: server.dataDir });
  expect(disabled.status).toBe(0);
  expect((await press.request('/api/me')).status).toBe(401);
  await expect(login(server, 'press', 'press-demo')).rejects.toThrow(/401/);
  await server.close();
  const again = await startTestServer({ REPLAY: 'on', REPLAY_SPEED: '1' }, { dataDir: server.dataDir });
  expect(again.demoAccounts.map((account) => account.username)).not.toContain('press');
  expect(again.demoAccounts).toHaveLength(6);
  await again.stop();
});

test('a demo account whose password was changed is not printed at start with the demo password', async () => {
  const server = await startTestServer({ REPLAY: 'on', REPLAY_SPEED: '1' });
  expect(startBanner(server.url, server.demoAccounts)).toContain(
    'office-director          office-director-demo',
  );
  await server.close();
  const passwd = await runCli(
    ['user', 'passwd', '--username', 'office-director'],
    { DATA_DIR: server.dataDir },
    'a-new-director-password\n',
  );
  expect(passwd.status, passwd.output).toBe(0);
  const again = await startTestServer({ REPLAY: 'on', REPLAY_SPEED: '1' }, { dataDir: server.dataDir });
  const banner = startBanner(again.url, again.demoAccounts);
  expect(banner).not.toContain('office-director-demo');
  expect(banner).toContain('office-director          (password changed)');
  expect(banner).toContain('commander                commander-demo');
  await again.stop();
});
