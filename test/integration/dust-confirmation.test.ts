import { afterAll, beforeAll, expect, test } from 'vitest';
import type { JurisdictionState } from '../../shared/state/schema';
import { toBeijingIso } from '../../shared/time';
import { postDustStorm } from '../helpers/dust-storm';
import { accountsFor, login, startTestServer } from '../helpers/server';

/**
 * Sand and dust is outside the plans once the office confirms it (适用范围); until then a start the dust
 * hours alone would justify is the office's decision, and confirming it answers that decision.
 */
const feederKey = 'dust-test-feeder-key-0123456789abcd';
const feeder = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
let server: Awaited<ReturnType<typeof startTestServer>>;

async function kizilsu(): Promise<JurisdictionState> {
  return (await fetch(`${server.url}/api/state?jurisdiction=kizilsu`, { headers: feeder })).json();
}

beforeAll(async () => {
  server = await startTestServer(
    { CLOCK: 'data', FEEDER_KEY: feederKey },
    { accounts: accountsFor(['office-director', 'commander', 'press']) },
  );
  await postDustStorm(server.url, feederKey);
}, 60_000);
afterAll(async () => {
  await server.stop();
});

test("the press office gets health advice for the dust instead of a warning notice, in HJ 633's words", async () => {
  const press = await login(server, 'press', 'press-password');
  const text = await (await press.request('/api/dust-advisory?jurisdiction=kizilsu&format=txt')).text();
  expect(text).toContain('关于阿图什市沙尘天气的健康提示');
  expect(text).toContain('首要污染物：PM10。');
  expect(text).toContain('不启动重污染天气预警（3.3.1 预警分级）');
  // 2019 data: HJ 633-2012 Table 2, the measures of 严重污染 (daily AQI > 300).
  expect(text).toContain(
    '儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动（HJ 633—2012 表2）',
  );
  const english = await (
    await press.request('/api/dust-advisory?jurisdiction=kizilsu&format=json&lang=en')
  ).json();
  expect(english.advisory.title).toBe('Health advice: sand and dust in Artux City');
  expect(english.context.units).toEqual([expect.objectContaining({ id: '653001', confirmed: false })]);
  const none = await press.request('/api/dust-advisory?jurisdiction=ili&format=txt');
  expect(none.status).toBe(404);
  expect((await none.json()).code).toBe('no-dust');
  // The press page's question at every hour: answered, not a 404 in the browser's console.
  const asked = await press.request('/api/dust-advisory?jurisdiction=ili&format=json');
  expect(asked.status).toBe(200);
  expect(await asked.json()).toEqual({ context: null, advisory: null });
});

test('likely dust asks the office to confirm it; once confirmed, nothing is due and the unit reads as dust', async () => {
  const before = await kizilsu();
  const artux = before.units.find((unit) => unit.id === '653001')!;
  expect(artux.dust).toBe('suspected');
  expect(artux.recommendedLevel).toBe('none');
  // What the wall's side panel prints: the dust the office is asked to confirm first, and said once.
  expect(artux.explanation.zh).toMatch(/^疑似沙尘（首要污染物PM10，PM2.5\/PM10比值低），待办公室确认：/);
  expect(artux.explanation.zh.split('待办公室确认')).toHaveLength(2);
  expect(artux.explanation.zh.split('不参与预警分级')).toHaveLength(2);
  expect(artux.explanation.en).toMatch(
    /^Likely sand and dust \(PM10 primary, low PM2.5\/PM10 ratio\), awaiting/,
  );
  expect(artux.explanation.en.split("awaiting the office's confirmation")).toHaveLength(2);
  expect(artux.explanation.zh).not.toContain('办公室已确认沙尘');
  const flag = before.compliance.find((candidate) => candidate.targetKey === 'unit:653001')!;
  expect(flag).toMatchObject({ kind: 'dust-unconfirmed', level: 'red' });
  expect(flag.dustPeriod!.to).toBeGreaterThanOrEqual(before.now);

  const body = JSON.stringify({
    jurisdiction: 'kizilsu',
    unitId: '653001',
    from: toBeijingIso(flag.dustPeriod!.from),
    to: toBeijingIso(flag.dustPeriod!.to),
    reason: '气象台发布沙尘暴实况',
  });
  const commander = await login(server, 'commander', 'commander-password');
  const refused = await commander.request('/api/warnings/confirm-dust', { method: 'POST', body });
  expect(refused.status).toBe(403);

  const office = await login(server, 'office-director', 'office-director-password');
  const confirmed = await office.request('/api/warnings/confirm-dust', { method: 'POST', body });
  expect(confirmed.status, await confirmed.clone().text()).toBe(201);
  await expect
    .poll(async () =>
      (await kizilsu()).compliance.filter((candidate) => candidate.targetKey === 'unit:653001'),
    )
    .toEqual([]);
  const after = (await kizilsu()).units.find((unit) => unit.id === '653001')!;
  expect(after.dust).toBe('confirmed');
  expect(after.explanation.zh).toContain('办公室已确认沙尘');
});
