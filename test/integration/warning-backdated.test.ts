import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOUR } from '../../shared/time';
import { demo, feedUntil, press, startPressServer } from '../helpers/press-scenario';
import type { Session, TestServer } from '../helpers/server';

/**
 * A proposal takes effect when proposed unless it says otherwise; approved hours later, that time lies
 * in the past. The issuing signature is checked for backdating as docs/API.md says, or the response (and
 * the notice's "自…起启动") would start before anyone approved it.
 */
let server: TestServer;
const special = { overrideGuards: { reason: '演练：按特殊情况处理，检验回溯' } };

beforeAll(async () => {
  server = await startPressServer();
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

test('approved 3 h after its effective time, a warning is refused as backdated unless the approver overrides', async () => {
  const proposedAt = press.orangeAt - 3 * HOUR;
  await feedUntil(server, proposedAt);
  const [duty, director, commander] = (await Promise.all(
    ['duty-officer', 'office-director', 'commander'].map((role) => demo(server, role)),
  )) as Session[];
  const post = (session: Session, path: string, body: unknown) =>
    session!.request(path, { method: 'POST', body: JSON.stringify(body) });
  const proposal = await post(duty!, '/api/warnings/propose', {
    jurisdiction: 'ili',
    target: { kind: 'unit', unitId: '654002' },
    level: 'orange',
    reason: '会商研判：伊宁市持续重污染',
    ...special,
  });
  expect(proposal.status).toBe(201);
  const { warning } = (await proposal.json()) as { warning: { id: string } };
  await feedUntil(server, press.orangeAt);
  expect((await post(director!, `/api/warnings/${warning.id}/sign`, { reason: '审核同意' })).status).toBe(
    200,
  );
  const refused = await post(commander!, `/api/warnings/${warning.id}/issue`, { reason: '批准发布' });
  expect(refused.status).toBe(409);
  const body = (await refused.json()) as { guards: { id: string }[] };
  expect(body.guards.map((guard) => guard.id)).toContain('backdated');
  const issued = await post(commander!, `/api/warnings/${warning.id}/issue`, {
    reason: '批准发布',
    ...special,
  });
  expect(issued.status).toBe(200);
});
