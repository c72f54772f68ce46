import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOUR } from '../../shared/time';
import { type Browser, launchBrowser, openPage } from '../helpers/browser';
import {
  act,
  cardIn,
  postForecast,
  postSteady,
  regionNames,
  regionUnits,
  scenario,
  seedPollutedPhase,
  signIn,
} from '../helpers/commanderDriver';
import { accountsFor, login, startTestServer } from '../helpers/server';
import { feederKey } from '../helpers/wallDriver';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const password = (role: string) => `${role}-password`;
/** The console waits on live deltas and HTTP reloads; a slow software-WebGL page can take seconds. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

beforeAll(async () => {
  server = await startTestServer(
    { FEEDER_KEY: feederKey, CLOCK: 'data', REPLAY: 'off' },
    { accounts: accountsFor(['duty-officer', 'office-director', 'commander', 'press']) },
  );
  // PM2.5 170 (+0–2 wobble) for 72 h: 24 h mean ≈ 171 µg/m³ → IAQI 200 + (171 − 150) = 221 (HJ 633 Table 1),
  // so D > 200 at now and now − 24 h: orange (预警分级标准, D > 200 for 48 h). The forecast keeps 230 for 72 h.
  await seedPollutedPhase(server.url, 170, 230);
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('an orange regional warning goes from proposal to lifting through the Ili chain, with the wall and the audit', async () => {
  // Duty officer: the engine's region, the what-if of exactly the five units, and the proposal.
  const duty = await signIn(browser, server.url, 'duty-officer', password('duty-officer'));
  // The data clock stands at the newest hour: 2019-01-05 01:00 + 71 h.
  await poll(() => duty.getByTestId('command-now').textContent()).toContain('2019-01-08 00:00');
  const engineRegion = duty.getByTestId('engine-region');
  await poll(() => engineRegion.first().getAttribute('data-members')).toBe([...regionUnits].sort().join(','));
  await poll(() =>
    duty.getByTestId('unit-recommendation-654002').getByTestId('horizon-level').textContent(),
  ).toContain('橙色预警');
  await poll(() =>
    duty.locator('[data-testid="compliance-flag"][data-kind="start-due"]').count(),
  ).toBeGreaterThan(0);
  // 奎屯市 borders none of them (GET /api/units): with 伊宁市 that is two units, apart — no region (3.3.3).
  const checklist = duty.getByTestId('whatif');
  await checklist.getByLabel('奎屯市', { exact: true }).check();
  await checklist.getByLabel('伊宁市', { exact: true }).check();
  await poll(() => duty.getByTestId('whatif-contiguous').textContent()).toBe('不连片');
  // Keyboard: focus the checkbox and press Space to take 奎屯市 out again.
  await checklist.getByLabel('奎屯市', { exact: true }).focus();
  await duty.keyboard.press('Space');
  await poll(() => checklist.getByLabel('奎屯市', { exact: true }).isChecked()).toBe(false);
  for (const name of regionNames) await checklist.getByLabel(name, { exact: true }).check();
  const whatIf = duty.getByTestId('whatif-result');
  await poll(() => whatIf.getAttribute('data-level')).toBe('orange');
  await poll(() => duty.getByTestId('whatif-contiguous').textContent()).toBe('相邻连片');
  await poll(() => duty.getByTestId('whatif-compare').textContent()).toBe('与系统识别区域一致');
  await duty.screenshot({ path: 'test-results/command-duty-whatif.png', fullPage: false });
  await duty.getByRole('button', { name: '以所选单元拟提出区域预警' }).click();
  const form = duty.getByTestId('propose-form');
  await poll(() => form.getByTestId('propose-members').textContent()).toContain('伊宁市');
  await form.getByLabel('级别').selectOption('orange');
  await form.getByLabel('理由').fill('五个相邻单元平均日AQI连续48小时超过200，预报持续');
  await form.getByRole('button', { name: '提出' }).click();
  await poll(() => duty.getByTestId('notice').textContent()).toBe('预警建议已提出');
  await poll(() => cardIn(duty, 'open-warnings').count()).toBe(1);

  // Office director reviews.
  const director = await signIn(browser, server.url, 'office-director', password('office-director'));
  await poll(() => cardIn(director, 'inbox').count()).toBe(1);
  await act(director, 'inbox', '签署（审核）', '审核同意，报指挥长批准');
  await poll(() => cardIn(director, 'inbox').count()).toBe(0);

  // Press may not approve: no button in the console, 403 from the API.
  const press = await signIn(browser, server.url, 'press', password('press'));
  await poll(() => cardIn(press, 'open-warnings').count()).toBe(1);
  expect(await press.getByRole('button', { name: '批准发布' }).count()).toBe(0);
  const warningId = (await cardIn(press, 'open-warnings').getAttribute('data-warning'))!;
  const pressSession = await login(server, 'press', password('press'));
  const refused = await pressSession.request(`/api/warnings/${warningId}/issue`, {
    method: 'POST',
    body: JSON.stringify({ reason: '越权批准' }),
  });
  expect(refused.status).toBe(403);

  // Commander approves: the warning is issued, in force now, and the response panel lists level II.
  const commander = await signIn(browser, server.url, 'commander', password('commander'));
  await poll(() => cardIn(commander, 'inbox').count()).toBe(1);
  await act(commander, 'inbox', '批准发布', '批准发布橙色预警');
  await poll(() => cardIn(commander, 'open-warnings').getAttribute('data-status')).toBe('active');
  await poll(() => commander.getByTestId('response-level').getAttribute('data-level')).toBe('orange');
  expect(await commander.getByTestId('measures-mandatory').locator('li').count()).toBeGreaterThan(0);
  await poll(() => commander.getByTestId('reduction-account').textContent()).toContain('20%');
  await commander.getByTestId('decisions').scrollIntoViewIfNeeded();
  await commander.screenshot({ path: 'test-results/command-commander-issued.png' });
  await commander.getByTestId('response').scrollIntoViewIfNeeded();
  await commander.screenshot({ path: 'test-results/command-response.png' });

  // The wall shows it.
  const wall = await openPage(browser, `${server.url}/wall?view=ili&cycle=0`);
  await poll(() => wall.getByTestId('warning-list').textContent()).toContain('橙色预警');
  expect(await wall.getByTestId('warning-list').textContent()).toContain('伊宁市');
  await wall.screenshot({ path: 'test-results/command-wall.png' });

  // The air clears: 24 h of PM2.5 60 (24 h mean ≈ 61 → IAQI 50 + (61 − 35) × 50 / 40 ≈ 83) and a forecast of
  // 90 for 48 h: the orange condition fails at every window now … now + 35 h (3.3.6 级别调整和解除, 36 h).
  await postSteady(server.url, scenario.pollutedNow + HOUR, scenario.cleanHours, 60);
  await postForecast(server.url, scenario.cleanNow, 48, 90);
  // The server flags lifting for unit warnings only; the console checks the region's averaged series itself.
  await duty.reload();
  const lifting = cardIn(duty, 'open-warnings').getByTestId('lifting-check');
  await poll(() => lifting.getAttribute('data-met')).toBe('true');
  expect(await lifting.getAttribute('data-to-level')).toBe('none');
  await poll(() => duty.locator('[data-testid="compliance-flag"][data-kind="lift-due"]').count()).toBe(1);
  await duty.screenshot({ path: 'test-results/command-duty-lift-due.png' });
  const open = cardIn(duty, 'open-warnings');
  await open.getByLabel('调整到').selectOption('yellow');
  await act(duty, 'open-warnings', '调整级别', '预报改善持续36小时以上，先降为黄色');
  await director.reload();
  await poll(() => cardIn(director, 'inbox').count()).toBe(1);
  await act(director, 'inbox', '签署（批准）', '同意降为黄色预警');
  await poll(() =>
    cardIn(director, 'open-warnings').locator('.level-badge').first().getAttribute('data-level'),
  ).toBe('yellow');
  await poll(() => director.getByTestId('response-level').getAttribute('data-level')).toBe('yellow');

  // Lifted by the office, directly (no approval).
  await duty.reload();
  await act(duty, 'open-warnings', '解除预警', '空气质量持续改善，解除预警');
  await poll(() => cardIn(duty, 'open-warnings').count()).toBe(0);
  await poll(() => wall.getByTestId('warning-list').textContent()).toContain('当前无预警');

  // The commander's audit timeline has every step.
  await commander.reload();
  await commander.getByLabel('搜索').fill('warning.');
  const actions = async () =>
    (
      await commander
        .getByTestId('audit-entry')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-action')))
    )
      .reverse()
      .join(' ');
  await poll(actions).toBe(
    'warning.propose warning.sign warning.sign warning.change warning.sign warning.lift',
  );
  await commander.getByTestId('audit').scrollIntoViewIfNeeded();
  await commander.screenshot({ path: 'test-results/command-audit.png' });
}, 240_000);
