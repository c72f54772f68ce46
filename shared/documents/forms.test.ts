import { describe, expect, it } from 'vitest';
import { composeForm, type FormContext } from './forms';
import type { Block, Cell } from './model';

const at = (iso: string) => Date.parse(`${iso}:00+08:00`);

function context(jurisdiction: 'ili' | 'kizilsu'): FormContext {
  return {
    jurisdiction,
    warningId: 'w-1',
    region: false,
    units: [{ id: '653001', zh: '阿图什市', en: 'Artux' }],
    exercise: false,
    segments: [
      {
        level: 'orange',
        from: at('2019-11-19T20:00'),
        approvedAt: at('2019-11-18T20:00'),
        approvedBy: 'deputy-commander',
        kind: 'issued',
      },
    ],
    lifted: null,
    data: {
      dataTime: at('2019-11-18T20:00'),
      firstHeavyAt: null,
      primaryPollutants: ['pm10'],
      dailyAqi: { low: 212, high: 212, mean: 212 },
      concentration: { species: 'pm10', low: 380, high: 380, mean: 380 },
      outlook: null,
    },
    followUp: null,
    effect: null,
    advice: [{ zh: '易感人群留在室内', en: 'Sensitive groups stay indoors' }],
  };
}

function rows(blocks: Block[]): Cell[][] {
  return blocks.flatMap((block) => (block.kind === 'table' ? block.rows : []));
}

function cellOf(blocks: Block[], label: string): Cell | undefined {
  for (const row of rows(blocks)) {
    const index = row.findIndex((cell) => cell.label && cell.text === label);
    if (index >= 0) return row[index + 1];
  }
  return undefined;
}

describe('表3-1 预警启动', () => {
  const kizilsu = composeForm('3-1', context('kizilsu'), {}, 'zh');

  it('is laid out like Kizilsu annex 3, in the annex words', () => {
    expect(kizilsu.blocks.find((block) => block.kind === 'title')).toMatchObject({
      text: '预警信息报送表（预警启动）',
    });
    expect(cellOf(kizilsu.blocks, '重污染天气发生涉及县（市）')?.text).toBe('阿图什市');
    expect(cellOf(kizilsu.blocks, '预警启动时间')?.text).toBe('2019年11月19日20时00分');
    expect(cellOf(kizilsu.blocks, 'AQI值范围及平均值')?.text).toBe('212');
    expect(cellOf(kizilsu.blocks, '首要污染物浓度范围及平均值')?.text).toBe('PM10：380 µg/m³（24小时均值）');
  });

  it('prints a range over several units as low–high with the mean, and equal ends as the one value', () => {
    const several = context('kizilsu');
    several.data.dailyAqi = { low: 212, high: 260, mean: 231 };
    several.data.concentration = { species: 'co', low: 4.01, high: 4.04, mean: 4.02 };
    const zh = composeForm('3-1', several, {}, 'zh');
    expect(cellOf(zh.blocks, 'AQI值范围及平均值')?.text).toBe('212–260，平均231');
    expect(cellOf(zh.blocks, '首要污染物浓度范围及平均值')?.text).toBe('CO：4.0 mg/m³（24小时均值）');
    const en = composeForm('3-1', context('kizilsu'), {}, 'en');
    expect(cellOf(en.blocks, 'AQI range and mean')?.text).toBe('212');
    expect(cellOf(composeForm('3-1', several, {}, 'en').blocks, 'AQI range and mean')?.text).toBe(
      '212–260, mean 231',
    );
  });

  it('leaves what only people can fill as blank lines, and prints it once filled', () => {
    expect(cellOf(kizilsu.blocks, '不利于空气污染物稀释、扩散和清除的空气污染气象条件')).toMatchObject({
      text: '',
      blank: true,
    });
    const signatures = kizilsu.blocks
      .filter((block) => block.kind === 'fields')
      .flatMap((block) => block.items);
    expect(signatures.find((field) => field.label === '签发人')?.value).toBeNull();
    const filled = composeForm('3-1', context('kizilsu'), { weather: '静稳', signatory: '李明' }, 'zh');
    expect(cellOf(filled.blocks, '不利于空气污染物稀释、扩散和清除的空气污染气象条件')?.text).toBe('静稳');
    const signed = filled.blocks.filter((block) => block.kind === 'fields').flatMap((block) => block.items);
    expect(signed.find((field) => field.label === '签发人')?.value).toBe('李明');
  });

  it('uses the Ili plan words for Ili warnings', () => {
    const ili = composeForm('3-1', context('ili'), {}, 'zh');
    expect(cellOf(ili.blocks, '重污染天气发生涉及县市、团场')?.text).toBe('阿图什市');
    const body = ili.blocks.filter((block) => block.kind === 'fields').flatMap((block) => block.items);
    expect(body.find((field) => field.label === '预警指挥机构')?.value).toBe(
      '伊犁哈萨克自治州重污染天气应急指挥部办公室',
    );
  });
});
