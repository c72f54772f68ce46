import { expect, test } from 'vitest';
import { briefingLegend } from './legendRows';

test('the briefing legend lists the six HJ 633 categories with their Appendix A colours, then the warning outlines in words', () => {
  const legend = briefingLegend('zh', 'hourly', false);
  expect(legend.heading).toBe('小时AQI (HJ 633)');
  // HJ 633-2012 Table 2 ranges and names; Appendix A colours (RGB 0,228,0 … 126,0,35).
  expect(legend.rows.map((row) => row.label)).toEqual([
    '0–50 优',
    '51–100 良',
    '101–150 轻度污染',
    '151–200 中度污染',
    '201–300 重度污染',
    '301+ 严重污染',
    '无数据',
    '黄色预警',
    '橙色预警',
    '红色预警',
    '区域底线',
    '监测站',
    '团场边界待定（显示驻地近似位置）',
  ]);
  expect(legend.rows.slice(0, 6).map((row) => row.colour)).toEqual([
    '#00E400',
    '#FFFF00',
    '#FF7E00',
    '#FF0000',
    '#99004C',
    '#7E0023',
  ]);
  // Levels differ by line weight too, so they read without colour.
  const widths = legend.rows.flatMap((row) => (row.kind === 'outline' ? [row.width] : []));
  expect(widths).toHaveLength(3);
  expect(widths[0]!).toBeLessThan(widths[1]!);
  expect(widths[1]!).toBeLessThan(widths[2]!);
});

test('in English the legend names the categories and says "warning" after each level', () => {
  const legend = briefingLegend('en', 'daily', true);
  expect(legend.heading).toBe('Daily AQI (HJ 633)');
  expect(legend.rows.map((row) => row.label)).toEqual([
    '0–50 Good',
    '51–100 Moderate',
    '101–150 Unhealthy for sensitive groups',
    '151–200 Unhealthy',
    '201–300 Very unhealthy',
    '301+ Hazardous',
    'No data',
    'Yellow warning',
    'Orange warning',
    'Red warning',
    'Area floor',
    'Station',
    'Simulated (derived from real stations)',
    'Regiment boundary pending (approximate seat)',
  ]);
});
