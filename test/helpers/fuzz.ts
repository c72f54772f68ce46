import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { accountsFor, login, type Session, startTestServer, type TestServer } from './server';

/**
 * Property-based probing of every write endpoint against a real server (issue 14, "make the class
 * impossible"). Each request — random or malformed bodies, files and dates — must answer below 500 within
 * the time limit; a refused request must leave every table as it was (only the audit may record a refusal);
 * an accepted one must have an effect; the server's memory stays bounded and its health clean.
 * test/integration/fuzz.test.ts runs a bounded number of cases; `npm run bench fuzz` runs many more.
 */

export const feederKey = 'fuzz-feeder-key-0123456789abcdef';
/** No request may take longer (the hang the issue found lasted forever). */
export const requestLimitMs = 5_000;
/** RSS over the start's by more than this is a leak or an unbounded read. */
export const rssGrowthLimit = 600 * 1024 * 1024;

export type Caller = 'office' | 'ili-office' | 'feeder' | 'anonymous';
export type FuzzRequest = {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  caller: Caller;
  contentType?: string;
  fileName?: string;
  body?: string | Uint8Array;
};

export type Fuzz = {
  server: TestServer;
  sessions: Record<'office' | 'ili-office', Session>;
  /** A warning proposed at set-up, so that actions on an existing warning are reached. */
  warningId: string;
  rssAtStart: number;
  /** Answers seen per target and status, to show what a run reached. */
  statuses: Map<string, Map<number, number>>;
  close: () => Promise<void>;
};

/** What an accepted request must have done: a table changed, or the answer says why nothing had to. */
type EffectCheck = (response: unknown) => boolean;

export type FuzzTarget = {
  name: string;
  requests: (fuzz: Fuzz) => fc.Arbitrary<FuzzRequest>;
  /** For endpoints whose 2xx may legitimately change nothing (an idempotent re-send). */
  noOp?: EffectCheck;
  /** Beyond "some table changed": the answer shows the effect (e.g. the warning it made). */
  effect?: EffectCheck;
};

// ---------------------------------------------------------------- values

/** A field's plausible values, and what feeders and attackers send instead. */
type Field = { valid: fc.Arbitrary<unknown>; wild: fc.Arbitrary<unknown> };
const field = (valid: fc.Arbitrary<unknown>, wild: fc.Arbitrary<unknown> = fc.jsonValue()): Field => ({
  valid,
  wild: fc.oneof(wild, fc.jsonValue()),
});

const hourEnds = fc
  .integer({ min: 0, max: 24 * 60 })
  .map((hours) => new Date(Date.parse('2019-01-01T01:00:00+08:00') + hours * 3_600_000).toISOString());

/** Instants as feeders get them wrong: out of range, not calendar days, no offset, not text at all. */
const instant = field(
  hourEnds,
  fc.oneof(
    fc
      .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
      .map((date) => date.toISOString()),
    fc.constantFrom(
      '+275760-09-13T00:00:00Z',
      '-271821-04-20T00:00:00Z',
      '2019-02-29T00:00:00+08:00',
      '2019-01-05T24:00:00+08:00',
      '2019-01-05T13:00:00',
      '2019-01-05 13:00',
      '1960-01-01T00:00:00Z',
      '2099-12-31T23:00:00Z',
      '2019-01-05T13:00:00+99:00',
      '',
    ),
    fc.integer(),
    fc.double(),
  ),
);
/** Decimal numbers with `places` decimals in [min, max], as instruments and lists write them. */
const decimal = (min: number, max: number, places: number) =>
  fc.integer({ min: min * 10 ** places, max: max * 10 ** places }).map((value) => value / 10 ** places);
