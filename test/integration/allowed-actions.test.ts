import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Role } from '../../shared/plans';
import { plans } from '../../shared/plans';
import { allowedActions, type Warning, type WarningAction, warningActions } from '../../shared/rules';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

/**
 * Issue 17 item 4: the buttons the console shows (shared allowedActions) are exactly the actions the server
 * accepts. Every role × action × level, for both plans, at every step of each chain: the console's answer
 * against the server's own (a dry run: the same checks, nothing stored; plan guards overridden, since this
 * is about who may act, not about the evidence).
 */
const roles: Role[] = [
  'commander',
  'first-deputy-commander',
  'deputy-commander',
  'office-director',
  'duty-officer',
  'press',
  'viewer',
];
const special = { overrideGuards: { reason: '演练：检验按钮与服务器一致' } };
let server: TestServer;
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  server = await startTestServer({}, { accounts: accountsFor(roles) });
  for (const role of roles) sessions.set(role, await login(server, role, `${role}-password`));
}, 120_000);
afterAll(async () => {
  await server.stop();
});

const post = (role: Role, path: string, body: unknown) =>
  sessions.get(role)!.request(path, { method: 'POST', body: JSON.stringify(body) });

async function warningOf(jurisdiction: string, id: string): Promise<Warning> {
  const book = await (
    await sessions.get('duty-officer')!.request(`/api/warnings?jurisdiction=${jurisdiction}`)
  ).json();
  return book.warnings[id];
}

const higher = { yellow: 'orange', orange: 'red', red: 'red' } as const;
const lower = { yellow: 'yellow', orange: 'yellow', red: 'orange' } as const;

function bodyFor(action: WarningAction, warning: Warning) {
  const approved = warning.segments.at(-1)?.level ?? warning.proposedLevel;
  const members = warning.target.kind === 'region' ? warning.target.members : [warning.target.unitId];
  if (action === 'raise') return { reason: 'x', level: higher[approved], ...special };
  if (action === 'lower') return { reason: 'x', level: lower[approved], ...special };
  if (action === 'override') return { reason: 'x', unitId: members[0], level: 'none', ...special };
  return { reason: 'x', ...special };
}

const targets = {
  ili: { kind: 'region', regionId: 'region:654002+654021+654022', members: ['654002', '654021', '654022'] },
  kizilsu: { kind: 'unit', unitId: '653001' },
} as const;

for (const jurisdiction of ['ili', 'kizilsu'] as const) {
  for (const level of ['yellow', 'orange', 'red'] as const) {
    test(`${jurisdiction} ${level}: the console's buttons are the server's answers at every step`, async () => {
      const plan = plans[jurisdiction];
      const proposed = await post('duty-officer', '/api/warnings/propose', {
        jurisdiction,
        target: targets[jurisdiction],
        level,
        reason: 'proposal',
        ...special,
      });
      expect(proposed.status, await proposed.clone().text()).toBe(201);
      const id = (await proposed.json()).warning.id as string;
      const disagreements: string[] = [];
      let checked = 0;
      for (let step = 0; step <= plan.approval[level].steps.length; step += 1) {
        const warning = await warningOf(jurisdiction, id);
        for (const role of roles) {
          const now = (
            await (await sessions.get(role)!.request(`/api/state?jurisdiction=${jurisdiction}`)).json()
          ).now;
          const console = new Set(
            allowedActions(plan, warning, { role, userId: role, jurisdiction: null, at: now }),
          );
          for (const action of warningActions.filter((candidate) => candidate !== 'propose')) {
            const answer = await post(
              role,
              `/api/warnings/${id}/${action}?dryRun=true`,
              bodyFor(action, warning),
            );
            checked += 1;
            if (console.has(action) !== answer.ok)
              disagreements.push(
                `${warning.status} ${role} ${action}: console ${console.has(action)}, server ${answer.status}`,
              );
          }
        }
        const next = warning.pending?.steps[warning.pending.signatures.length];
        if (!next) break;
        const signed = await post(next.role, `/api/warnings/${id}/sign`, { reason: 'signed', ...special });
        expect(signed.status, await signed.clone().text()).toBe(200);
      }
      for (const role of roles) {
        const console = allowedActions(plan, null, { role, jurisdiction: null }).includes('propose');
        const answer = await post(role, '/api/warnings/propose?dryRun=true', {
          jurisdiction,
          target:
            jurisdiction === 'ili' ? { kind: 'unit', unitId: '654023' } : { kind: 'unit', unitId: '653022' },
          level,
          reason: 'x',
          ...special,
        });
        if (console !== answer.ok)
          disagreements.push(`propose ${role}: console ${console}, server ${answer.status}`);
      }
      expect(disagreements).toEqual([]);
      expect(checked).toBeGreaterThan(100);
      // Clean up for the next level: lift (issued) so the target is free again.
      const lifted = await post('duty-officer', `/api/warnings/${id}/lift`, { reason: 'done', ...special });
      expect(lifted.status).toBe(200);
    }, 120_000);
  }
}
