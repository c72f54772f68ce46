import { afterAll, beforeAll, expect, test } from 'vitest';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

/**
 * Warning actions over HTTP, Kizilsu plan 3.3.3: orange = office director reviews, a deputy commander
 * approves; lifting (3.3.5) is issued by the office directly. The store holds no data, so every level is
 * unsupported by evidence: each action that puts a level in force needs a recorded override (issue 15).
 */
let server: TestServer;
const sessions: Record<string, Session> = {};
const special = { overrideGuards: { reason: '上级指令，按特殊情况处理（演练）' } };

beforeAll(async () => {
  server = await startTestServer(
    {},
    {
      accounts: [
        ...accountsFor(['duty-officer', 'office-director', 'deputy-commander', 'commander', 'press']),
        {
          username: 'ili-commander',
          role: 'commander',
          jurisdiction: 'ili',
          password: 'ili-commander-password',
        },
        { username: 'ili-duty', role: 'duty-officer', jurisdiction: 'ili', password: 'ili-duty-password' },
      ],
    },
  );
  for (const role of ['duty-officer', 'office-director', 'deputy-commander', 'commander', 'press']) {
    sessions[role] = await login(server, role, `${role}-password`);
  }
  sessions['ili-commander'] = await login(server, 'ili-commander', 'ili-commander-password');
  sessions['ili-duty'] = await login(server, 'ili-duty', 'ili-duty-password');
}, 60_000);
afterAll(async () => {
  await server.stop();
});

function act(who: string, path: string, body: unknown) {
  return sessions[who]!.request(path, { method: 'POST', body: JSON.stringify(body) });
}

const artux = { kind: 'unit', unitId: '653001' };
let warningId = '';

test('an orange warning goes through the plan chain, refusing the wrong role and the wrong order', async () => {
  const unguarded = await act('duty-officer', '/api/warnings/propose', {
    jurisdiction: 'kizilsu',
    target: artux,
    level: 'orange',
    reason: 'forecast daily AQI above 300',
  });
  // No data: orange is unsupported and, effective now, it has none of the 48 h Kizilsu asks (3.3.3).
  expect(unguarded.status).toBe(409);
  const refusal = await unguarded.json();
  expect(refusal.guards.map((guard: { id: string }) => guard.id).sort()).toEqual([
    'lead-time',
    'level-unsupported',
  ]);
  expect(refusal.guards[0].explanation).toMatchObject({ zh: expect.any(String), en: expect.any(String) });

  const proposal = await act('duty-officer', '/api/warnings/propose', {
    jurisdiction: 'kizilsu',
    target: artux,
    level: 'orange',
    reason: 'forecast daily AQI above 300',
    ...special,
  });
  expect(proposal.status, await proposal.clone().text()).toBe(201);
  const proposed = (await proposal.json()).warning;
  expect(proposed).toMatchObject({ status: 'proposed', proposedLevel: 'orange' });
  expect(proposed.history[0].overrideGuards).toMatchObject({ reason: special.overrideGuards.reason });
  warningId = proposed.id;

  // Issue 15 item 7: the approver asking before the review is out of order (403), as signing is.
  const early = await act('deputy-commander', `/api/warnings/${warningId}/issue`, { reason: 'approve' });
  expect(early.status).toBe(403);
  expect((await early.json()).error).toMatch(/office-director must review first/);
  const earlyReject = await act('deputy-commander', `/api/warnings/${warningId}/reject`, { reason: 'no' });
  expect(earlyReject.status).toBe(403);
  const outOfOrder = await act('deputy-commander', `/api/warnings/${warningId}/sign`, { reason: 'approve' });
  expect(outOfOrder.status).toBe(403);
  const press = await act('press', `/api/warnings/${warningId}/sign`, { reason: 'x' });
  expect(press.status).toBe(403);
  const otherPrefecture = await act('ili-commander', `/api/warnings/${warningId}/sign`, { reason: 'x' });
  expect(otherPrefecture.status).toBe(403);
  const notLast = await act('office-director', `/api/warnings/${warningId}/issue`, { reason: 'x' });
  expect(notLast.status).toBe(409);
  expect((await notLast.json()).code).toBe('not-last-signature');

  const review = await act('office-director', `/api/warnings/${warningId}/sign`, { reason: 'reviewed' });
  expect((await review.json()).warning.status).toBe('under-approval');
  const guarded = await act('deputy-commander', `/api/warnings/${warningId}/issue`, { reason: 'approved' });
  expect(guarded.status).toBe(409);
  const issue = await act('deputy-commander', `/api/warnings/${warningId}/issue`, {
    reason: 'approved',
    ...special,
  });
  expect(issue.status, await issue.clone().text()).toBe(200);
  expect((await issue.json()).warning).toMatchObject({ status: 'issued', segments: [{ level: 'orange' }] });

  const notLower = await act('duty-officer', `/api/warnings/${warningId}/lower`, {
    level: 'red',
    reason: 'x',
  });
  expect(notLower.status).toBe(409);
  expect((await notLower.json()).code).toBe('not-lower');
  const unknown = await act('duty-officer', `/api/warnings/${warningId}/approve`, { reason: 'x' });
  expect(unknown.status).toBe(404);
});

