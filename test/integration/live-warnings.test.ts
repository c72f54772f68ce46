import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { setAccountDisabled } from '../../server/auth/accounts';
import { type Delta, deltaSchema, type Snapshot } from '../../shared/live/events';
import { login, type Session, startTestServer } from '../helpers/server';

/**
 * A warning action reaches every watching client in the next delta. Demo mode (replay on) creates the
 * accounts; at 0.001 replayed hours per second only the 60-hour warm-up of E3 arrives during the test.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
const warmedUpTo = Date.parse('2019-12-08T11:00:00+08:00');

beforeAll(async () => {
  server = await startTestServer({
    CLOCK: 'data',
    REPLAY: 'on',
    REPLAY_SPEED: '0.001',
    LIVE_RECHECK_SECONDS: '1',
  });
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const state = await (await fetch(`${server.url}/api/state?jurisdiction=ili`)).json();
    if (state.now === warmedUpTo) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the replay warm-up did not arrive');
}, 60_000);
afterAll(async () => {
  await server.stop();
});

function watch(cookie?: string) {
  const client = connect(server.url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {} });
  const snapshot = new Promise<Snapshot>((resolve) => {
    client.once('snapshot', resolve);
    client.emit('join', { jurisdiction: 'ili' });
  });
  return { client, snapshot };
}

/** A yellow warning for an Ili unit, proposed as a special case (the replay's hour supports none). */
function propose(session: Session, unitId: string, reason: string) {
  return session.request('/api/warnings/propose', {
    method: 'POST',
    body: JSON.stringify({
      jurisdiction: 'ili',
      target: { kind: 'unit', unitId },
      level: 'yellow',
      reason,
      overrideGuards: { reason: '演练：按特殊情况提出，检验推送' },
    }),
  });
}

test('a proposed warning travels in the next delta: the list to every watcher, its event to Ili accounts only', async () => {
  const duty = await login(server, 'duty-officer', 'duty-officer-demo');
  const office = watch(duty.cookie);
  const wall = watch();
  const snapshot = await office.snapshot;
  expect(snapshot.state.warnings).toEqual([]);
  expect((await wall.snapshot).seq).toBe(snapshot.seq);

  const deltas = [office, wall].map(
    ({ client }) => new Promise<Delta>((resolve) => client.once('delta', resolve)),
  );
  const proposal = await propose(duty, '654002', 'forecast daily AQI above 200');
  expect(proposal.status, await proposal.clone().text()).toBeLessThan(300);
  const [forOffice, forWall] = (await Promise.all(deltas)).map((delta) => deltaSchema.parse(delta));
  expect(forOffice!.seq).toBe(snapshot.seq + 1);
  expect(forOffice!.events).toHaveLength(1);
  expect((forOffice!.events[0] as { payload: { reason: string } }).payload.reason).toBe(
    'forecast daily AQI above 200',
  );
  // The state is public, the warning book (the event with its reason) is the office's (issue 14, item 5).
  expect(forWall!.events).toEqual([]);
  for (const delta of [forOffice!, forWall!])
    expect(delta.warnings?.map((warning) => [warning.target, warning.status, warning.proposedLevel])).toEqual(
      [[{ kind: 'unit', unitId: '654002' }, 'proposed', 'yellow']],
    );
  // Proposed is not issued: the unit's issued level stays none, so its row does not travel.
  expect(forOffice!.units.find((unit) => unit.id === '654002')?.issuedLevel).toBeUndefined();
  office.client.close();
  wall.client.close();
});

test('a screen left open by an account the office disabled stops getting warning events within the recheck', async () => {
  const office = await login(server, 'office-director', 'office-director-demo');
  const duty = await login(server, 'duty-officer', 'duty-officer-demo');
  const open = watch(office.cookie);
  await open.snapshot;
  const store = server.openStore();
  try {
    setAccountDisabled(store, 'office-director', true, 'test');
  } finally {
    store.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const next = new Promise<Delta>((resolve) => open.client.once('delta', resolve));
  const proposal = await propose(duty, '654003', 'a reason the disabled account must not read');
  expect(proposal.status, await proposal.clone().text()).toBeLessThan(300);
  const delta = deltaSchema.parse(await next);
  // The public state still arrives (the warning list), the office record (the event and its reason) not.
  expect(delta.warnings?.length).toBeGreaterThan(0);
  expect(delta.events).toEqual([]);
  open.client.close();
});
