import { describe, expect, test } from 'vitest';
import { unitInForce } from '../../../shared/state/in-force';
import type { UnitState } from '../../../shared/state/schema';
import { unitStateOf } from '../../../shared/state/unit-state.test-support';
import type { Language } from '../i18n/dictionary';
import { type Metric, unitLabelLines } from './labels';

const unit = (change: Partial<UnitState>): UnitState =>
  unitStateOf('654002', { hourlyAqi: 187, dailyAqi: 141, ...change });

function label(
  name: string,
  state: UnitState,
  metric: Metric,
  language: Language,
  jurisdiction: 'ili' | 'kizilsu' = 'ili',
) {
  return unitLabelLines(name, state, unitInForce(jurisdiction, state), metric, language)
    .map((line) => line.text)
    .join('\n');
}

describe('unit labels say the level in words, not only in colour', () => {
  test('name and the chosen AQI', () => {
    expect(label('伊宁市', unit({}), 'hourly', 'zh')).toBe('伊宁市 187');
    expect(label('伊宁市', unit({}), 'daily', 'zh')).toBe('伊宁市 141');
    expect(label('伊宁市', unit({ hourlyAqi: null }), 'hourly', 'zh')).toBe('伊宁市 —');
  });

  test('the issued level, and a region found above it', () => {
    expect(label('伊宁市', unit({ issuedLevel: 'orange' }), 'hourly', 'zh')).toBe('伊宁市 187\n橙色预警');
    expect(label('Yining City', unit({ issuedLevel: 'yellow', regionFloor: 'red' }), 'hourly', 'en')).toBe(
      'Yining City 187\nYellow\narea meets red',
    );
    // An Ili region found is what the area meets, not a floor in force.
    expect(label('伊宁市', unit({ regionFloor: 'orange' }), 'hourly', 'zh')).toBe(
      '伊宁市 187\n区域达橙色条件',
    );
    expect(label('伊宁市', unit({ issuedLevel: 'red', regionFloor: 'orange' }), 'hourly', 'zh')).toBe(
      '伊宁市 187\n红色预警',
    );
  });

  test("the autonomous region's warning in Kizilsu, and whether the prefecture has responded", () => {
    expect(label('阿图什市', unit({ regionFloor: 'orange' }), 'hourly', 'zh', 'kizilsu')).toBe(
      '阿图什市 187\n自治区橙色预警·州未响应',
    );
    expect(
      label('阿图什市', unit({ regionFloor: 'orange', issuedLevel: 'orange' }), 'hourly', 'zh', 'kizilsu'),
    ).toBe('阿图什市 187\n橙色预警\n自治区橙色预警·州已响应');
  });

  test('a partial value names what is missing and is never shown as clean air', () => {
    // DOMAIN.md: PM2.5 missing and ozone alone giving AQI 4 says nothing about the air.
    expect(
      label('伊宁市', unit({ dailyAqi: 4, dailyMissing: ['pm25_24h', 'pm10_24h'] }), 'daily', 'zh'),
    ).toBe('伊宁市 —\n缺PM₂.₅、PM₁₀，数据不完整');
    expect(label('Yining City', unit({ hourlyMissing: ['o3_1h'] }), 'hourly', 'en')).toBe(
      'Yining City ≥187\nincomplete: no O₃',
    );
  });

  test('sand and dust is named, so a high AQI without a warning reads as dust, not as an omission', () => {
    expect(label('阿图什市', unit({ hourlyAqi: 500, dust: 'suspected' }), 'hourly', 'zh')).toBe(
      '阿图什市 500\n疑似沙尘',
    );
    expect(label('Artux', unit({ hourlyAqi: 500, dust: 'confirmed' }), 'hourly', 'en')).toBe(
      'Artux 500\nDust (confirmed)',
    );
  });

  test('a unit whose data stopped says so', () => {
    expect(label('伊宁市', unit({ stale: true }), 'hourly', 'zh')).toBe('伊宁市 187\n2小时以上无新数据');
  });
});

describe('a region found days ahead reads as a forecast', () => {
  // 2019-12-18 12:00 Beijing time: the window end of a region the engine found over the forecast.
  const ahead = Date.UTC(2019, 11, 18, 4);
  test('the label says from when, not that the area meets it now', () => {
    const found = unit({ regionFloor: 'yellow' });
    expect(
      unitLabelLines('伊宁市', found, unitInForce('ili', found), 'hourly', 'zh', ahead).map(
        (line) => line.text,
      ),
    ).toEqual(['伊宁市 187', '区域预计18日12时起达黄色条件']);
    expect(
      unitLabelLines('Yining City', found, unitInForce('ili', found), 'hourly', 'en', ahead).map(
        (line) => line.text,
      ),
    ).toEqual(['Yining City 187', 'area meets yellow from 12-18 12:00']);
  });
});
