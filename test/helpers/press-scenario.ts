import { HOUR } from '../../shared/time';
import { feedReplayHours, replayFeederKey, replayHours } from './replay-feed';
import { login, type Session, startTestServer, type TestServer } from './server';

/**
 * A demo server replaying the December 2019 episode (REPLAY=on: the exercise mark), held at the end of
 * its warm-up (a replay speed of 0.001 h/s), then driven by the test: hours fed through the API, and an
 * Ili regional warning issued orange at 12-08 23:00, raised to red at 12-09 23:00, lifted 12-10 23:00.
 */
export const press = {
  members: ['654002', '654021', '654022', '654023', 'xpcc4-kokdala'],
  orangeAt: Date.parse('2019-12-08T23:00:00+08:00'),
  redAt: Date.parse('2019-12-09T23:00:00+08:00'),
  liftAt: Date.parse('2019-12-10T23:00:00+08:00'),
};

export async function startPressServer(): Promise<TestServer> {
  const server = await startTestServer({
    REPLAY: 'on',
    REPLAY_SPEED: '0.001',
    FEEDER_KEY: replayFeederKey,
    CLOCK: 'data',
  });
  const warmupEnd = replayHours[59]!;
  for (let tries = 0; tries < 600; tries += 1) {
    const timeline = (await (await fetch(`${server.url}/api/state/timeline?jurisdiction=ili`)).json()) as {
      now: number;
    };
    if (timeline.now >= warmupEnd) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the replay did not finish its warm-up');
}

export function demo(server: TestServer, role: string): Promise<Session> {
  return login(server, role, `${role}-demo`);
}

/**
 * A keep-alive socket the server closed while idle may be reset as the next request goes out on it (undici,
 * under load): such a request never reached the handler, so it is sent once more.
 */
async function post(session: Session, path: string, body: unknown): Promise<Response> {
  try {
    return await session.request(path, { method: 'POST', body: JSON.stringify(body) });
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return session.request(path, { method: 'POST', body: JSON.stringify(body) });
  }
}

async function act(session: Session, path: string, body: unknown): Promise<unknown> {
  const response = await post(session, path, body);
  if (!response.ok) throw new Error(`POST ${path} → ${response.status} ${await response.text()}`);
  return response.json();
}

const exercise = { reason: '演练：按特殊情况处理，检验文书' };

/** Feeds the episode up to an hour end (the data clock follows). */
export async function feedUntil(server: TestServer, hourEnd: number): Promise<void> {
  const timeline = (await (await fetch(`${server.url}/api/state/timeline?jurisdiction=ili`)).json()) as {
    now: number;
  };
  await feedReplayHours(server.url, replayHours.indexOf(timeline.now) + 1, replayHours.indexOf(hourEnd) + 1);
}

/** The warning's course through the plan's chains (returns the id the server gave it) (Ili: orange director → commander; red director → first deputy → commander). */
export async function runWarning(server: TestServer, key: string): Promise<string> {
  const [duty, director, firstDeputy, commander] = await Promise.all(
    ['duty-officer', 'office-director', 'first-deputy-commander', 'commander'].map((role) =>
      demo(server, role),
    ),
  );
  await feedUntil(server, press.orangeAt);
  const proposed = (await act(duty!, '/api/warnings/propose', {
    jurisdiction: 'ili',
    // An idempotency key: the server assigns the warning's id.
    warningId: key,
    target: { kind: 'region', regionId: 'r-yining', members: press.members },
    level: 'orange',
    reason: '会商研判：伊宁市及周边持续重污染',
    // The replayed episode is entered without its forecasts' 24 h lead: the plan's special case, recorded.
    overrideGuards: exercise,
  })) as { warning: { id: string } };
  const id = proposed.warning.id;
  await act(director!, `/api/warnings/${id}/sign`, { reason: '审核同意' });
  await act(commander!, `/api/warnings/${id}/issue`, { reason: '批准发布', overrideGuards: exercise });
  await feedUntil(server, press.redAt);
  await act(duty!, `/api/warnings/${id}/raise`, {
    level: 'red',
    reason: '监测已达红色且24小时内无明显改善',
    overrideGuards: exercise,
  });
  await act(director!, `/api/warnings/${id}/sign`, { reason: '审核同意' });
  await act(firstDeputy!, `/api/warnings/${id}/sign`, { reason: '同意' });
  await act(commander!, `/api/warnings/${id}/sign`, { reason: '批准升级', overrideGuards: exercise });
  await feedUntil(server, press.liftAt);
  await act(duty!, `/api/warnings/${id}/lift`, {
    reason: '空气质量改善至启动标准以下并预计持续36小时以上',
    overrideGuards: exercise,
  });
  return id;
}

export const hoursBetween = (from: number, to: number) => Math.round((to - from) / HOUR);
