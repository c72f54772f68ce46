import { afterAll, beforeAll, expect, test } from 'vitest';
import { minute } from '../../shared/documents/format';
import type { NoticeContext } from '../../shared/documents/notice';
import { HOUR, toBeijingIso } from '../../shared/time';
import { demo, feedUntil, press, startPressServer } from '../helpers/press-scenario';
import type { Session, TestServer } from '../helpers/server';

/**
 * A notice asked for an hour after the engine's now (the press page's time reaches the forecast horizon,
 * like GET /api/state) is written from the forecast: it must say so, and take its outlook from that same
 * forecast instead of "no forecast available".
 */
let server: TestServer;
let pressSession: Session;
let id = '';
const reason = { reason: '演练：按特殊情况处理，检验文书' };

beforeAll(async () => {
  server = await startPressServer();
  await feedUntil(server, press.orangeAt);
  const [duty, director, commander] = await Promise.all(
    ['duty-officer', 'office-director', 'commander'].map((role) => demo(server, role)),
  );
  const post = async (session: Session, path: string, body: unknown) => {
    const response = await session.request(path, { method: 'POST', body: JSON.stringify(body) });
    expect(response.status, path).toBeLessThan(300);
    return (await response.json()) as { warning: { id: string } };
  };
  id = (
    await post(duty!, '/api/warnings/propose', {
      jurisdiction: 'ili',
      target: { kind: 'unit', unitId: '654002' },
      level: 'orange',
      reason: '会商研判：伊宁市持续重污染',
      overrideGuards: reason,
    })
  ).warning.id;
  await post(director!, `/api/warnings/${id}/sign`, { reason: '审核同意' });
  await post(commander!, `/api/warnings/${id}/issue`, { reason: '批准发布', overrideGuards: reason });
  pressSession = await demo(server, 'press');
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

test('a notice at a forecast hour says it is forecast, from when, and keeps the forecast outlook', async () => {
  const ahead = press.orangeAt + 6 * HOUR;
  const response = await pressSession.request(
    `/api/warnings/${id}/notice?format=json&at=${encodeURIComponent(toBeijingIso(ahead))}`,
  );
  expect(response.status).toBe(200);
  const { context, notice } = (await response.json()) as {
    context: NoticeContext;
    notice: { dataTime: string; paragraphs: string[] };
  };
  expect(context.forecastFrom).toBe(press.orangeAt);
  expect(context.dailyAqi).not.toBeNull();
  expect(notice.dataTime).toContain(`预报（基于${minute(press.orangeAt)}的预报）`);
  expect(notice.paragraphs.join('\n')).toContain(`据${minute(press.orangeAt)}的预报，预计${minute(ahead)}`);
  expect(notice.paragraphs.join('\n')).not.toContain('截至');
  expect(context.outlook).not.toBeNull();
  expect(context.outlook!.until).toBeGreaterThanOrEqual(ahead);
  expect(notice.paragraphs.join('\n')).not.toContain('暂无可用预报');
});
