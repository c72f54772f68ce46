import { afterAll, beforeAll, expect, test } from 'vitest';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

// Kizilsu plan 3.3.2 预警启动: the units the autonomous region's warning names respond at no lower level.
const kizilsuUnits = ['653001', '653022', '653023', '653024'];
const roles = ['office-director', 'duty-officer'] as const;
let server: TestServer;
let director: Session;

beforeAll(async () => {
  server = await startTestServer({}, { accounts: accountsFor(roles) });
  director = await login(server, 'office-director', 'office-director-password');
});
afterAll(async () => {
  await server.stop();
});

const warning = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    jurisdiction: 'kizilsu',
    level: 'orange',
    issuedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    reference: '新环发〔2026〕12号',
    ...extra,
  });

async function floors(): Promise<Record<string, string>> {
  const response = await director.request('/api/state?jurisdiction=kizilsu');
  expect(response.status).toBe(200);
  const { units } = (await response.json()) as { units: { id: string; regionFloor: string }[] };
  return Object.fromEntries(units.map((unit) => [unit.id, unit.regionFloor]));
}

test('the office director sets the region warning: every Kizilsu unit gets that floor', async () => {
  expect(Object.values(await floors()).every((floor) => floor === 'none')).toBe(true);
  const issuedAt = new Date(Date.now() - 2 * 3_600_000);
  issuedAt.setUTCMinutes(0, 0, 0);
  const response = await director.request('/api/external-regional-warning', {
    method: 'PUT',
    body: warning({ issuedAt: issuedAt.toISOString() }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const set = await floors();
  expect(kizilsuUnits.map((id) => set[id])).toEqual(['orange', 'orange', 'orange', 'orange']);
  // Each unit's response is due (plan §7) since the autonomous region issued its warning.
  const state = await (await director.request('/api/state?jurisdiction=kizilsu')).json();
  expect(state.compliance.map((flag: { kind: string; since: number }) => [flag.kind, flag.since])).toEqual(
    kizilsuUnits.map(() => ['start-due', issuedAt.getTime()]),
  );
});

test('named members only; a unit outside Kizilsu or a duty officer is refused', async () => {
  const named = await director.request('/api/external-regional-warning', {
    method: 'PUT',
    body: warning({ level: 'red', members: ['653001'] }),
  });
  expect(named.status).toBe(200);
  const set = await floors();
  expect(kizilsuUnits.map((id) => set[id])).toEqual(['red', 'none', 'none', 'none']);

  const outside = await director.request('/api/external-regional-warning', {
    method: 'PUT',
    body: warning({ members: ['654002'] }),
  });
  expect(outside.status).toBe(400);
  expect(JSON.stringify(await outside.json())).toMatch(/members/);

  const officer = await login(server, 'duty-officer', 'duty-officer-password');
  const refused = await officer.request('/api/external-regional-warning', { method: 'PUT', body: warning() });
  expect(refused.status).toBe(403);
});

test('the warning survives a restart, and clearing it lifts the floor', async () => {
  await server.close();
  // The reopened server owns the data directory from here on; afterAll stops it.
  server = await startTestServer({}, { dataDir: server.dataDir });
  director = await login(server, 'office-director', 'office-director-password');
  expect((await floors())['653001']).toBe('red');

  const cleared = await director.request('/api/external-regional-warning', { method: 'DELETE' });
  expect(cleared.status).toBe(200);
  expect(Object.values(await floors()).every((floor) => floor === 'none')).toBe(true);
  const current = await (await director.request('/api/external-regional-warning')).json();
  expect(current).toEqual({ warning: null });
});
