import { describe, expect, test } from 'vitest';
import type { UnitState } from '../../../shared/state/schema';
import { unitLabel } from './labels';

const unit = (change: Partial<UnitState>): UnitState => ({
  id: '654002',
  hourlyAqi: 187,
  dailyAqi: 141,
  hourlyMissing: [],
  dailyMissing: [],
  primaryPollutants: ['pm25'],
  recommendedLevel: 'none',
  issuedLevel: 'none',
  regionFloor: 'none',
  explanation: { zh: '', en: '', citations: [] },
  newestHour: 0,
  stationCount: 1,
  stale: false,
  simulated: false,
  dust: 'none',
  ...change,
});

describe('unit labels say the level in words, not only in colour', () => {
  test('name and the chosen AQI', () => {
    expect(unitLabel('伊宁市', unit({}), 'hourly', 'zh')).toBe('伊宁市 187');
    expect(unitLabel('伊宁市', unit({}), 'daily', 'zh')).toBe('伊宁市 141');
    expect(unitLabel('伊宁市', unit({ hourlyAqi: null }), 'hourly', 'zh')).toBe('伊宁市 —');
  });

  test('the issued level, and a region floor above it', () => {
    expect(unitLabel('伊宁市', unit({ issuedLevel: 'orange' }), 'hourly', 'zh')).toBe('伊宁市 187\n橙色预警');
    expect(
      unitLabel('Yining City', unit({ issuedLevel: 'yellow', regionFloor: 'red' }), 'hourly', 'en'),
    ).toBe('Yining City 187\nYellow\nArea floor·R');
    expect(unitLabel('伊宁市', unit({ issuedLevel: 'red', regionFloor: 'orange' }), 'hourly', 'zh')).toBe(
      '伊宁市 187\n红色预警',
    );
  });

  test('sand and dust is named, so a high AQI without a warning reads as dust, not as an omission', () => {
    expect(unitLabel('阿图什市', unit({ hourlyAqi: 500, dust: 'suspected' }), 'hourly', 'zh')).toBe(
      '阿图什市 500\n疑似沙尘',
    );
    expect(unitLabel('Artux', unit({ hourlyAqi: 500, dust: 'confirmed' }), 'hourly', 'en')).toBe(
      'Artux 500\nDust (confirmed)',
    );
  });

  test('a unit whose data stopped says so', () => {
    expect(unitLabel('伊宁市', unit({ stale: true }), 'hourly', 'zh')).toBe('伊宁市 187\n2小时以上无新数据');
  });
});
