import { afterAll, beforeAll, expect, test } from 'vitest';
import { feedCleanYining } from '../helpers/clean-yining';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

/**
 * Plan §7 for regions (Ili 3.3.3, 7 监督问责), served by the engine. One station in 伊宁市 (654002) makes
 * now 2019-12-11 06:00 (CLOCK=data); a forecast gives 伊宁市, 伊宁县 (654021) and 察布查尔县 (654022),
 * which border each other, a daily AQI of 240 for the window ending 12-11 18:00, within Ili's 24 h lead
 * time. Their average, 240 > 200, meets yellow (3.3.2): a yellow regional warning is due.
 */
const feederKey = 'compliance-regions-feeder-key-0123456789';
const members = ['654002', '654021', '654022'];
const regionKey = `region:region:${members.join('+')}`;
let server: TestServer;
let duty: Session;

async function feed(method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

async function compliance(): Promise<{ kind: string; targetKey: string; level: string }[]> {
  const response = await fetch(`${server.url}/api/state?jurisdiction=ili`);
  return (await response.json()).compliance;
}

beforeAll(async () => {
  server = await startTestServer(
    { CLOCK: 'data', FEEDER_KEY: feederKey },
    { accounts: accountsFor(['duty-officer']) },
  );
  duty = await login(server, 'duty-officer', 'duty-officer-password');
  await feedCleanYining(feed);
  await feed('POST', '/api/forecasts', {
    issuedAt: '2019-12-11T06:00:00+08:00',
    source: '伊犁州气象台',
    forecasts: members.map((unit) => ({
      unit,
      windowEnd: '2019-12-11T18:00:00+08:00',
      aqi: 240,
      aqiLow: 210,
      aqiHigh: 270,
      primary: 'pm25',
    })),
  });
});
afterAll(async () => {
  await server.stop();
});

test('a region meeting yellow within the lead time is flagged until a regional warning is proposed', async () => {
  expect(await compliance()).toContainEqual(
    expect.objectContaining({ kind: 'start-due', targetKey: regionKey, level: 'yellow' }),
  );
  const proposal = await duty.request('/api/warnings/propose', {
    method: 'POST',
    body: JSON.stringify({
      jurisdiction: 'ili',
      target: { kind: 'region', regionId: `region:${members.join('+')}`, members },
      level: 'yellow',
      effectiveAt: '2019-12-11T18:00:00+08:00',
      reason: '三县市预测日AQI均值240',
      // Proposed within the plan's 24 h of lead (Ili 3.2): a recorded special case (issue 15 guards).
      overrideGuards: { reason: '预报晚于会商时限，按特殊情况提出' },
    }),
  });
  expect(proposal.status, await proposal.clone().text()).toBe(201);
  const after = await compliance();
  expect(after.filter((flag) => flag.targetKey === regionKey && flag.kind === 'start-due')).toEqual([]);
});
