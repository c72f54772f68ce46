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

test('the state is public: the wall watches without signing in, an Ili session watches Kizilsu too', async () => {
  expect(await answer(client(), 'kizilsu')).toBe('snapshot kizilsu');
  const session = await login(server, 'ili-viewer', 'ili-viewer-password');
  expect(await answer(client(session.cookie), 'ili')).toBe('snapshot ili');
  // Like GET /api/state; the warning events inside deltas are another matter (live-warnings.test.ts).
  expect(await answer(client(session.cookie), 'kizilsu')).toBe('snapshot kizilsu');
});
