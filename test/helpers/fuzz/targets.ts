import fc from 'fast-check';
import { warningActions } from '../../../shared/rules/lifecycle/actions';
import type { Caller, FuzzRequest, FuzzTarget } from './types';
import {
  cell,
  csvText,
  decimal,
  enterprisesCsv,
  field,
  geojsonBytes,
  instant,
  jsonBody,
  jurisdiction,
  level,
  number,
  record,
  stationId,
  text,
  unitId,
  upload,
  zips,
} from './values';

/** Every write endpoint, with the requests it is probed with. */

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
          // A path segment is text: a wild value goes in as its JSON (String() throws on a null-prototype object).
          .map(
            (id) => `/api/stations/${encodeURIComponent(typeof id === 'string' ? id : JSON.stringify(id))}`,
          ),
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
    fileImport: true,
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
    fileImport: true,
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
              arbitrary: fc.constantFrom(...warningActions.filter((action) => action !== 'propose')),
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
