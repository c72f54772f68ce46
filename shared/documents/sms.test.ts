import { describe, expect, it } from 'vitest';
import type { NoticeContext } from './notice';
import { smsSegments, smsText } from './sms';

describe('SMS segments of at most 70 characters', () => {
  it('keeps a short text as one unnumbered message', () => {
    expect(smsSegments('伊宁市重污染天气黄色预警已解除。')).toEqual(['伊宁市重污染天气黄色预警已解除。']);
  });

  it('numbers the segments of a long text, each within 70 characters with its number, nothing lost', () => {
    const text = '一二三四五六七八九十，'.repeat(15);
    const segments = smsSegments(text);
    expect(segments.length).toBe(3);
    for (const [index, segment] of segments.entries()) {
      expect(Array.from(segment).length).toBeLessThanOrEqual(70);
      expect(segment.startsWith(`(${index + 1}/3)`)).toBe(true);
    }
    expect(segments.map((segment) => segment.replace(/^\(\d+\/\d+\)/, '')).join('')).toBe(text);
  });

  it('breaks after punctuation near the end of a segment', () => {
    const segments = smsSegments(`${'甲'.repeat(60)}，${'乙'.repeat(30)}`);
    expect(segments[0]!.endsWith('，')).toBe(true);
  });
});

describe('the warning SMS', () => {
  const at = (iso: string) => Date.parse(`${iso}:00+08:00`);
  const context = (primaryPollutants: NoticeContext['primaryPollutants']): NoticeContext => ({
    jurisdiction: 'ili',
    warningId: 'w-1',
    region: false,
    units: [{ id: '654002', zh: '伊宁市', en: 'Yining City' }],
    segment: {
      index: 0,
      level: 'orange',
      from: at('2019-12-15T01:00'),
      approvedAt: at('2019-12-15T01:00'),
      approvedBy: 'commander',
      kind: 'issued',
    },
    lifted: null,
    dataTime: at('2019-12-15T08:00'),
    forecastFrom: null,
    primaryPollutants,
    dailyAqi: null,
    outlook: { until: at('2019-12-19T12:00'), issuedAt: at('2019-12-14T20:00') },
    exercise: false,
  });

  it('names the primary pollutant when there is one', () => {
    expect(smsText(context(['pm25']), {}, 'zh')).toContain('（II级应急响应），首要污染物PM2.5，预计持续至');
    expect(smsText(context(['pm25']), {}, 'en')).toContain('; primary pollutant PM2.5; expected until');
  });

  it('leaves the pollutant out, rather than printing a dash, when there is none (HJ 633: AQI ≤ 50)', () => {
    const zh = smsText(context([]), {}, 'zh');
    const en = smsText(context([]), {}, 'en');
    expect(zh).not.toContain('首要污染物');
    expect(zh).toContain('（II级应急响应），预计持续至2019-12-19 12:00。');
    expect(en).not.toMatch(/primary pollutant|—/);
    expect(en).toContain(' from 2019-12-15 01:00; expected until 2019-12-19 12:00.');
  });
});
