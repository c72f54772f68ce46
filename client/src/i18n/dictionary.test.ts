import { describe, expect, it } from 'vitest';
import { categories } from '../../../shared/aqi/categories';
import { word } from '../../../shared/documents/words';
import { categoryName, messageAreas, translate } from './dictionary';

describe('the dictionary', () => {
  it('defines each key in one area only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, messages] of Object.entries(messageAreas)) {
      for (const key of Object.keys(messages)) {
        const first = seen.get(key);
        if (first) twice.push(`${key} (${first}, ${area})`);
        else seen.set(key, area);
      }
    }
    expect(twice).toEqual([]);
  });

  it('gives every entry both languages, of the same kind', () => {
    for (const messages of Object.values(messageAreas))
      for (const [key, message] of Object.entries(messages))
        expect([key, typeof message.zh]).toEqual([key, typeof message.en]);
  });

  it("names the AQI categories in English as HJ 633's, the same on the legend as in the notices", () => {
    expect(categories.map((category) => categoryName('en', category))).toEqual([
      'Excellent',
      'Good',
      'Lightly polluted',
      'Moderately polluted',
      'Heavily polluted',
      'Severely polluted',
    ]);
    for (const category of categories)
      expect(word('en', 'category', category.level)).toBe(categoryName('en', category).toLowerCase());
  });

  it('translates a fixed text', () => {
    expect(translate('en', 'noWarnings')).toBe('No warnings in force');
    expect(translate('zh', 'noWarnings')).toBe('当前无预警');
  });

  it("fills a message's parameters in each language's own word order", () => {
    expect(translate('zh', 'spanPastDays', 7)).toBe('近7天');
    expect(translate('en', 'spanPastDays', 7)).toBe('last 7 days');
  });

  it('says a compliance flag raised this hour is due just now, not "for 0 hours"', () => {
    expect(translate('zh', 'flagFor', 0, '2019-12-10 19:00')).toBe('刚转为待决（2019-12-10 19:00）');
    expect(translate('en', 'flagFor', 0, '2019-12-10 19:00')).toBe('due just now (2019-12-10 19:00)');
    expect(translate('zh', 'flagFor', 3, '2019-12-10 16:00')).toBe('已待决3小时（自2019-12-10 16:00起）');
  });
});
