import { expect, test } from 'vitest';
import { stationsFromCsv } from './stations';

const places = { unitAt: () => '654002', near: () => true };
const issuesOf = (csv: string) => {
  const result = stationsFromCsv(csv, places);
  return result.ok || result.refusal.kind !== 'invalid' ? [] : result.refusal.issues;
};

test('a station list with its columns spelt otherwise, or missing, is refused once by column, not cell by cell', () => {
  expect(
    issuesOf('id,name,Lon,Lat,Unit\nQA1,测试站,81.33,43.91,654002\nQA2,测试站2,81.34,43.92,654002\n'),
  ).toEqual([
    { field: 'Lon', message: 'column "Lon" is not read: name it "lon"' },
    { field: 'Lat', message: 'column "Lat" is not read: name it "lat"' },
    { field: 'Unit', message: 'column "Unit" is not read: name it "unit"' },
  ]);
  expect(issuesOf('编号,名称,经度,纬度\nQA1,测试站,81.33,43.91\n').map((issue) => issue.field)).toEqual([
    'id',
    'name',
    'lon',
    'lat',
  ]);
  const good = stationsFromCsv('id,name,lon,lat,note\nQA1,测试站,81.33,43.91,新建\n', places);
  expect(good.ok && good.value.map((station) => station.unitId)).toEqual(['654002']);
});