const number = field(
  decimal(0, 600, 1),
  fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, -1, '0x10', '1e3', 'Infinity', '12', ''), fc.string()),
);
const unitId = field(
  fc.constantFrom('654002', '654021', '653001', 'xpcc4-r69'),
  fc.string({ maxLength: 20 }),
);
const stationId = field(
  fc.constantFrom('S-ILI', 'S-KIZ'),
  fc.oneof(fc.constant('S-NEW'), fc.string({ maxLength: 40 })),
);
const jurisdiction = field(fc.constantFrom('ili', 'kizilsu'), fc.string({ maxLength: 8 }));
const level = field(fc.constantFrom('yellow', 'orange', 'red'), fc.constantFrom('none', 'purple', ''));
const text = field(
  fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim() !== ''),
  fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ minLength: 2100, maxLength: 2200 })),
);

/** A record whose fields are plausible most of the time, sometimes wild, sometimes absent. */
function record(fields: Record<string, Field>): fc.Arbitrary<Record<string, unknown>> {
  const absent = Symbol('absent');
  const chosen = Object.entries(fields).map(([key, { valid, wild }]) =>
    fc
      .oneof(
        { weight: 12, arbitrary: valid },
        { weight: 1, arbitrary: wild },
        { weight: 1, arbitrary: fc.constant(absent) },
      )
      .map((value) => [key, value] as const),
  );
  return fc
    .tuple(...chosen)
    .map((entries) => Object.fromEntries(entries.filter(([, value]) => value !== absent)));
}

/** A JSON body: a record most of the time, else any JSON value or broken text. */
function jsonBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: value.map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: fc.jsonValue().map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: fc.constantFrom('null', '[]', '{', '"text"', '{"a":', '') },
  );
}

const csvCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('"', '""', '0x10', '1e5', ',', '\n', '中文'),
);
/** CSV text: rows of good cells with some bad ones, or something that is hardly CSV at all. */
function csvText(header: string[], row: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  const line = fc.oneof(
    { weight: 6, arbitrary: row },
    { weight: 1, arbitrary: fc.array(csvCell, { minLength: header.length, maxLength: header.length }) },
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(line, { minLength: 1, maxLength: 5 })
        .map((rows) => [header.join(','), ...rows.map((cells) => cells.join(','))].join('\n')),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '\n', `${header.join(',')}\n`, `${header.join(',')}\n"unclosed,quote`),
    },
  );
}
const cell = (value: Field) =>
  fc.oneof({ weight: 8, arbitrary: value.valid.map(String) }, { weight: 1, arbitrary: csvCell });

// ---------------------------------------------------------------- files

const bombBytes = zipSync({
  'a.shp': new Uint8Array(48 * 1024 * 1024),
  'a.dbf': new Uint8Array(48 * 1024 * 1024),
});
const shapefileZip = new Uint8Array(
  readFileSync(new URL('../fixtures/boundaries/r69-square.zip', import.meta.url)),
);
const enterprisesCsv = new Uint8Array(
  readFileSync(new URL('../fixtures/layers/enterprises-good.csv', import.meta.url)),
);

const bytes = (maxLength: number) => fc.uint8Array({ maxLength });
const zips = fc.oneof(
  fc.constant(new TextEncoder().encode('PK\x03\x04garbage')),
  fc.integer({ min: 1, max: shapefileZip.length - 1 }).map((cut) => shapefileZip.slice(0, cut)),
  fc.constant(shapefileZip),
  fc.constant(bombBytes),
  fc
    .dictionary(
      fc.constantFrom('a.shp', 'a.dbf', 'a.prj', 'a.cpg', 'b.shp', 'x/y.txt', '__MACOSX/a.shp'),
      bytes(300),
      { maxKeys: 5 },
    )
    .map((entries) => zipSync(entries)),
  fc
    .tuple(fc.integer({ min: 0, max: shapefileZip.length - 1 }), fc.integer({ min: 0, max: 255 }))
    .map(([at, value]) => {
      const flipped = shapefileZip.slice();
      flipped[at] = value;
      return flipped;
    }),
);

/** A ring near 69团 (inside Xinjiang), its vertices jittered: often valid, sometimes crossing itself. */
const rings = fc
  .array(
    fc.tuple(
      fc.double({ min: 81.0, max: 81.05, noNaN: true }),
      fc.double({ min: 43.74, max: 43.79, noNaN: true }),
    ),
    {
      minLength: 3,
      maxLength: 6,
    },
  )
  .map((ring) => [...ring, ring[0]!]);
