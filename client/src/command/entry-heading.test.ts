import { expect, test } from 'vitest';
import type { RecommendationEntry } from '../../../shared/state/schema';
import { entryHeading } from './entry-heading';

const region: RecommendationEntry = {
  kind: 'region',
  regionId: 'region:a+b+c',
  members: ['a', 'b', 'c'],
  level: 'orange',
  averageDailyAqi: 180,
};
const unit: RecommendationEntry = {
  kind: 'unit',
  unitId: '654003',
  members: ['654003'],
  level: 'yellow',
  averageDailyAqi: 160,
};

test('an entry no warning answers asks to propose; one a warning answers names that warning instead', () => {
  expect(entryHeading('zh', null, region, '')).toBe('提出橙色区域预警：3个相邻单元');
  expect(entryHeading('en', null, unit, 'Kuytun City')).toBe('Propose a yellow warning for Kuytun City');
  for (const coverage of ['in-force', 'issued', 'pending'] as const) {
    expect(entryHeading('zh', coverage, region, '')).toBe('橙色区域预警：3个相邻单元');
    expect(entryHeading('en', coverage, region, '')).toBe('The orange regional warning for these 3 units');
    expect(entryHeading('zh', coverage, unit, '奎屯市')).toBe('黄色预警：奎屯市');
    expect(entryHeading('en', coverage, unit, 'Kuytun City')).toBe('The yellow warning for Kuytun City');
  }
  expect(entryHeading('zh', 'raise', unit, '奎屯市')).toBe('将奎屯市的预警升级为黄色');
});
