import { expect, test } from 'vitest';
import { stationsFromCsv } from './stations';

const places = { unitAt: () => '654002', near: () => true };
const issuesOf = (csv: string) => {
  const result = stationsFromCsv(csv, places);
  return result.ok || result.refusal.kind !== 'invalid' ? [] : result.refusal.issues;
};
const stationsOf = (csv: string) => {
  const result = stationsFromCsv(csv, places);
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.ok ? result.value : [];
};

test("the national station list's header and an office's Chinese one are read like the English one", () => {
  // 站点列表 as CNEMC publishes it (PROVENANCE.md S2): 城市 and 对照点 are left unread.
  expect(
    stationsOf(
      '监测点编码,监测点名称,城市,经度,纬度,对照点\n2703A,市环保局,伊犁哈萨克州,81.2815,43.9404,N\n',
    ),
  ).toEqual([
    { id: '2703A', name: '市环保局', lon: 81.2815, lat: 43.9404, unitId: '654002', simulated: false },
  ]);
  // An office's list: the county by name, as offices write it.
  expect(
    stationsOf('站点编码,站点名称,经度,纬度,所属区县\nQA1,伊宁县站,81.52,43.98,伊宁县\n').map(
      (row) => row.unitId,
    ),
  ).toEqual(['654021']);
  expect(stationsOf('ID,Name,Lon,Lat,Unit\nQA1,测试站,81.33,43.91,654002\n')).toHaveLength(1);
});

test('a missing column is refused once, naming the names it may have; a bad cell is named as the file names it', () => {
  const missing = issuesOf('编号,名称,经度,纬度\nQA1,测试站,81.33,43.91\n');
  expect(missing.map((issue) => issue.field)).toEqual(['id', 'name']);
  expect(missing[0]!.message).toContain('name it id or 站点编码');
  expect(issuesOf('站点编码,站点名称,经度,纬度\nQA1,测试站,东经81度,43.91\n')).toEqual([
    { row: 1, field: '经度', message: '东经81度 is not a decimal number' },
  ]);
  expect(issuesOf('站点编码,监测点编码,站点名称,经度,纬度\nQA1,QA1,测试站,81.33,43.91\n')).toEqual([
    { field: '监测点编码', message: 'columns "站点编码" and "监测点编码" both give id: keep one' },
  ]);
  const good = stationsFromCsv('id,name,lon,lat,note\nQA1,测试站,81.33,43.91,新建\n', places);
  expect(good.ok && good.value.map((station) => station.unitId)).toEqual(['654002']);
});
