import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../enterprise';
import { planLayerImport } from './plan';

const goodCsv = readFileSync(
  new URL('../../../test/fixtures/layers/enterprises-good.csv', import.meta.url),
  'utf8',
);
const file = (text: string, name = 'list.csv') => ({ name, bytes: new TextEncoder().encode(text) });
const lines = goodCsv.trimEnd().split('\n');
// The fixture: a title row (row 1), the header (row 2), enterprises YN-001…YN-004 on rows 3–6.
const withRow = (row: number, edit: (line: string) => string) =>
  lines.map((line, index) => (index === row - 1 ? edit(line) : line)).join('\n');

describe('CSV import of the emission-reduction list', () => {
  it('reads a list with a title row, Chinese headers, units, thousands separators and Excel dates', async () => {
    const plan = await planLayerImport('enterprise', [], file(goodCsv));
    expect(plan).toMatchObject({ ok: true, imported: 4, replaced: 0, rejected: 0, report: [] });
    const [heat, cement, bricks, printer] = plan.next as [Enterprise, Enterprise, Enterprise, Enterprise];
    expect(heat).toMatchObject({ id: 'YN-001', unitId: '654002', class: 'guarantee', synthetic: false });
    expect(heat.emissions).toEqual({ so2: 1250.5, nox: 980, pm: 120, vocs: 15 });
    expect(heat.measures.yellow).toEqual({ kind: 'cut', percent: 10 });
    expect(cement.updatedOn).toBe('2024-03-01'); // serial 45352
    expect(bricks.updatedOn).toBe('2024-03-01'); // 2024/3/1
    expect(bricks.measures.red).toEqual({ kind: 'stop' });
    expect(printer.unitId).toBe('654002'); // written "Yining City"
    expect(printer.emissions.vocs).toBeCloseTo(0.05); // "50 kg/a"
    expect(printer.measures.orange).toEqual({ kind: 'transport' });
  });

  it('imports nothing when a required column is missing, naming the column on the header row', async () => {
    const noClass = lines.map((line) => line.split(',').toSpliced(6, 1).join(',')).join('\n');
    const plan = await planLayerImport('enterprise', [], file(noClass));
    expect(plan.ok).toBe(false);
    expect(plan.next).toEqual([]);
    expect(plan.rejected).toBe(4);
    expect(plan.report).toEqual([
      { row: 2, column: '绩效等级 / class', value: '', message: 'missing column 绩效等级 / class' },
    ]);
  });

  it('reports a bad grade with its row, column and value, and imports nothing', async () => {
    const plan = await planLayerImport(
      'enterprise',
      [],
      file(withRow(4, (line) => line.replace(',B级,', ',E级,'))),
    );
    expect(plan).toMatchObject({ ok: false, imported: 0, rejected: 1 });
    expect(plan.report).toHaveLength(1);
    expect(plan.report[0]).toMatchObject({ row: 4, column: '绩效等级', value: 'E级' });
    expect(plan.report[0]!.message).toContain('is not one of A, B, C, D');
  });

  it('imports only the valid rows when asked', async () => {
    const plan = await planLayerImport(
      'enterprise',
      [],
      file(withRow(4, (line) => line.replace(',B级,', ',E级,'))),
      {
        validOnly: true,
      },
    );
    expect(plan).toMatchObject({ ok: true, imported: 3, rejected: 1 });
    expect(plan.next.map((record) => record.id)).toEqual(['YN-001', 'YN-003', 'YN-004']);
    expect(plan.report.map((issue) => issue.row)).toEqual([4]);
  });

  it('rejects both rows of a duplicated id', async () => {
    const plan = await planLayerImport(
      'enterprise',
      [],
      file(withRow(6, (line) => line.replace('YN-004', 'YN-002'))),
    );
    expect(plan.ok).toBe(false);
    expect(plan.report).toEqual([
      { row: 4, column: '企业编号', value: 'YN-002', message: 'duplicate id: rows 4, 6 share it' },
      { row: 6, column: '企业编号', value: 'YN-002', message: 'duplicate id: rows 4, 6 share it' },
    ]);
  });

  it('rejects a small-micro enterprise that emits 100 kg/a or more (plan 4.3.1.1(2))', async () => {
    const plan = await planLayerImport(
      'enterprise',
      [],
      file(withRow(6, (line) => line.replace('50 kg/a', '95 kg/a'))),
    );
    expect(plan.report).toHaveLength(1);
    expect(plan.report[0]).toMatchObject({ row: 6, column: '绩效等级', value: '小微' });
    expect(plan.report[0]!.message).toContain('105 kg/a');
  });

  it('rejects an Ili D-grade enterprise that does not stop (Ili plan 4.3.1.1(1))', async () => {
    const plan = await planLayerImport(
      'enterprise',
      [],
      file(withRow(5, (line) => line.replace('停产,停产,停产', '限产50%,停产,停产'))),
    );
    expect(plan.report).toHaveLength(1);
    expect(plan.report[0]).toMatchObject({ row: 5, column: '黄色预警措施', value: '限产50%' });
  });

  it('replaces records whose ids are imported again and keeps the others', async () => {
    const first = await planLayerImport('enterprise', [], file(goodCsv));
    const kept = { ...first.next[0]!, id: 'YN-900' };
    const stale = { ...first.next[1]!, name: '旧名称' };
    const plan = await planLayerImport('enterprise', [kept, stale], file(goodCsv));
    expect(plan).toMatchObject({ ok: true, imported: 4, replaced: 1 });
    expect(plan.next.map((record) => record.id)).toEqual(['YN-900', 'YN-002', 'YN-001', 'YN-003', 'YN-004']);
    expect(plan.next[1]!.name).toBe('伊犁某水泥有限公司');
  });

  it('reads a two-row header whose merged cells were exported blank', async () => {
    const text = [
      '编号,名称,县市,经度,纬度,行业,类别,年排放量（t/a）,,,,应急减排措施,,',
      ',,,,,,,SO2,NOx,颗粒物,VOCs,黄色,橙色,红色',
      'K-1,阿图什某水泥厂,阿图什市,76.16,39.71,水泥,C级,40,120,60,2,限产30%,限产50%,停产',
    ].join('\n');
    const plan = await planLayerImport('enterprise', [], file(text));
    expect(plan.report).toEqual([]);
    expect(plan.next[0]).toMatchObject({
      unitId: '653001',
      class: 'C',
      emissions: { so2: 40, nox: 120, pm: 60, vocs: 2 },
      measures: {
        yellow: { kind: 'cut', percent: 30 },
        orange: { kind: 'cut', percent: 50 },
        red: { kind: 'stop' },
      },
    });
  });
});

describe('CSV exported by Chinese Excel', () => {
  it('reads a GB18030 (GBK) file', async () => {
    const bytes = readFileSync(
      new URL('../../../test/fixtures/layers/dust-sources-gbk.csv', import.meta.url),
    );
    const plan = await planLayerImport('dust-source', [], { name: '扬尘源.csv', bytes });
    expect(plan.report).toEqual([]);
    expect(plan.next[0]).toMatchObject({
      name: '乌恰县示例砂石场（合成）',
      unitId: '653024',
      type: 'sand-gravel',
      status: 'idle',
    });
  });

  it('reports a file without any known header on its first row', async () => {
    const plan = await planLayerImport('dust-source', [], file('a,b,c\n1,2,3\n'));
    expect(plan).toMatchObject({ ok: false, rejected: 2 });
    expect(plan.report[0]).toMatchObject({ row: 1 });
    expect(plan.report[0]!.message).toContain('no header row found');
  });
});