const geometries = fc.oneof(
  { weight: 4, arbitrary: rings.map((ring) => ({ type: 'Polygon', coordinates: [ring] })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { type: 'Polygon', coordinates: [[]] },
      { type: 'Polygon', coordinates: [] },
      { type: 'Point', coordinates: [81.3, 43.9] },
      null,
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
);
const geojson = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.record({
          type: fc.constantFrom('Feature', 'Feature', 'Feature', 'feature'),
          properties: fc.oneof(
            fc.record({
              unitId: unitId.valid,
              编号: fc.string({ maxLength: 6 }),
              名称: fc.string({ maxLength: 6 }),
            }),
            fc.constant(null),
          ),
          geometry: geometries,
        }),
        { maxLength: 3 },
      )
      .map((features) => ({ type: 'FeatureCollection', features })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { type: 'FeatureCollection', features: null },
      {
        type: 'Topology',
        objects: { a: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[7]] }] } },
        arcs: [],
      },
      { type: 'Topology' },
      null,
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
);
const geojsonBytes = geojson.map((value) => new TextEncoder().encode(JSON.stringify(value)));
/** An upload and the name it is sent under: usually matching, sometimes not. */
const upload = (named: fc.Arbitrary<[string, Uint8Array]>) =>
  fc.oneof(
    { weight: 4, arbitrary: named },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.oneof(
          fc.constantFrom('a.zip', 'a.geojson', 'a.csv', 'a.xlsx', 'a.txt'),
          fc.string({ maxLength: 30 }),
        ),
        fc.oneof(zips, geojsonBytes, bytes(2000)),
      ),
    },
  );

// ---------------------------------------------------------------- targets

const callers = (weights: Partial<Record<Caller, number>>) =>
  fc.oneof(
    ...Object.entries(weights).map(([caller, weight]) => ({
      weight,
      arbitrary: fc.constant(caller as Caller),
    })),
  );

function request(
  method: FuzzRequest['method'],
  path: fc.Arbitrary<string> | string,
  caller: fc.Arbitrary<Caller>,
  contentType: string,
  body?: fc.Arbitrary<string | Uint8Array>,
): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    method: fc.constant(method),
    path: typeof path === 'string' ? fc.constant(path) : path,
    caller,
    contentType: fc.constant(contentType),
    ...(body ? { body } : {}),
  });
}

const observationRow = record({
  station: stationId,
  time: instant,
  pm25: number,
  pm10: number,
  so2: number,
  no2: number,
  co: number,
  o3: number,
});
const dataCallers = callers({ feeder: 3, office: 1, 'ili-office': 2, anonymous: 1 });
const officeCallers = callers({ office: 3, 'ili-office': 2, feeder: 1 });

