import { afterAll, beforeAll, expect, test } from 'vitest';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

/**
 * Warning actions over HTTP, Kizilsu plan 3.3.3: orange = office director reviews, a deputy commander
 * approves; lifting (3.3.5) is issued by the office directly.
 */
let server: TestServer;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  server = await startTestServer(
    {},
    {
      accounts: [
        ...accountsFor(['duty-officer', 'office-director', 'deputy-commander', 'press']),
        {
          username: 'ili-commander',
          role: 'commander',
          jurisdiction: 'ili',
          password: 'ili-commander-password',
        },
      ],
    },
  );
  for (const role of ['duty-officer', 'office-director', 'deputy-commander', 'press']) {
    sessions[role] = await login(server, role, `${role}-password`);
  }
  sessions['ili-commander'] = await login(server, 'ili-commander', 'ili-commander-password');
});
afterAll(async () => {
  await server.stop();
});

function act(who: string, path: string, body: unknown) {
  return sessions[who]!.request(path, { method: 'POST', body: JSON.stringify(body) });
}

test('an orange warning goes through the plan chain, refusing the wrong role and the wrong order', async () => {
  const proposal = await act('duty-officer', '/api/warnings/propose', {
    jurisdiction: 'kizilsu',
    warningId: 'artux-orange',
    target: { kind: 'unit', unitId: '653001' },
    level: 'orange',
    reason: 'forecast daily AQI above 300',
  });
  expect(proposal.status, await proposal.clone().text()).toBe(201);
  expect((await proposal.json()).warning).toMatchObject({ status: 'proposed', proposedLevel: 'orange' });

  const early = await act('deputy-commander', '/api/warnings/artux-orange/issue', { reason: 'approve' });
  expect(early.status).toBe(409);
  expect((await early.json()).error).toMatch(/office-director must review first/);
  const outOfOrder = await act('deputy-commander', '/api/warnings/artux-orange/sign', { reason: 'approve' });
  expect(outOfOrder.status).toBe(403);
  const press = await act('press', '/api/warnings/artux-orange/sign', { reason: 'x' });
  expect(press.status).toBe(403);
  const otherPrefecture = await act('ili-commander', '/api/warnings/artux-orange/sign', { reason: 'x' });
  expect(otherPrefecture.status).toBe(403);

  const review = await act('office-director', '/api/warnings/artux-orange/sign', { reason: 'reviewed' });
  expect((await review.json()).warning.status).toBe('under-approval');
  const issue = await act('deputy-commander', '/api/warnings/artux-orange/issue', { reason: 'approved' });
  expect(issue.status, await issue.clone().text()).toBe(200);
  expect((await issue.json()).warning).toMatchObject({ status: 'issued', segments: [{ level: 'orange' }] });

  const notLower = await act('duty-officer', '/api/warnings/artux-orange/lower', {
    level: 'red',
    reason: 'x',
  });
  expect(notLower.status).toBe(400);
  const lift = await act('duty-officer', '/api/warnings/artux-orange/lift', {
    reason: 'AQI below 200 for 36 h',
  });
  expect((await lift.json()).warning.status).toBe('lifted');
});

test('every warning action and refusal is in the audit log with its actor', async () => {
  const store = (await import('../../server/store/sqlite')).createStore(server.dataDir);
  const actions = store
    .audit({ text: 'warning.' })
    .map((entry) => [entry.action, entry.actor])
    .reverse();
  store.close();
  expect(actions).toEqual([
    ['warning.propose', 'duty-officer (duty-officer)'],
    ['warning.sign.refused', 'deputy-commander (deputy-commander)'],
    ['warning.sign', 'office-director (office-director)'],
    ['warning.sign', 'deputy-commander (deputy-commander)'],
    ['warning.lift', 'duty-officer (duty-officer)'],
  ]);
});
