import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOUR, toBeijingIso } from '../../shared/time';
import { demo, feedUntil, press, startPressServer } from '../helpers/press-scenario';
import type { Session, TestServer } from '../helpers/server';

/**
 * A proposal takes effect when proposed unless it says otherwise; approved hours later, that time lies in
 * the past. The level then starts at the approval: a response cannot start before anyone approved it, and
 * the notice must not say "自06:00起启动" for a warning issued at 09:00. Being late needs no special-case
 * reason.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startPressServer();
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

test('approved 3 h after its effective time, a warning starts at its approval, without a reason of its own', async () => {
  const proposedAt = press.orangeAt - 3 * HOUR;
  await feedUntil(server, proposedAt);
  const [duty, director, commander] = (await Promise.all(
    ['duty-officer', 'office-director', 'commander'].map((role) => demo(server, role)),
  )) as Session[];
  const post = (session: Session, path: string, body: unknown) =>
    session!.request(path, { method: 'POST', body: JSON.stringify(body) });
  const proposal = await post(duty!, '/api/warnings/propose', {
    jurisdiction: 'ili',
    target: { kind: 'region', regionId: 'r-yining', members: press.members },
    level: 'orange',
    reason: '会商研判：伊宁市及周边持续重污染',
    // Proposed 3 h before the region reaches orange, without the forecast's 24 h lead: the office's reason.
    overrideGuards: { reason: '演练：会商预判，按特殊情况提前提出' },
  });
  expect(proposal.status).toBe(201);
  const { warning } = (await proposal.json()) as { warning: { id: string } };
  await feedUntil(server, press.orangeAt);
  expect((await post(director!, `/api/warnings/${warning.id}/sign`, { reason: '审核同意' })).status).toBe(
    200,
  );
  // The replayed hours do not reach orange without the episode's forecasts: the level guard asks for the
  // exercise's reason, and nothing else does (approved 3 h late is not a reason to refuse).
  const refused = await post(commander!, `/api/warnings/${warning.id}/issue`, { reason: '批准发布' });
  expect(refused.status).toBe(409);
  const guards = ((await refused.json()) as { guards: { id: string }[] }).guards.map((guard) => guard.id);
  expect(guards).toEqual(['level-unsupported']);
  const issued = await post(commander!, `/api/warnings/${warning.id}/issue`, {
    reason: '批准发布',
    overrideGuards: { reason: '演练：按特殊情况处理，检验文书' },
  });
  expect(issued.status).toBe(200);
  const body = (await issued.json()) as {
    warning: { issuedAt: number; segments: { level: string; from: number }[] };
  };
  expect(body.warning.issuedAt).toBe(press.orangeAt);
  expect(body.warning.segments).toEqual([{ level: 'orange', from: press.orangeAt }]);
  const notice = await commander!.request(
    `/api/warnings/${warning.id}/notice?format=txt&at=${encodeURIComponent(toBeijingIso(press.orangeAt))}`,
  );
  expect(notice.status).toBe(200);
  const text = await notice.text();
  const start = toBeijingIso(press.orangeAt).slice(0, 16).replace('T', ' ');
  expect(text).toContain(`自${start}起启动`);
  expect(text).not.toContain(`自${toBeijingIso(proposedAt).slice(0, 16).replace('T', ' ')}起启动`);
});