export const fuzzTargets: FuzzTarget[] = [
  {
    name: 'POST /api/observations (JSON)',
    requests: () =>
      request(
        'POST',
        '/api/observations',
        dataCallers,
        'application/json',
        jsonBody(fc.record({ observations: fc.array(observationRow, { minLength: 1, maxLength: 4 }) })),
      ),
    noOp: (response) => hasCounts(response, (body) => body.unchanged === body.accepted),
  },
  {
    name: 'POST /api/observations (CSV)',
    requests: () =>
      request(
        'POST',
        '/api/observations',
        dataCallers,
        'text/csv',
        csvText(
          ['station', 'time', 'pm25', 'pm10', 'co'],
          fc.tuple(cell(stationId), cell(instant), cell(number), cell(number), cell(number)),
        ),
      ),
    noOp: (response) => hasCounts(response, (body) => body.unchanged === body.accepted),
  },
  {
    name: 'POST /api/forecasts',
    requests: () =>
      request(
        'POST',
        '/api/forecasts',
        dataCallers,
        'application/json',
        jsonBody(
          record({
            issuedAt: instant,
            source: text,
            forecasts: field(
              fc.array(
                record({
                  unit: unitId,
                  windowEnd: instant,
                  aqi: number,
                  primary: field(fc.constant('pm25')),
                }),
                {
                  minLength: 1,
                  maxLength: 3,
                },
              ),
            ),
          }),
        ),
      ),
    noOp: (response) => hasCounts(response, (body) => body.written === 0),
  },
  {
    name: 'PUT /api/stations/:id',
    requests: () =>
      request(
        'PUT',
        fc
          .oneof(stationId.valid, stationId.wild)
          .map((id) => `/api/stations/${encodeURIComponent(String(id))}`),
        dataCallers,
        'application/json',
        jsonBody(
          record({
            name: text,
            lon: field(decimal(75, 82, 4), number.wild),
            lat: field(decimal(39, 44, 4), number.wild),
            unit: unitId,
            simulated: field(fc.boolean()),
          }),
        ),
      ),
    // Re-registering a station as it stands is a correct no-op.
    noOp: () => true,
  },
  {
    name: 'POST /api/stations/import',
    requests: () =>
      request(
        'POST',
        '/api/stations/import',
        dataCallers,
        'text/csv',
        csvText(
          ['id', 'name', 'lon', 'lat', 'unit'],
          fc.tuple(
            cell(stationId),
            cell(text),
            cell(field(decimal(76, 82, 4))),
            cell(field(decimal(39, 44, 4))),
            cell(unitId),
          ),
        ),
      ),
    noOp: () => true,
  },
  {
    name: 'POST /api/boundaries/import',
    requests: () =>
      fc
        .tuple(
          officeCallers,
          fc.constantFrom('application/zip', 'application/octet-stream'),
          upload(
            fc.oneof(
              zips.map((zip) => ['a.zip', zip] as [string, Uint8Array]),
              geojsonBytes.map((file) => ['a.geojson', file] as [string, Uint8Array]),
            ),
          ),
          fc.oneof(
            { weight: 6, arbitrary: fc.constant('') },
            { weight: 1, arbitrary: fc.constantFrom('&crs=gcj02', '&crs=x', '&idProperty=') },
          ),
        )
        .map(([caller, contentType, [name, body], extra]) => ({
          method: 'POST' as const,
          path: `/api/boundaries/import?name=${encodeURIComponent(name)}${extra}`,
          caller,
          contentType,
          body,
        })),
  },
  {
    name: 'POST /api/layers/:kind/import',
    requests: () =>
      fc
        .tuple(
          officeCallers,
          fc.constantFrom('enterprise', 'diesel-zone', 'dust-source', 'enterprise', 'nothing'),
          fc.constantFrom('ili', 'kizilsu', 'ili', 'x'),
          fc.boolean(),
          upload(
            fc.oneof(
              fc.constant(['enterprises.csv', enterprisesCsv] as [string, Uint8Array]),
              fc
                .integer({ min: 1, max: enterprisesCsv.length - 1 })
                .map((cut) => ['enterprises.csv', enterprisesCsv.slice(0, cut)] as [string, Uint8Array]),
              geojsonBytes.map((file) => ['zones.geojson', file] as [string, Uint8Array]),
              zips.map((zip) => ['list.xlsx', zip] as [string, Uint8Array]),
            ),
          ),
        )
        .map(([caller, kind, jurisdiction, validOnly, [name, body]]) => ({
          method: 'POST' as const,
          path: `/api/layers/${kind}/import?jurisdiction=${jurisdiction}&validOnly=${validOnly}`,
          caller,
          contentType: 'application/octet-stream',
          fileName: name,
          body,
        })),
  },
  {
    name: 'PUT /api/external-regional-warning',
    requests: () =>
      fc.oneof(
        request(
          'PUT',
          '/api/external-regional-warning',
          officeCallers,
          'application/json',
          jsonBody(
            record({
              jurisdiction: field(fc.constant('kizilsu'), jurisdiction.valid),
              level,
              members: field(fc.constant(['653001']), fc.array(unitId.valid)),
              issuedAt: instant,
              reference: text,
            }),
          ),
        ),
        request('DELETE', '/api/external-regional-warning', officeCallers, 'application/json'),
      ),
  },
  {
    name: 'POST /api/reports',
    requests: () =>
      request(
        'POST',
        '/api/reports',
        officeCallers,
        'application/json',
        jsonBody(
          record({
            jurisdiction,
            reporter: unitId,
            date: field(
              fc.constantFrom('2019-01-05', '2019-12-08'),
              fc.constantFrom('2019-02-29', '2019-13-01', '+275760-09-13', '2999-01-01'),
            ),
            summary: text,
          }),
        ),
      ),
  },
  {
    name: 'POST /api/enterprise-checks',
    requests: () =>
      request(
        'POST',
        '/api/enterprise-checks',
        officeCallers,
        'application/json',
        jsonBody(
          record({
            jurisdiction,
            enterpriseId: field(fc.constantFrom('YN-001', 'YN-002'), fc.string({ maxLength: 12 })),
            observed: field(fc.constantFrom('normal', 'stopped', 'staggered'), fc.constant('reduced')),
            note: text,
          }),
        ),
      ),
  },
  {
    name: 'POST /api/warnings/propose',
    requests: () =>
      request(
        'POST',
        '/api/warnings/propose',
        officeCallers,
        'application/json',
        jsonBody(
          record({
            jurisdiction,
            target: field(
              unitId.valid.map((id) => ({ kind: 'unit', unitId: id })),
              fc.record({
                kind: fc.constant('region'),
                regionId: fc.string(),
                members: fc.array(unitId.valid),
              }),
            ),
            level,
            reason: text,
            effectiveAt: instant,
          }),
        ),
      ),
    // A 2xx proposal must make a warning (issue 14, item 7).
    effect: (response) => (response as { warning?: unknown }).warning != null,
  },
  {
    name: 'POST /api/warnings/confirm-dust',
    requests: () =>
      request(
        'POST',
        '/api/warnings/confirm-dust',
        officeCallers,
        'application/json',
        jsonBody(record({ jurisdiction, unitId, from: instant, to: instant, reason: text })),
      ),
  },
  {
    name: 'POST /api/warnings/:id/:action',
    requests: (fuzz) =>
      fc
        .tuple(
          officeCallers,
          fc.oneof(
            { weight: 6, arbitrary: fc.constant(fuzz.warningId) },
            { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
          ),
          fc.oneof(
            {
              weight: 6,
              arbitrary: fc.constantFrom(
                'sign',
                'issue',
                'reject',
                'raise',
                'lower',
                'lift',
                'cancel',
                'override',
              ),
            },
            { weight: 1, arbitrary: fc.string() },
          ),
          jsonBody(record({ reason: text, level, unitId, effectiveAt: instant })),
        )
        .map(([caller, id, action, body]) => ({
          method: 'POST' as const,
          path: `/api/warnings/${encodeURIComponent(id)}/${encodeURIComponent(action)}`,
          caller,
          contentType: 'application/json',
          body,
        })),
    effect: (response) => (response as { warning?: unknown }).warning != null,
  },
  {
    name: 'POST /api/login',
    requests: () =>
      request(
        'POST',
        '/api/login',
        fc.constant('anonymous' as const),
        'application/json',
        jsonBody(
          record({
            username: field(fc.constantFrom('office-director', 'nobody'), fc.string({ maxLength: 70 })),
            password: field(
              fc.constantFrom('office-director-password', 'wrong'),
              fc.string({ maxLength: 300 }),
            ),
          }),
        ),
      ),
  },
];

function hasCounts(response: unknown, check: (body: Record<string, number>) => boolean): boolean {
  return typeof response === 'object' && response !== null && check(response as Record<string, number>);
}

// ---------------------------------------------------------------- the server and the probe

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
    }),
  });
  const { warning } = (await proposed.json()) as { warning: { id: string } };
  // Start the import worker before timing requests: loading its modules is not a request's time.
  await sessions.office.request('/api/layers/enterprise/import?jurisdiction=kizilsu', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: 'warm-up',
  });
  return {
    server,
    sessions,
    warningId: warning.id,
    rssAtStart: process.memoryUsage().rss,
    statuses: new Map(),
    close: () => server.stop(),
  };
}