test('a raise completes with issue by the approver whose turn it is (Kizilsu chain, issue 15 item 7)', async () => {
  const raise = await act('duty-officer', `/api/warnings/${warningId}/raise`, {
    level: 'red',
    reason: 'forecast daily AQI above 300 for 24 h',
    ...special,
  });
  expect(raise.status, await raise.clone().text()).toBe(200);
  // Kizilsu red (3.3.3): office director reviews, deputy commander agrees, commander approves.
  await act('office-director', `/api/warnings/${warningId}/sign`, { reason: 'reviewed' });
  const notLast = await act('deputy-commander', `/api/warnings/${warningId}/issue`, { reason: 'x' });
  expect(notLast.status).toBe(409);
  await act('deputy-commander', `/api/warnings/${warningId}/sign`, { reason: 'agreed' });
  const wrongRole = await act('office-director', `/api/warnings/${warningId}/issue`, { reason: 'x' });
  expect(wrongRole.status).toBe(403);
  const approved = await act('commander', `/api/warnings/${warningId}/issue`, {
    reason: 'approved',
    ...special,
  });
  expect(approved.status, await approved.clone().text()).toBe(200);
  const warning = (await approved.json()).warning;
  expect(warning.segments.map((segment: { level: string }) => segment.level)).toEqual(['orange', 'red']);
  expect(warning.history.at(-1).outcome).toBe('raised');
  // The live state carries each level with its approval time, for the wall's "raised to red at …".
  const approvals = (warning.history as { outcome: string; at: number }[]).filter((entry) =>
    ['issued', 'raised'].includes(entry.outcome),
  );
  const state = await (await sessions.commander!.request('/api/state?jurisdiction=kizilsu')).json();
  const live = state.warnings.find((candidate: { id: string }) => candidate.id === warningId);
  expect(live.levels).toEqual([
    { kind: 'issued', level: 'orange', at: approvals[0]!.at },
    { kind: 'raised', level: 'red', at: approvals[1]!.at },
  ]);
});

test('a lift before the conditions hold needs an override; the override is in the history and the audit', async () => {
  // A second warning: orange, issued, then lifted with no data (the 36 h improvement cannot be shown).
  const proposal = await act('duty-officer', '/api/warnings/propose', {
    jurisdiction: 'kizilsu',
    target: { kind: 'unit', unitId: '653022' },
    level: 'yellow',
    reason: 'forecast daily AQI above 200',
    ...special,
  });
  const id = (await proposal.json()).warning.id;
  await act('office-director', `/api/warnings/${id}/issue`, { reason: 'approved', ...special });
  const refused = await act('duty-officer', `/api/warnings/${id}/lift`, { reason: 'AQI below 200' });
  expect(refused.status).toBe(409);
  expect((await refused.json()).guards.map((guard: { id: string }) => guard.id)).toEqual(['lift-conditions']);
  const short = await act('duty-officer', `/api/warnings/${id}/lift`, {
    reason: 'AQI below 200',
    overrideGuards: { reason: 'too short' },
  });
  expect(short.status).toBe(400);
  const lifted = await act('duty-officer', `/api/warnings/${id}/lift`, {
    reason: 'AQI below 200',
    overrideGuards: { reason: '上级通知提前解除，特殊情况' },
  });
  expect(lifted.status, await lifted.clone().text()).toBe(200);
  const warning = (await lifted.json()).warning;
  expect(warning.status).toBe('lifted');
  expect(warning.history.at(-1)).toMatchObject({
    outcome: 'lifted',
    actor: { userId: 'duty-officer' },
    overrideGuards: { reason: '上级通知提前解除，特殊情况', guards: ['lift-conditions'] },
  });
  const store = server.openStore();
  const entry = store
    .audit({ text: 'warning.lift' })
    .find((candidate) => candidate.action === 'warning.lift');
  const packets = store.packets(id).map((packet) => packet.outcome);
  store.close();
  expect(entry?.detail).toMatchObject({
    override: {
      by: { userId: 'duty-officer' },
      reason: '上级通知提前解除，特殊情况',
      guards: ['lift-conditions'],
    },
  });
  // Issued and lifted: each froze its evidence.
  expect(packets).toEqual(['issued', 'lifted']);
});

