import { describe, expect, it } from 'vitest';
import type { Warning } from '../rules/lifecycle/state';
import { composeDustAdvisory } from './dust-advisory';
import { levelSegments, responseDay, segmentAt } from './facts';
import { composeNotice, type NoticeContext, noticeText } from './notice';

const at = (iso: string) => Date.parse(`${iso}:00+08:00`);
const actor = (role: 'commander' | 'office-director' | 'duty-officer') => ({ userId: role, role });

/** Orange issued 12-15 01:00, raised to red 12-17 17:00 (the replayed December 2019 course). */
const warning: Warning = {
  id: 'w-1',
  episodeId: 'w-1',
  mergedFrom: null,
  target: { kind: 'region', regionId: 'r', members: ['654002', '654021', '654022', '654023'] },
  status: 'issued',
  proposedLevel: 'orange',
  proposedAt: at('2019-12-14T20:00'),
  issuedAt: at('2019-12-15T01:00'),
  liftedAt: null,
  segments: [
    { level: 'orange', from: at('2019-12-15T01:00') },
    { level: 'red', from: at('2019-12-17T18:00') },
  ],
  pending: null,
  leadTime: null,
  history: [
    {
      type: 'propose',
      outcome: 'proposed',
      at: at('2019-12-14T20:00'),
      actor: actor('duty-officer'),
      reason: 'r',
      citation: 'c',
      level: 'orange',
      overrideGuards: null,
    },
    {
      type: 'sign',
      outcome: 'issued',
      at: at('2019-12-15T01:00'),
      actor: actor('commander'),
      reason: 'r',
      citation: 'c',
      level: 'orange',
      overrideGuards: null,
    },
    {
      type: 'change',
      outcome: 'change-proposed',
      at: at('2019-12-17T15:00'),
      actor: actor('duty-officer'),
      reason: 'r',
      citation: 'c',
      level: 'red',
      overrideGuards: null,
    },
    {
      type: 'sign',
      outcome: 'raised',
      at: at('2019-12-17T17:00'),
      actor: actor('commander'),
      reason: 'r',
      citation: 'c',
      level: 'red',
      overrideGuards: null,
    },
  ],
};

function context(dataTime: number): NoticeContext {
  const found = segmentAt(warning, dataTime)!;
  return {
    jurisdiction: 'ili',
    warningId: warning.id,
    region: true,
    units: [
      { id: '654002', zh: '伊宁市', en: 'Yining City' },
      { id: '654021', zh: '伊宁县', en: 'Yining County' },
      { id: '654022', zh: '察布查尔锡伯自治县', en: 'Qapqal' },
      { id: '654023', zh: '霍城县', en: 'Huocheng' },
    ],
    segment: { index: found.index, ...found.segment },
    lifted: null,
    dataTime,
    forecastFrom: null,
    primaryPollutants: ['pm25'],
    dailyAqi: { low: 231, high: 318, mean: 270 },
    outlook: { until: at('2019-12-19T12:00'), issuedAt: at('2019-12-16T20:00') },
    exercise: true,
  };
}

describe('the levels a warning held', () => {
  it('dates each level by its own approval: red at the raise, not at the orange issue', () => {
    expect(levelSegments(warning).map((segment) => [segment.level, segment.approvedAt])).toEqual([
      ['orange', at('2019-12-15T01:00')],
      ['red', at('2019-12-17T17:00')],
    ]);
    expect(segmentAt(warning, at('2019-12-17T16:00'))!.segment.level).toBe('orange');
    expect(segmentAt(warning, at('2019-12-17T23:00'))!.segment.level).toBe('red');
    expect(segmentAt(warning, at('2019-12-14T23:00'))).toBeNull();
  });

  it('counts response days by Beijing calendar date', () => {
    expect(responseDay(at('2019-12-15T01:00'), '2019-12-15')).toBe(1);
    expect(responseDay(at('2019-12-15T01:00'), '2019-12-17')).toBe(3);
  });
});

