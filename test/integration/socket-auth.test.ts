import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/live/events';
import { login, startTestServer, type TestServer } from '../helpers/server';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let server: TestServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer(
    {},
    {
      accounts: [
        { username: 'ili-viewer', role: 'viewer', jurisdiction: 'ili', password: 'ili-viewer-password' },
      ],
    },
  );
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.stop();
});

function client(cookie?: string): Client {
  const socket: Client = connect(server.url, {
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  clients.push(socket);
  return socket;
}

/** The first answer to a join: a snapshot's jurisdiction, or the refusal message. */
function answer(socket: Client, jurisdiction: 'ili' | 'kizilsu'): Promise<string> {
  return new Promise((resolve) => {
    socket.once('snapshot', (snapshot) => resolve(`snapshot ${snapshot.state.jurisdiction}`));
    socket.once('live-error', (error) => resolve(`refused: ${error.message}`));
    socket.emit('join', { jurisdiction });
  });
}

test('the wall watches without signing in; a session bound to Ili may watch Ili only', async () => {
  expect(await answer(client(), 'kizilsu')).toBe('snapshot kizilsu');
  const session = await login(server, 'ili-viewer', 'ili-viewer-password');
  expect(await answer(client(session.cookie), 'ili')).toBe('snapshot ili');
  expect(await answer(client(session.cookie), 'kizilsu')).toBe(
    'refused: account ili-viewer watches ili only',
  );
});