type Snapshot = { tables: Map<string, string>; auditSeq: number };

function snapshot(database: Database.Database): Snapshot {
  const tables = new Map<string, string>();
  const names = database
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'audit'")
    .all();
  for (const { name } of names) {
    const rows = database
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
    tables.set(name, createHash('sha256').update(rows.join('\n')).digest('hex'));
  }
  const { seq } = database
    .prepare<[], { seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM audit')
    .get()!;
  return { tables, auditSeq: seq };
}

function changedTables(before: Snapshot, after: Snapshot): string[] {
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

/** Sends one request and checks every property; returns what went wrong, or null. */
export async function probe(fuzz: Fuzz, target: FuzzTarget, request: FuzzRequest): Promise<string | null> {
  const database = new Database(join(fuzz.server.dataDir, 'tianshan.db'), { readonly: true });
  try {
    const before = snapshot(database);
    const headers: Record<string, string> = {};
    if (request.contentType) headers['content-type'] = request.contentType;
    if (request.fileName !== undefined) headers['x-file-name'] = encodeURIComponent(request.fileName);
    if (request.caller === 'feeder') headers.authorization = `Bearer ${feederKey}`;
    if (request.caller === 'office' || request.caller === 'ili-office') {
      const session = fuzz.sessions[request.caller];
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrfToken;
    }
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(`${fuzz.server.url}${request.path}`, {
        method: request.method,
        headers,
        body: request.method === 'DELETE' ? undefined : (request.body as BodyInit | undefined),
        signal: AbortSignal.timeout(requestLimitMs),
      });
    } catch (error) {
      return `no answer within ${requestLimitMs} ms (${(error as Error).message}) to ${describe(request)}`;
    }
    const text = await response.text();
    const seen = fuzz.statuses.get(target.name) ?? new Map<number, number>();
    fuzz.statuses.set(target.name, seen.set(response.status, (seen.get(response.status) ?? 0) + 1));
    const elapsed = performance.now() - started;
    if (elapsed > requestLimitMs) return `answered after ${elapsed.toFixed(0)} ms: ${describe(request)}`;
    if (response.status >= 500) return `${response.status} ${text} for ${describe(request)}`;
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      if (response.status !== 204)
        return `${response.status} answered with a body that is not JSON: ${text.slice(0, 200)}`;
    }
    const after = snapshot(database);
    const changed = changedTables(before, after);
    if (response.status >= 400) {
      if (changed.length > 0)
        return `${response.status} but tables ${changed.join(', ')} changed, for ${describe(request)}`;
      const audited = database
        .prepare<[number], { action: string }>('SELECT action FROM audit WHERE seq > ?')
        .all(before.auditSeq)
        .filter(({ action }) => !auditedRefusal.test(action));
      if (audited.length > 0)
        return `${response.status} but the audit gained ${audited.map(({ action }) => action).join(', ')}: ${describe(request)}`;
    } else {
      const effect = changed.length > 0 || (target.noOp?.(body) ?? false);
      if (!effect)
        return `${response.status} ${text.slice(0, 200)} changed nothing, for ${describe(request)}`;
      if (target.effect && !target.effect(body))
        return `${response.status} ${text.slice(0, 200)} without the effect it reports, for ${describe(request)}`;
    }
    const rss = process.memoryUsage().rss;
    if (rss - fuzz.rssAtStart > rssGrowthLimit)
      return `RSS grew by ${Math.round((rss - fuzz.rssAtStart) / 1e6)} MB after ${describe(request)}`;
    return null;
  } finally {
    database.close();
  }
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
