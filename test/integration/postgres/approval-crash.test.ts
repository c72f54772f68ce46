import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { addAccount } from '../../../server/auth/accounts';
import { openStore } from '../../../server/store';
import type { AuditEntry } from '../../../server/store/types';
import type { Warning } from '../../../shared/rules/lifecycle/state';
import { runCli } from '../../helpers/cli';
import { eventually, liveClient, type ServerProcess, startServerProcess } from '../../helpers/cluster';
import { accountsFor, login, type Session } from '../../helpers/server';
import { rewriteAuditEntry } from '../../helpers/tamper';
import { createTestDatabase } from '../../helpers/test-store';

/**
 * Issue 19: a warning approval interrupted by a crash between two signatures resumes where it was, and the
 * audit chain still verifies afterwards with `npm run cli -- audit verify`, which then finds one rewritten
 * row. A real server process, SIGKILLed, on each store. Kizilsu red (plan 3.3.3): the office director
 * reviews, a deputy commander agrees, the commander approves; the crash falls after the review.
 */
const auditKey = 'approval-crash-audit-key-0123456789-abcdef';
const roles = ['duty-officer', 'office-director', 'deputy-commander', 'commander'] as const;
const special = { overrideGuards: { reason: '演练：按特殊情况提出，检验崩溃后的审批' } };
const review = 'reviewed before the crash';

async function act(session: Session, path: string, body: unknown): Promise<Warning> {
  const response = await session.request(path, { method: 'POST', body: JSON.stringify(body) });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()).warning;
}

async function warningOn(server: ServerProcess, session: Session, id: string): Promise<Warning> {
  const book = await (
    await fetch(`${server.url}/api/warnings?jurisdiction=kizilsu`, { headers: { cookie: session.cookie } })
  ).json();
  return book.warnings[id];
}

for (const kind of ['sqlite', 'postgres'] as const) {
  test(`an approval interrupted by SIGKILL resumes where it was; the audit chain verifies, then a rewritten row is named (${kind})`, {
    timeout: 180_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tianshan-approval-crash-'));
    const databaseUrl = kind === 'postgres' ? await createTestDatabase() : undefined;
    const environment = {
      DATA_DIR: dataDir,
      AUDIT_KEY: auditKey,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    const seed = openStore({ dataDir, databaseUrl, auditKey });
    for (const account of accountsFor(roles)) await addAccount(seed, account, { actor: 'test' });
    seed.close();

    let server = await startServerProcess(environment);
    // The sessions follow the restarted process to its new port (login's requests read `url` each time).
    const current = { url: server.url };
    const sessions = {} as Record<(typeof roles)[number], Session>;
    for (const role of roles) sessions[role] = await login(current, role, `${role}-password`);
    const proposed = await act(sessions['duty-officer'], '/api/warnings/propose', {
      jurisdiction: 'kizilsu',
      target: { kind: 'unit', unitId: '653001' },
      level: 'red',
      reason: 'forecast daily AQI above 300 for 24 h',
      ...special,
    });
    const reviewed = await act(sessions['office-director'], `/api/warnings/${proposed.id}/sign`, {
      reason: review,
    });
    expect(reviewed.pending?.signatures).toHaveLength(1);
    // Acknowledged, then the process dies before the next signature.
    await server.kill();

    server = await startServerProcess(environment);
    current.url = server.url;
    try {
      // Exactly where it was: the review present once, nothing lost or doubled; the sessions survive too.
      expect(await warningOn(server, sessions.commander, proposed.id)).toEqual(reviewed);
      const watching = liveClient(server.url, 'kizilsu');
      const snapshot = await eventually(
        'a snapshot',
        () => watching.received.find((entry) => entry.kind === 'snapshot') ?? null,
      );
      expect(snapshot.message.state.warnings).toEqual([
        expect.objectContaining({ id: proposed.id, status: 'under-approval', proposedLevel: 'red' }),
      ]);

      const agreed = await act(sessions['deputy-commander'], `/api/warnings/${proposed.id}/sign`, {
        reason: 'agreed after the restart',
      });
      expect(agreed.pending?.signatures.map((signature) => signature.reason)).toEqual([
        review,
        'agreed after the restart',
      ]);
      const issued = await act(sessions.commander, `/api/warnings/${proposed.id}/issue`, {
        reason: 'approved',
        ...special,
      });
      expect(issued).toMatchObject({ status: 'issued', pending: null, segments: [{ level: 'red' }] });
      expect(issued.history.map((entry) => entry.outcome)).toEqual([
        'proposed',
        'signed',
        'signed',
        'issued',
      ]);
      // The live state shows it: the delta to the connected client, and a new client's snapshot.
      await eventually('the delta with the issued warning', () =>
        watching.received.some(
          (entry) =>
            entry.kind === 'delta' &&
            entry.message.warnings?.some(
              (warning) => warning.id === proposed.id && warning.status !== 'under-approval',
            ),
        ),
      );
      watching.close();
      const state = await (await fetch(`${server.url}/api/state?jurisdiction=kizilsu`)).json();
      expect(state.warnings).toEqual([
        expect.objectContaining({ id: proposed.id, status: expect.stringMatching(/^(issued|active)$/) }),
      ]);

      const audit = (await (await sessions.commander.request('/api/audit')).json()).entries as AuditEntry[];
      const signs = audit.filter((entry) => entry.action === 'warning.sign');
      expect(signs).toHaveLength(3);
      const reviewEntry = signs.find((entry) => JSON.stringify(entry.detail).includes(review))!;
      expect(signs.filter((entry) => JSON.stringify(entry.detail).includes(review))).toHaveLength(1);
      await server.stop();

      const verified = await runCli(['audit', 'verify'], environment);
      expect(verified.output).toMatch(/^audit chain holds: \d+ entries\n$/);
      expect(verified.status).toBe(0);
      // Someone with the database rewrites one field of the review's row.
      await rewriteAuditEntry({ dataDir, databaseUrl }, reviewEntry.seq, review, 'rejected before the crash');
      const broken = await runCli(['audit', 'verify'], environment);
      expect(broken.status).toBe(1);
      expect(broken.output).toMatch(new RegExp(`BROKEN at entry ${reviewEntry.seq}:`));
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