describe('the public notice', () => {
  const red = composeNotice(context(at('2019-12-17T23:00')), {}, 'zh');

  it('gives the red warning the time the raise was approved', () => {
    expect(red.title).toBe(
      '关于伊宁市、伊宁县、察布查尔锡伯自治县等4个县市、团场区域重污染天气预警升级为红色预警的通告',
    );
    expect(red.issuedOn).toBe('2019-12-17 17:00');
    expect(red.paragraphs[0]).toContain('于2019-12-17 17:00发布');
    expect(red.paragraphs[0]).toContain('自2019-12-17 18:00起启动I级应急响应');
    expect(red.paragraphs.join('')).not.toContain('2019-12-15 01:00');
  });

  it('advises only what the red level says, so "reduce" and "avoid" never stand side by side', () => {
    const advice = red.advice!.items.map((item) => item.text).join('');
    expect(red.advice!.items.every((item) => item.citation.startsWith('预案4.3.4.1'))).toBe(true);
    expect(advice).toContain('一般人群应避免户外活动');
    expect(advice).not.toContain('减少户外运动');
  });

  it('carries what the plans require: pollutant, extent, duration, harm, areas, measures; blanks stay blank', () => {
    const text = noticeText(red);
    for (const part of [
      '首要污染物：PM2.5',
      '共4个县市、团场',
      '预计持续至2019-12-19 12:00',
      '潜在的危险程度',
      '健康人群运动耐受力降低',
    ])
      expect(text).toContain(part);
    // Mandatory measures add up over the levels (4.3): yellow's and orange's are listed with red's.
    const sections = red.measures!.items.map((item) => item.citation);
    expect(sections.some((section) => section.includes('4.3.2.3'))).toBe(true);
    expect(sections.some((section) => section.includes('4.3.4.3'))).toBe(true);
    expect(text).toContain('编号：＿＿＿＿＿＿');
    expect(text).toContain('联系电话：＿＿＿＿＿＿');
    expect(text.startsWith('【演练 · 回放2019年数据，非真实预警】')).toBe(true);
  });

  it('words the harm as the edition of HJ 633 in force at the data time says it', () => {
    const heavy = { ...context(at('2019-12-17T23:00')), dailyAqi: { low: 210, high: 280, mean: 240 } };
    const harm = (dataTime: number) =>
      noticeText(composeNotice({ ...heavy, dataTime }, {}, 'zh'))
        .split('\n')
        .find((line) => line.startsWith('潜在的危险程度'));
    expect(harm(at('2019-12-17T23:00'))).toContain('心脏病和肺病患者症状显著加剧');
    expect(harm(at('2026-12-05T23:00'))).toContain('心血管系统和呼吸系统患者症状显著加剧');
  });

  it('prints what the press office set, and the orange notice before the raise', () => {
    const edited = composeNotice(
      context(at('2019-12-17T23:00')),
      { number: '伊重污办〔2019〕7号', contact: '0999-8000000' },
      'zh',
    );
    expect(noticeText(edited)).toContain('编号：伊重污办〔2019〕7号');
    expect(noticeText(edited)).toContain('联系电话：0999-8000000');
    const orange = composeNotice(context(at('2019-12-16T12:00')), {}, 'en');
    expect(orange.title).toBe(
      'Notice: orange warning of heavy-pollution weather for the area of Yining City, Yining County, Qapqal and 1 more',
    );
    expect(orange.issuedOn).toBe('2019-12-15 01:00');
  });

  it('says a forecast hour is forecast: the AQI expected, and when the forecast was known', () => {
    const ahead = { ...context(at('2019-12-18T06:00')), forecastFrom: at('2019-12-17T23:00') };
    const zh = composeNotice(ahead, {}, 'zh');
    expect(zh.dataTime).toBe('数据时间：北京时间 2019-12-18 06:00 · 预报（基于2019-12-17 23:00的预报）');
    expect(zh.paragraphs).toContain(
      '据2019-12-17 23:00的预报，预计2019-12-18 06:00涉及各单元日AQI为231–318（平均270），空气质量最差为严重污染。',
    );
    expect(zh.paragraphs.join('')).not.toContain('截至');
    expect(composeNotice(ahead, {}, 'en').paragraphs).toContainEqual(
      expect.stringMatching(
        /^As forecast at 2019-12-17 23:00, the daily AQI of the units concerned at 2019-12-18 06:00 is expected to be 231–318 \(mean 270\): at worst severely polluted\.$/,
      ),
    );
  });

  it('reads as English in English: "an orange warning", one unit, ASCII colons', () => {
    const one = {
      ...context(at('2019-12-16T12:00')),
      region: false,
      units: [{ id: '654021', zh: '伊宁县', en: 'Yining County' }],
    };
    const english = composeNotice(one, {}, 'en');
    expect(english.paragraphs[0]).toContain(
      'issued an orange warning of heavy-pollution weather for Yining County',
    );
    expect(english.paragraphs).toContain('Extent and areas likely affected: Yining County (1 unit).');
    expect(composeNotice(context(at('2019-12-17T23:00')), {}, 'en').paragraphs[0]).toContain(
      'issued a red warning',
    );
    const text = noticeText(english);
    expect(text).toContain('No.: ____________    Issued: 2019-12-15 01:00');
    expect(text).toContain('\nHealth advice:\n');
    expect(text).toContain('Contact telephone: ____________');
    expect(text).not.toContain('：');
  });
});

describe('the health advice for sand and dust', () => {
  const context = (dataTime: number) => ({
    jurisdiction: 'kizilsu' as const,
    units: [{ id: '653001', zh: '阿图什市', en: 'Artux City', confirmed: true }],
    dataTime,
    forecastFrom: null,
    primaryPollutants: ['pm10' as const],
    dailyAqi: { low: 240, high: 240, mean: 240 },
    exercise: false,
  });

  it('gives HJ 633-2026 Tables 1 and 2 from March 2026, 2012 Table 2 before, cited in the language shown', () => {
    const now = composeDustAdvisory(context(at('2026-12-05T23:00')), 'zh');
    expect(now.advice!.items.map((item) => item.citation)).toEqual(['HJ 633—2026 表1', 'HJ 633—2026 表2']);
    expect(now.advice!.items[1]!.text).toContain('户外活动频繁的人');
    const then = composeDustAdvisory(context(at('2019-03-20T23:00')), 'en');
    expect(then.advice!.items).toEqual([
      {
        text: 'Children, older people and heart or lung patients should stay indoors and stop outdoor exercise; everyone else should exercise outdoors less',
        citation: 'HJ 633—2012 Table 2',
      },
    ]);
    expect(then.paragraphs.join(' ')).toContain('no heavy-pollution warning is started');
  });
});