test('the server assigns ids; a supplied warningId is an idempotency key of the account and prefecture', async () => {
  const body = {
    jurisdiction: 'kizilsu',
    warningId: 'my-key',
    target: { kind: 'unit', unitId: '653023' },
    level: 'yellow',
    reason: 'forecast',
    ...special,
  };
  const first = await act('duty-officer', '/api/warnings/propose', body);
  expect(first.status).toBe(201);
  const id = (await first.json()).warning.id;
  expect(id).not.toBe('my-key');
  const again = await act('duty-officer', '/api/warnings/propose', body);
  expect(again.status).toBe(200);
  expect((await again.json()).warning.id).toBe(id);
  // An Ili account's key is its own: it cannot reach or block the Kizilsu warning.
  const ili = await act('ili-duty', '/api/warnings/propose', {
    ...body,
    jurisdiction: 'ili',
    target: { kind: 'unit', unitId: '654002' },
  });
  expect(ili.status).toBe(201);
  expect((await ili.json()).warning.id).not.toBe(id);
});

test('a proposal effective in 1960 is refused naming the field; nothing is stored or audited', async () => {
  const store = server.openStore();
  const before = [store.audit().length, store.events('kizilsu').length];
  store.close();
  const response = await act('duty-officer', '/api/warnings/propose', {
    jurisdiction: 'kizilsu',
    target: { kind: 'unit', unitId: '653024' },
    level: 'yellow',
    effectiveAt: '1960-01-01T00:00:00+08:00',
    reason: 'x',
    ...special,
  });
  expect(response.status).toBe(400);
  expect((await response.json()).issues[0].field).toBe('effectiveAt');
  const reopened = server.openStore();
  expect([reopened.audit().length, reopened.events('kizilsu').length]).toEqual(before);
  reopened.close();
});

test('a dry run answers as the action would and stores nothing; the guards it finds are its answer, not a 409', async () => {
  const body = {
    jurisdiction: 'kizilsu',
    target: { kind: 'unit', unitId: '653024' },
    level: 'red',
    reason: 'x',
  };
  const dry = await act('duty-officer', '/api/warnings/propose?dryRun=true', body);
  expect(dry.status).toBe(200);
  const previewed = await dry.json();
  expect([previewed.dryRun, previewed.seq]).toEqual([true, null]);
  expect(previewed.guards.map((guard: { id: string }) => guard.id)).toContain('level-unsupported');
  expect(previewed.guards[0].explanation.zh.length).toBeGreaterThan(0);
  // The action itself is still refused by the same guards.
  const refused = await act('duty-officer', '/api/warnings/propose', body);
  expect(refused.status).toBe(409);
  const refusal = await refused.json();
  expect([refusal.code, refusal.guards.map((guard: { id: string }) => guard.id)]).toEqual([
    'guards',
    previewed.guards.map((guard: { id: string }) => guard.id),
  ]);
  const withOverride = await act('duty-officer', '/api/warnings/propose?dryRun=true', {
    ...body,
    ...special,
  });
  expect(withOverride.status).toBe(201);
  expect((await withOverride.json()).dryRun).toBe(true);
  const book = await (await sessions['duty-officer']!.request('/api/warnings?jurisdiction=kizilsu')).json();
  expect(
    Object.values(book.warnings).some(
      (warning) => (warning as { target: { unitId?: string } }).target.unitId === '653024',
    ),
  ).toBe(false);
});

test('every warning action and refusal is in the audit log with its actor', async () => {
  const store = server.openStore();
  const actions = store
    .audit({ text: 'warning.' })
    .map((entry) => [entry.action, entry.actor])
    .reverse()
    .slice(0, 6);
  store.close();
  expect(actions).toEqual([
    ['warning.propose.refused', 'duty-officer (duty-officer)'],
    ['warning.propose', 'duty-officer (duty-officer)'],
    ['warning.issue.refused', 'deputy-commander (deputy-commander)'],
    ['warning.reject.refused', 'deputy-commander (deputy-commander)'],
    ['warning.sign.refused', 'deputy-commander (deputy-commander)'],
    ['warning.issue.refused', 'office-director (office-director)'],
  ]);
});
