import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reportDayBefore } from '../../client/src/command/reporting-status';
import { startExercise } from '../../server/warnings/exercise';
import type { ClientToServerEvents, OfficeChange, ServerToClientEvents } from '../../shared/live/events';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

// Ili plan 5.1 信息报送: counties and cities, the 4th Division's regiments and member units report the
// previous day. Ili's warning units: 11 counties and cities, Kokdala's core and its 4 regiment parts, and 13
// regiments with seats only (geo/units.ts, 65团 left out) = 29; annex 1 names 19 member units: 48 in all.
// Kizilsu 5.1: 4 counties and cities, 18 member units: 22.
const day = '2019-01-04';
const ecology = '自治州生态环境局、第四师可克达拉市生态环境局';
const roles = ['duty-officer', 'office-director', 'press'] as const;

type Status = {
  date: string;
  expected: number;
  reported: number;
  reporters: {
    reporter: string;
    kind: 'unit' | 'member';
    nameZh: string;
    reported: boolean;
    receivedAt: number | null;
    recordedBy: string | null;
    summary: string | null;
  }[];
};

let server: TestServer;
let officer: Session;
let director: Session;
let press: Session;

async function signIn() {
  officer = await login(server, 'duty-officer', 'duty-officer-password');
  director = await login(server, 'office-director', 'office-director-password');
  press = await login(server, 'press', 'press-password');
}

beforeAll(async () => {
  server = await startTestServer(
    {},
    {
      accounts: [
        ...accountsFor(roles),
        {
          username: 'kizilsu-officer',
          role: 'duty-officer',
          jurisdiction: 'kizilsu',
          password: 'k-password',
        },
      ],
    },
  );
  await signIn();
});
afterAll(async () => {
  await server.stop();
});

