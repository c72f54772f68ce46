import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { zipSync } from 'fflate';

/** What feeders, offices and attackers send: plausible values most of the time, and the wild ones. */

/** A field's plausible values, and what feeders and attackers send instead. */
export type Field = { valid: fc.Arbitrary<unknown>; wild: fc.Arbitrary<unknown> };
export const field = (valid: fc.Arbitrary<unknown>, wild: fc.Arbitrary<unknown> = fc.jsonValue()): Field => ({
  valid,
  wild: fc.oneof(wild, fc.jsonValue()),
});

export const hourEnds = fc
  .integer({ min: 0, max: 24 * 60 })
  .map((hours) => new Date(Date.parse('2019-01-01T01:00:00+08:00') + hours * 3_600_000).toISOString());

/** Instants as feeders get them wrong: out of range, not calendar days, no offset, not text at all. */
export const instant = field(
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
export const decimal = (min: number, max: number, places: number) =>
  fc.integer({ min: min * 10 ** places, max: max * 10 ** places }).map((value) => value / 10 ** places);
export const number = field(
  decimal(0, 600, 1),
  fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, -1, '0x10', '1e3', 'Infinity', '12', ''), fc.string()),
);
export const unitId = field(
  fc.constantFrom('654002', '654021', '653001', 'xpcc4-r69'),
  fc.string({ maxLength: 20 }),
);
export const stationId = field(
  fc.constantFrom('S-ILI', 'S-KIZ'),
  fc.oneof(fc.constant('S-NEW'), fc.string({ maxLength: 40 })),
);
export const jurisdiction = field(fc.constantFrom('ili', 'kizilsu'), fc.string({ maxLength: 8 }));
export const level = field(fc.constantFrom('yellow', 'orange', 'red'), fc.constantFrom('none', 'purple', ''));
export const text = field(
  fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim() !== ''),
  fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ minLength: 2100, maxLength: 2200 })),
);

/** A record whose fields are plausible most of the time, sometimes wild, sometimes absent. */
export function record(fields: Record<string, Field>): fc.Arbitrary<Record<string, unknown>> {
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
export function jsonBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: value.map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: fc.jsonValue().map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: fc.constantFrom('null', '[]', '{', '"text"', '{"a":', '') },
  );
}

export const csvCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('"', '""', '0x10', '1e5', ',', '\n', '中文'),
);
/** CSV text: rows of good cells with some bad ones, or something that is hardly CSV at all. */
export function csvText(header: string[], row: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
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
export const cell = (value: Field) =>
  fc.oneof({ weight: 8, arbitrary: value.valid.map(String) }, { weight: 1, arbitrary: csvCell });

export const bombBytes = zipSync({
  'a.shp': new Uint8Array(48 * 1024 * 1024),
  'a.dbf': new Uint8Array(48 * 1024 * 1024),
});
export const shapefileZip = new Uint8Array(
  readFileSync(new URL('../../fixtures/boundaries/r69-square.zip', import.meta.url)),
);
export const enterprisesCsv = new Uint8Array(
  readFileSync(new URL('../../fixtures/layers/enterprises-good.csv', import.meta.url)),
);

export const bytes = (maxLength: number) => fc.uint8Array({ maxLength });
export const zips = fc.oneof(
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
export const rings = fc
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
export const geometries = fc.oneof(
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
export const geojson = fc.oneof(
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
export const geojsonBytes = geojson.map((value) => new TextEncoder().encode(JSON.stringify(value)));
/** An upload and the name it is sent under: usually matching, sometimes not. */
export const upload = (named: fc.Arbitrary<[string, Uint8Array]>) =>
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
