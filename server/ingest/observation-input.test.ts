import fc from 'fast-check';
import { expect, test } from 'vitest';
import { batchFromCsv, batchFromRows } from './observation-input';

/** The general reader: a quoted header cell sends the same file through csv.ts and the schema row by row. */
const throughGeneralReader = (csv: string) =>
  batchFromCsv(`"${csv.slice(0, csv.indexOf(','))}"${csv.slice(csv.indexOf(','))}`);

/** What a batch says: every row's station and problems; and its columns when every row is valid. */
const comparable = (result: ReturnType<typeof batchFromCsv>) => {
  if (!result.ok) return result;
  const { count, stations, issues, times, values } = result.value;
  if (issues.length > 0) return { count, stations, issues };
  // NaN (not measured) and -0 as themselves.
  const texts = values.map((column) =>
    [...column].map((value) => (Object.is(value, -0) ? '-0' : String(value))),
  );
  return { count, stations, times: [...times], values: texts };
};

const cell = fc.oneof(
  fc.constantFrom('', ' ', '12', '-0', '0.5', '.5', '3.', '-.5', '+4', ' 7 ', '1e3', '0x10', 'abc', '.', '-'),
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -1_000_000, max: 10_000_000 }).map((value) => (value / 1000).toString()),
  fc.stringMatching(/^\d{1,20}(\.\d{0,20})?$/),
);
const time = fc.oneof(
  fc.constantFrom('2019-01-05T13:00:00+08:00', '2019-01-05T14:00:00+08:00', ' 2019-01-05T15:00:00+08:00'),
  fc.constantFrom('2019-01-05T13:30:00+08:00', 'yesterday', '', '2019-01-05T13:00:00'),
);
const station = fc.oneof(
  fc.constantFrom('S1', 'S2', ' S3 ', ''),
  fc.string({ maxLength: 40 }).filter((text) => !/[",\n\r]/.test(text)),
);

test('a CSV read column by column gives the rows, values and problems the general reader and the schema give', () => {
  const header = fc.shuffledSubarray(['pm25', 'pm10', 'so2', 'no2', 'co', 'o3', 'note'], { minLength: 0 });
  fc.assert(
    fc.property(
      header,
      fc.array(fc.tuple(station, time, fc.array(cell, { minLength: 7, maxLength: 7 })), {
        minLength: 1,
        maxLength: 8,
      }),
      fc.boolean(),
      (names, rows, crlf) => {
        const lines = [['station', 'time', ...names].join(',')];
        for (const [name, hour, cells] of rows)
          lines.push([name, hour, ...cells.slice(0, names.length)].join(','));
        const csv = `${lines.join(crlf ? '\r\n' : '\n')}\n`;
        expect(comparable(batchFromCsv(csv))).toEqual(comparable(throughGeneralReader(csv)));
      },
    ),
    { numRuns: 300 },
  );
});

test('a bad cell is named by its field and row, and a short row by its line, as before', () => {
  const csv = 'station,time,pm25\nS1,2019-01-05T13:00:00+08:00,12\nS1,2019-01-05T14:00:00+08:00,abc\n';
  const bad = batchFromCsv(csv);
  expect(bad.ok && bad.value.issues).toEqual([
    { row: 2, field: 'pm25', message: 'a concentration is a decimal number, or empty when not measured' },
  ]);
  const short = batchFromCsv('station,time,pm25\nS1,2019-01-05T13:00:00+08:00\n');
  expect(short.ok).toBe(false);
  expect(!short.ok && short.refusal).toMatchObject({
    kind: 'invalid',
    issues: [{ field: '(body)', message: 'row 1 has 2 fields, the header 3 (station,time,pm25)' }],
  });
});

test('a header as offices and exports spell it is read: Chinese names, units in brackets, PM2.5, SO₂', () => {
  const expected = batchFromCsv(
    'station,time,pm25,pm10,so2,no2,co,o3\n2703A,2019-01-05T13:00:00+08:00,250,310,21,64,2.3,12\n',
  );
  for (const header of [
    '站点编码,监测时间,PM2.5(μg/m³),PM10(μg/m³),SO2(μg/m³),NO2(μg/m³),CO(mg/m³),O3(μg/m³)',
    '监测点编码,时间,PM2.5（ug/m3）,PM10,SO₂,NO₂,CO（mg/m3）,O₃',
    'stationcode,timepoint,pm2_5,pm10,so2,no2,co,o3',
  ]) {
    const csv = `${header}\n2703A,2019-01-05T13:00:00+08:00,250,310,21,64,2.3,12\n`;
    for (const text of [csv, csv.replace('2703A', '"2703A"')])
      expect([header, batchFromCsv(text)]).toEqual([header, expected]);
  }
});

test('a concentration in another unit, or one field in two columns, is refused naming the column as written', () => {
  const issuesOf = (csv: string) => {
    const result = batchFromCsv(csv);
    return result.ok || result.refusal.kind !== 'invalid' ? [] : result.refusal.issues;
  };
  expect(issuesOf('站点编码,监测时间,CO(μg/m³)\n2703A,2019-01-05T13:00:00+08:00,2300\n')).toEqual([
    { field: 'CO(μg/m³)', message: 'column "CO(μg/m³)": co is read in mg/m³, not μg/m³' },
  ]);
  expect(issuesOf('站点编码,监测时间,时间,pm25\n2703A,2019-01-05T13:00:00+08:00,x,1\n')).toEqual([
    { field: '时间', message: 'columns "监测时间" and "时间" both give time: keep one' },
  ]);
  // A bad cell is named by the column the office wrote, on both readers.
  const csv = '站点编码,监测时间,PM2.5(μg/m³)\n2703A,2019-01-05T13:00:00+08:00,n/a\n';
  for (const text of [csv, csv.replace('2703A', '"2703A"')]) {
    const result = batchFromCsv(text);
    expect(result.ok && result.value.issues).toEqual([
      {
        row: 1,
        field: 'PM2.5(μg/m³)',
        message: 'a concentration is a decimal number, or empty when not measured',
      },
    ]);
  }
});

test('a header without station or time says so once, not a missing cell in every row', () => {
  const result = batchFromCsv(
    '站点,日期,pm25\n2703A,2019-01-05T13:00:00+08:00,250\n2703A,2019-01-05T14:00:00+08:00,250\n',
  );
  expect(result.ok).toBe(false);
  if (result.ok || result.refusal.kind !== 'invalid') return;
  expect(result.refusal.issues.map((issue) => issue.field)).toEqual(['station', 'time']);
  expect(result.refusal.issues[0]!.message).toContain('(it has: 站点,日期,pm25)');
  expect(result.refusal.issues[1]!.message).toContain('name it time or 监测时间');
  expect(result.refusal.issues[0]!.row).toBeUndefined();
});

test('a JSON row with a key no field has is refused by row and key with the name to use, not read as "not measured"', () => {
  const row = { station: 'S1', time: '2019-01-05T13:00:00+08:00', pm10: 310 };
  const batch = batchFromRows([row, { ...row, pm2_5: 250, 'PM2.5': 250 }, { ...row, note: 'ok' }]);
  expect(batch.issues).toEqual([
    { row: 2, field: 'pm2_5', message: 'unknown key "pm2_5": name it "pm25"' },
    { row: 2, field: 'PM2.5', message: 'unknown key "PM2.5": name it "pm25"' },
    {
      row: 3,
      field: 'note',
      message: 'unknown key "note" (the keys are station, time, pm25, pm10, so2, no2, co, o3)',
    },
  ]);
  expect(batchFromRows([row, { ...row, time: '2019-01-05T14:00:00+08:00', pm25: 250 }]).issues).toEqual([]);
});