async function status(session: Session, jurisdiction: string, date = day): Promise<Status> {
  const response = await session.request(`/api/reports?jurisdiction=${jurisdiction}&date=${date}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Status;
}

const post = (session: Session, body: Record<string, unknown>) =>
  session.request('/api/reports', { method: 'POST', body: JSON.stringify(body) });

const entry = (reporting: Status, reporter: string) =>
  reporting.reporters.find((candidate) => candidate.reporter === reporter);

test('every county, regiment and member unit is expected, none reported yet', async () => {
  const ili = await status(press, 'ili');
  expect([ili.expected, ili.reported]).toEqual([48, 0]);
  expect(ili.reporters.filter((reporter) => reporter.kind === 'unit')).toHaveLength(29);
  expect(entry(ili, '654002')).toMatchObject({ nameZh: '伊宁市', reported: false, recordedBy: null });
  expect(entry(ili, 'xpcc4-r79')).toMatchObject({ nameZh: '79团', reported: false });
  expect(entry(ili, ecology)).toMatchObject({ kind: 'member', reported: false, receivedAt: null });
  const kizilsu = await status(press, 'kizilsu');
  expect([kizilsu.expected, kizilsu.reported]).toEqual([22, 0]);
  expect(entry(kizilsu, '654002')).toBeUndefined();
});

test('the duty officer records a report: it shows with recorder and time, for that day only', async () => {
  const before = Date.now();
  const response = await post(officer, {
    jurisdiction: 'ili',
    reporter: '654002',
    date: day,
    summary: '已落实',
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const ili = await status(press, 'ili');
  expect(ili.reported).toBe(1);
  const yining = entry(ili, '654002')!;
  expect(yining).toMatchObject({ reported: true, recordedBy: 'duty-officer', summary: '已落实' });
  // With no data the engine's now is the current wall-clock hour (CLOCK=data falls back to it).
  const hour = (ms: number) => Math.floor(ms / 3_600_000) * 3_600_000;
  expect([hour(before), hour(Date.now())]).toContain(yining.receivedAt);
  expect((await status(press, 'ili', '2019-01-05')).reported).toBe(0);

  const member = await post(officer, { jurisdiction: 'ili', reporter: ecology, date: day });
  expect(member.status).toBe(201);
  expect(entry(await status(press, 'ili'), ecology)).toMatchObject({ reported: true, summary: null });
});

test('re-recording replaces the report and both are in the audit log', async () => {
  const response = await post(director, {
    jurisdiction: 'ili',
    reporter: '654002',
    date: day,
    summary: '补报',
  });
  expect(response.status).toBe(200);
  expect((await response.json()).replaced).toMatchObject({ recordedBy: 'duty-officer', summary: '已落实' });
  const ili = await status(officer, 'ili');
  expect(ili.reported).toBe(2);
  expect(entry(ili, '654002')).toMatchObject({ recordedBy: 'office-director', summary: '补报' });

  const audit = await director.request('/api/audit?text=daily-report');
  const actions = ((await audit.json()).entries as { action: string; actor: string }[]).map(
    (auditEntry) => `${auditEntry.action} ${auditEntry.actor}`,
  );
  expect(actions).toEqual([
    'daily-report.replace office-director (office-director)',
    'daily-report.record duty-officer (duty-officer)',
    'daily-report.record duty-officer (duty-officer)',
  ]);
});

test('press, another prefecture, no CSRF token and bad input are refused and nothing is written', async () => {
  const valid = { jurisdiction: 'ili', reporter: '654003', date: day };
  expect((await post(press, valid)).status).toBe(403);
  expect((await post(await login(server, 'kizilsu-officer', 'k-password'), valid)).status).toBe(403);
  const noToken = await fetch(`${server.url}/api/reports`, {
    method: 'POST',
    headers: { cookie: officer.cookie, 'content-type': 'application/json' },
    body: JSON.stringify(valid),
  });
  expect(noToken.status).toBe(403);

  const refusals: [Record<string, unknown>, string][] = [
    [{ ...valid, reporter: '653001' }, 'reporter'], // a Kizilsu county
    [{ ...valid, reporter: '克州通信管理办公室' }, 'reporter'], // a Kizilsu member unit
    [{ ...valid, date: '2019-02-29' }, 'date'], // 2019 is not a leap year
    [{ ...valid, date: '4 Jan 2019' }, 'date'],
    [{ ...valid, date: '2999-01-01' }, 'date'], // a day that has not begun
    [{ reporter: '654003', date: day }, 'jurisdiction'],
  ];
  for (const [body, field] of refusals) {
    const response = await post(officer, body);
    expect(response.status, JSON.stringify(body)).toBe(400);
    const { issues } = (await response.json()) as { issues: { field: string }[] };
    expect(issues.map((issue) => issue.field)).toEqual([field]);
  }
  expect((await status(press, 'ili')).reported).toBe(2);
  expect(entry(await status(press, 'ili'), '654003')?.reported).toBe(false);
  expect((await status(press, 'ili', '2999-01-01')).reported).toBe(0);

  const leapDay = await post(officer, { ...valid, date: '2020-02-29' });
  expect(leapDay.status).toBe(201);
  const badQuery = await press.request('/api/reports?jurisdiction=ili&date=2019-13-01');
  expect(badQuery.status).toBe(400);
  expect((await fetch(`${server.url}/api/reports?jurisdiction=ili&date=${day}`)).status).toBe(401);
});

test('the reports survive a restart on the same DATA_DIR', async () => {
  await server.close();
  // The reopened server owns the data directory from here on; afterAll stops it.
  server = await startTestServer({}, { dataDir: server.dataDir });
  await signIn();
  const ili = await status(press, 'ili');
  expect(ili.reported).toBe(2);
  expect(entry(ili, '654002')).toMatchObject({ recordedBy: 'office-director', summary: '补报' });
});

test('a new replay exercise starts with nobody reported; the other prefecture keeps its reports', async () => {
  const kizilsu = await post(officer, { jurisdiction: 'kizilsu', reporter: '653001', date: day });
  expect(kizilsu.status).toBe(201);
  // What the replay does when a pass goes back to its episode's start (server/replay/wiring.ts).
  const store = server.openStore();
  startExercise(store, 'ili', 'replay', Date.now());
  store.close();
  expect((await status(press, 'ili')).reported).toBe(0);
  expect((await status(press, 'kizilsu')).reported).toBe(1);
  const again = await post(officer, { jurisdiction: 'ili', reporter: '654002', date: day });
  expect(again.status).toBe(201);
  expect(entry(await status(press, 'ili'), '654002')).toMatchObject({
    recordedBy: 'duty-officer',
    summary: null,
  });
});

test('the console shows the Beijing day before the engine now', () => {
  // 2019-01-04T16:00Z is 00:00 on 5 January in Beijing: the previous day is the 4th (in UTC it would be the 3rd).
  expect(reportDayBefore(Date.parse('2019-01-04T16:00:00Z'))).toBe('2019-01-04');
  // 2019-01-04T15:00Z is 23:00 on 4 January in Beijing: the previous day is the 3rd.
  expect(reportDayBefore(Date.parse('2019-01-04T15:00:00Z'))).toBe('2019-01-03');
  expect(reportDayBefore(Date.parse('2019-03-01T08:00:00+08:00'))).toBe('2019-02-28');
});

test("a recorded report is pushed to the prefecture's live clients, so other staff see it at once", async () => {
  const client: Socket<ServerToClientEvents, ClientToServerEvents> = connect(server.url, {
    transports: ['websocket'],
  });
  const joined = new Promise((resolve) => client.once('snapshot', resolve));
  client.emit('join', { jurisdiction: 'ili' });
  await joined;
  const pushed = new Promise<OfficeChange>((resolve) => client.once('office-change', resolve));
  const response = await post(officer, { jurisdiction: 'ili', reporter: '654003', date: day });
  expect(response.status).toBe(201);
  expect(await pushed).toEqual({ jurisdiction: 'ili', kind: 'reports' });
  client.close();
});
