import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DustSource } from '../dust-source';
import { planLayerImport } from './plan';

async function workbook(build: (sheet: ExcelJS.Worksheet) => void) {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('清单'));
  return { name: '扬尘源清单.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

/** A title row merged across the sheet, then a two-row header: 基本信息 over 编号/名称, 位置 over 经度/纬度. */
function dustSheet(sheet: ExcelJS.Worksheet, rows: unknown[][]) {
  sheet.addRow(['霍城县扬尘源清单（示例）']);
  sheet.mergeCells('A1:H1');
  sheet.addRow(['基本信息', null, '县市', '类型', '位置', null, '状态', '更新日期']);
  sheet.addRow(['编号', '名称', null, null, '经度', '纬度', null, null]);
  for (const cell of ['C2:C3', 'D2:D3', 'G2:G3', 'H2:H3']) sheet.mergeCells(cell);
  sheet.mergeCells('A2:B2');
  sheet.mergeCells('E2:F2');
  for (const row of rows) sheet.addRow(row);
}

describe('XLSX import of dust sources', () => {
  it('reads merged title and header rows, Date cells and date serials', async () => {
    const file = await workbook((sheet) =>
      dustSheet(sheet, [
        [
          'HC-01',
          '清水河镇某建筑工地',
          '霍城县',
          '建筑工地',
          80.79,
          44.06,
          '在建',
          new Date(Date.UTC(2025, 9, 15)),
        ],
        ['HC-02', '某砖厂', '654023', '砖厂', '80.88°', 44.04, '停产', 45658],
      ]),
    );
    const plan = await planLayerImport('dust-source', [], file);
    expect(plan.report).toEqual([]);
    const [site, bricks] = plan.next as [DustSource, DustSource];
    expect(site).toMatchObject({
      id: 'HC-01',
      unitId: '654023',
      type: 'construction',
      status: 'active',
      updatedOn: '2025-10-15',
    });
    // Excel serial 45658 = 2025-01-01 (45292 is 2024-01-01, plus 366 days of a leap year).
    expect(bricks).toMatchObject({ type: 'brickworks', status: 'idle', lon: 80.88, updatedOn: '2025-01-01' });
  });

  it('reports problems with the row numbers Excel shows', async () => {
    const file = await workbook((sheet) =>
      dustSheet(sheet, [
        ['HC-01', '某工地', '霍城县', '建筑工地', 80.79, 44.06, '在建', null],
        ['HC-02', '某石料场', '霍城县', '采石场', 80.8, 44.05, '在建', null],
        ['HC-03', '某砖厂', '霍城县', '砖厂', 80.88, 44.04, '停产', 'next spring'],
      ]),
    );
    const plan = await planLayerImport('dust-source', [], file);
    expect(plan).toMatchObject({ ok: false, imported: 0, rejected: 2 });
    expect(plan.report.map(({ row, column, value }) => ({ row, column, value }))).toEqual([
      { row: 5, column: '类型', value: '采石场' },
      { row: 6, column: '更新日期', value: 'next spring' },
    ]);
  });
});

describe('XLSX import of a workbook with an instructions sheet first', () => {
  it('reads the list from the sheet that has the header and names it in the report', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('填表说明').addRow(['本表每年更新一次，经纬度为WGS84。']);
    const list = book.addWorksheet('企业清单');
    list.addRow([
      '企业编号',
      '企业名称',
      '县市',
      '经度',
      '纬度',
      '行业',
      '绩效等级',
      'SO2',
      'NOx',
      'PM',
      'VOCs',
      '黄色',
      '橙色',
      '红色',
    ]);
    list.addRow([
      'W-1',
      '乌恰示例水泥厂',
      '乌恰县',
      75.26,
      39.72,
      '水泥',
      'B级',
      30,
      200,
      40,
      1,
      '限产20%',
      '限产30%',
      '限产50%',
    ]);
    list.addRow([
      'W-2',
      '乌恰示例砖厂',
      '乌恰县',
      75.27,
      39.71,
      '砖瓦',
      'B级',
      3,
      2,
      8,
      0,
      '限产20%',
      '限产10%',
      '停产',
    ]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const plan = await planLayerImport('enterprise', [], { name: 'list.xlsx', bytes }, { validOnly: true });
    expect(plan).toMatchObject({ ok: true, imported: 1, rejected: 1 });
    expect(plan.report).toHaveLength(1);
    expect(plan.report[0]).toMatchObject({ row: 3, column: '橙色', value: '限产10%' });
    expect(plan.report[0]!.message).toMatch(
      /^sheet 企业清单: measures\.orange the orange measure removes less/,
    );
  });
});
