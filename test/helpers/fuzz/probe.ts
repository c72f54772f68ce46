import { accountsFor, login, startTestServer } from '../server';
import { storeReader, type TableSnapshot } from './store-reader';
import {
  type Fuzz,
  type FuzzRequest,
  type FuzzTarget,
  feederKey,
  importLimitMs,
  requestLimitMs,
  rssGrowthLimit,
} from './types';

export async function startFuzz(): Promise<Fuzz> {
  const accounts = [
    ...accountsFor(['office-director']),
    {
      username: 'ili-office',
      role: 'office-director' as const,
      jurisdiction: 'ili' as const,
      password: 'ili-office-password',
    },
  ];
  const server = await startTestServer({ FEEDER_KEY: feederKey }, { accounts });
  const sessions = {
    office: await login(server, 'office-director', 'office-director-password'),
    'ili-office': await login(server, 'ili-office', 'ili-office-password'),
  };
  const put = (id: string, body: object) =>
    fetch(`${server.url}/api/stations/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await put('S-ILI', { name: 'Yining', lon: 81.2815, lat: 43.9404 });
  await put('S-KIZ', { name: 'Artux', lon: 76.17, lat: 39.71 });
  const proposed = await sessions.office.request('/api/warnings/propose', {
    method: 'POST',
    body: JSON.stringify({
      jurisdiction: 'ili',
      target: { kind: 'unit', unitId: '654002' },
      level: 'orange',
      reason: 'fuzz set-up',
      // No data yet: the plan's guards would refuse it; the set-up records the special case.
      overrideGuards: { reason: 'fuzz set-up' },
    }),
  });
  if (!proposed.ok) throw new Error(`fuzz set-up: propose → ${proposed.status} ${await proposed.text()}`);
  const { warning } = (await proposed.json()) as { warning: { id: string } };
  // Start the import worker before timing requests: loading its modules is not a request's time.
  await sessions.office.request('/api/layers/enterprise/import?jurisdiction=kizilsu', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: 'warm-up',
  });
  const reader = await storeReader(server);
  return {
    server,
    reader,
    sessions,
    warningId: warning.id,
    rssAtStart: process.memoryUsage().rss,
    statuses: new Map(),
    close: async () => {
      await reader.close();
      await server.stop();
    },
  };
}

function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  return [...after.tables].filter(([name, hash]) => before.tables.get(name) !== hash).map(([name]) => name);
}

/** Refusals the audit records on purpose: a failed sign-in, a warning action the plan refuses. */
const auditedRefusal = /^(login\.failed|warning\.[\w-]+\.refused)$/;

function describe(request: FuzzRequest): string {
  const body =
    request.body instanceof Uint8Array
      ? `<${request.body.length} bytes>`
      : String(request.body ?? '').slice(0, 300);
  return `${request.method} ${request.path} as ${request.caller}${request.fileName ? ` file ${request.fileName}` : ''}: ${body}`;
}

/** Asks for /api/health every half second while a request runs; a reply slower than the limit is a stall. */
function watchHealth(fuzz: Fuzz): { stop: () => Promise<string | null> } {
  let stalled: string | null = null;
  let running = true;
  let wake = () => {};
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        await fetch(`${fuzz.server.url}/api/health`, { signal: AbortSignal.timeout(requestLimitMs) });
      } catch {
        stalled ??= `/api/health gave no answer within ${requestLimitMs} ms`;
      }
      const elapsed = performance.now() - started;
      if (elapsed > requestLimitMs) stalled ??= `/api/health answered after ${elapsed.toFixed(0)} ms`;
      if (!running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 500);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    stop: async () => {
      running = false;
      wake();
      await loop;
      return stalled;
    },
  };
}

/** Sends one request and checks every property; returns what went wrong, or null. */
export async function probe(fuzz: Fuzz, target: FuzzTarget, request: FuzzRequest): Promise<string | null> {
  const before = await fuzz.reader.snapshot();
  const headers: Record<string, string> = {};
  if (request.contentType) headers['content-type'] = request.contentType;
  if (request.fileName !== undefined) headers['x-file-name'] = encodeURIComponent(request.fileName);
  if (request.caller === 'feeder') headers.authorization = `Bearer ${feederKey}`;
  if (request.caller === 'office' || request.caller === 'ili-office') {
    const session = fuzz.sessions[request.caller];
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  const limit = target.fileImport ? importLimitMs : requestLimitMs;
  const started = performance.now();
  const heartbeat = watchHealth(fuzz);
  const answer = await fetch(`${fuzz.server.url}${request.path}`, {
    method: request.method,
    headers,
    body: request.method === 'DELETE' ? undefined : (request.body as BodyInit | undefined),
    signal: AbortSignal.timeout(limit),
  }).then(
    async (response) => ({ response, text: await response.text() }),
    (error: Error) => error,
  );
  const stalled = await heartbeat.stop();
  if (stalled) return `the server stalled: ${stalled}, during ${describe(request)}`;
  if (answer instanceof Error)
    return `no answer within ${limit} ms (${answer.message}) to ${describe(request)}`;
  const { response, text } = answer;
  const seen = fuzz.statuses.get(target.name) ?? new Map<number, number>();
  fuzz.statuses.set(target.name, seen.set(response.status, (seen.get(response.status) ?? 0) + 1));
  const elapsed = performance.now() - started;
  if (elapsed > limit) return `answered after ${elapsed.toFixed(0)} ms: ${describe(request)}`;
  if (response.status >= 500) return `${response.status} ${text} for ${describe(request)}`;
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    if (response.status !== 204)
      return `${response.status} answered with a body that is not JSON: ${text.slice(0, 200)}`;
  }
  const after = await fuzz.reader.snapshot();
  const changed = changedTables(before, after);
  if (response.status >= 400) {
    if (changed.length > 0)
      return `${response.status} but tables ${changed.join(', ')} changed, for ${describe(request)}`;
    const audited = (await fuzz.reader.auditActionsAfter(before.auditSeq)).filter(
      (action) => !auditedRefusal.test(action),
    );
    if (audited.length > 0)
      return `${response.status} but the audit gained ${audited.join(', ')}: ${describe(request)}`;
  } else {
    const effect = changed.length > 0 || (target.noOp?.(body) ?? false);
    if (!effect) return `${response.status} ${text.slice(0, 200)} changed nothing, for ${describe(request)}`;
    if (target.effect && !target.effect(body))
      return `${response.status} ${text.slice(0, 200)} without the effect it reports, for ${describe(request)}`;
  }
  const rss = process.memoryUsage().rss;
  if (rss - fuzz.rssAtStart > rssGrowthLimit)
    return `RSS grew by ${Math.round((rss - fuzz.rssAtStart) / 1e6)} MB after ${describe(request)}`;
  return null;
}

/** After a run: the server answers its health check, with no degraded jurisdiction and the audit chain whole. */
export async function healthProblem(fuzz: Fuzz): Promise<string | null> {
  const response = await fetch(`${fuzz.server.url}/api/health`, {
    signal: AbortSignal.timeout(requestLimitMs),
  });
  const health = (await response.json()) as { status: string };
  return response.status === 200 && health.status === 'ok'
    ? null
    : `health: ${response.status} ${JSON.stringify(health)}`;
}

/** One line per target: how many answers of each status a run produced. */
export function statusSummary(fuzz: Fuzz): string {
  return [...fuzz.statuses]
    .map(
      ([name, seen]) =>
        `${name}: ${[...seen]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ')}`,
    )
    .join('\n');
}
