import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ClientToServerEvents, Delta, ServerToClientEvents, Snapshot } from '../../shared/live/events';
import { deltaSchema, type Explanations, explanationsSchema, snapshotSchema } from '../../shared/live/events';
import { startTestServer } from '../helpers/server';
import { hourEnd as hour, postStationHours } from '../helpers/station-hours';

const feederKey = 'live-test-feeder-key-0123456789';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
let server: Awaited<ReturnType<typeof startTestServer>>;
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

async function ingest(from: number, count: number, pm25: (hour: number) => number) {
  await postStationHours(server.url, feederKey, from, count, pm25);
}

function next<Name extends 'snapshot' | 'delta'>(client: Client, name: Name) {
  return new Promise<Name extends 'snapshot' ? Snapshot : Delta>((resolve) => {
    client.once(name as 'snapshot', ((payload: unknown) => resolve(payload as never)) as never);
  });
}

function open(): Client {
  return connect(server.url, {
    transports: ['websocket'],
    extraHeaders: { authorization: `Bearer ${feederKey}` },
  });
}

beforeAll(async () => {
  server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  const response = await fetch(`${server.url}/api/stations/2703A`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ name: '市环保局', lon: 81.2815, lat: 43.9404 }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  // Odd hours 90, even hours 110 µg/m³: a 24-hour mean of 100.
  await ingest(1, 24, (index) => (index % 2 === 0 ? 110 : 90));
});
afterAll(async () => {
  await server.stop();
});

test('join gives a snapshot with a sequence number, an ingest a delta with the next one, resync a new snapshot', async () => {
  const client = open();
  const snapshotPromise = next(client, 'snapshot');
  client.emit('join', { jurisdiction: 'ili' });
  const snapshot = snapshotSchema.parse(await snapshotPromise);
  expect(snapshot.state.jurisdiction).toBe('ili');
  // 24 hours of PM2.5 100 µg/m³: IAQI 100 + (100 − 75) × 50 / 40 = 131.25 → 132 (rounded up).
  expect(snapshot.state.units.find((unit) => unit.id === '654002')?.dailyAqi).toBe(132);

  const deltaPromise = next(client, 'delta');
  await ingest(25, 1, () => 340);
  const delta = deltaSchema.parse(await deltaPromise);
  expect(delta.seq).toBe(snapshot.seq + 1);
  expect(delta.now).toBe(Date.parse(hour(25)));
  // Only changed fields travel: units without a station change their explanation (a new hour), not their AQI.
  expect(delta.units.map((unit) => unit.id)).toContain('654002');
  const withoutData = delta.units.find((unit) => unit.id === '654021');
  expect(withoutData === undefined || !('dailyAqi' in withoutData)).toBe(true);
  expect(delta.stations.map((station) => station.id)).toEqual(['2703A']);
  // Window 02:00 … 01:00 next day: (2400 − 90 + 340) / 24 = 110.42 µg/m³ → 100 + 35.42 × 50 / 40 = 144.27 → 145.
  expect(delta.units.find((unit) => unit.id === '654002')?.dailyAqi).toBe(145);

  const resyncPromise = next(client, 'snapshot');
  client.emit('resync', { jurisdiction: 'ili' });
  const resynced = await resyncPromise;
  expect(resynced.seq).toBe(delta.seq);
  expect(resynced.state.units.find((unit) => unit.id === '654002')?.dailyAqi).toBe(145);
  client.close();
});

test('explain answers with the current explanation of every unit, citing the plan', async () => {
  const client = open();
  const answer = new Promise<Explanations>((resolve) => client.once('explanations', resolve));
  client.emit('explain', { jurisdiction: 'ili' });
  const explanations = explanationsSchema.parse(await answer);
  expect(explanations.now).toBe(Date.parse(hour(25)));
  // Daily AQI 145 at most: no level of the Ili plan holds (3.3.2 预警分级标准).
  expect(explanations.units['654002']?.zh).toContain('不建议发布预警');
  expect(explanations.units['654002']?.citations.some((citation) => citation.startsWith('3.3.2'))).toBe(true);
  client.close();
});

test('a malformed join is refused with the field named', async () => {
  const client = open();
  const error = new Promise<{ message: string }>((resolve) => client.once('live-error', resolve));
  client.emit('join', { jurisdiction: 'xinjiang' } as never);
  expect((await error).message).toMatch(/jurisdiction/);
  client.close();
});

test('a client that reconnects after missing deltas starts again from one snapshot, not the missed deltas', async () => {
  const client = open();
  client.on('connect', () => client.emit('join', { jurisdiction: 'ili' }));
  const first = await next(client, 'snapshot');
  const deltas: Delta[] = [];
  client.on('delta', (delta) => deltas.push(delta));
  const reconnected = new Promise<void>((resolve) => client.io.once('reconnect', () => resolve()));
  client.io.engine.close();
  await ingest(26, 1, () => 100);
  await ingest(27, 1, () => 100);
  const snapshot = await next(client, 'snapshot');
  await reconnected;
  expect(deltas).toEqual([]);
  expect(snapshot.seq).toBe(first.seq + 2);
  expect(snapshot.state.now).toBe(Date.parse(hour(27)));
  client.close();
});

/**
 * A Socket.IO client over HTTP long-polling driven by hand: the server queues its packets until it polls,
 * so a client that stops polling is one that does not keep up.
 */
async function pollingClient() {
  const base = `${server.url}/socket.io/?EIO=4&transport=polling`;
  const handshake = await (await fetch(base, { headers })).text();
  const { sid } = JSON.parse(handshake.slice(1)) as { sid: string };
  const url = `${base}&sid=${sid}`;
  const send = async (packet: string) => {
    const response = await fetch(url, { method: 'POST', headers, body: packet });
    expect(await response.text()).toBe('ok');
  };
  /** One poll: the Socket.IO events the server had queued, as [name, payload]. */
  const poll = async () =>
    (await (await fetch(url, { headers })).text())
      .split('\x1e')
      .filter((packet) => packet.startsWith('42'))
      .map((packet) => JSON.parse(packet.slice(2)) as [string, unknown]);
  await send('40');
  await poll();
  return { send, poll };
}

test('a client that falls behind gets one snapshot instead of the backlog of deltas', async () => {
  const slow = await pollingClient();
  await slow.send('42["join",{"jurisdiction":"ili"}]');
  const [[name, joined]] = (await slow.poll()) as [[string, Snapshot]];
  expect(name).toBe('snapshot');
  const keepingUp = open();
  keepingUp.emit('join', { jurisdiction: 'ili' });
  await next(keepingUp, 'snapshot');
  const received: Delta[] = [];
  // The slow client does not poll while 12 hours arrive one request at a time (maxBacklog is 8 packets).
  for (let index = 28; index < 40; index += 1) {
    const delta = next(keepingUp, 'delta');
    await ingest(index, 1, () => 100 + index);
    received.push(await delta);
  }
  expect(received.map((delta) => delta.seq)).toEqual(
    Array.from({ length: 12 }, (_, index) => joined.seq + 1 + index),
  );
  const backlog = await slow.poll();
  expect(backlog.every(([event]) => event === 'delta')).toBe(true);
  expect(backlog.length).toBeLessThan(12);
  const [[event, caughtUp], ...rest] = (await slow.poll()) as [[string, Snapshot]];
  expect(event).toBe('snapshot');
  expect(rest).toEqual([]);
  expect(caughtUp.seq).toBe(joined.seq + 12);
  expect(caughtUp.state.now).toBe(Date.parse(hour(39)));
  keepingUp.close();
});
