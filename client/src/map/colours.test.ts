import { describe, expect, it } from 'vitest';
import { categories } from '../../../shared/aqi/categories';
import { dieselZoneStyle, hexToRgba, noDataColour, unitFillAlpha } from './colours';

/** WCAG relative luminance and contrast ratio of two opaque colours. */
function luminance([r, g, b]: readonly number[]): number {
  const channel = (value: number) => {
    const s = value / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}
const contrast = (a: readonly number[], b: readonly number[]) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
};

/** A unit's fill as drawn over the dark base (units are nearly opaque): what a zone lies on. */
const background: [number, number, number] = [0x1b, 0x24, 0x30];
const unitFills = [...categories.map((category) => hexToRgba(category.hex, unitFillAlpha)), noDataColour].map(
  ([r, g, b, a]) => [r, g, b].map((value, index) => (value * a + background[index]! * (255 - a)) / 255),
);

describe('an inactive diesel zone cannot be taken for an active one over any AQI fill', () => {
  const { active, inactive } = dieselZoneStyle;

  it('is not filled, so it tints no AQI colour toward the active purple', () => {
    expect(inactive.fillAlpha).toBe(0);
    expect(active.fillAlpha).toBeGreaterThan(100);
  });

  it('is dashed where the active zone is solid', () => {
    expect(inactive.dash).not.toBeNull();
    expect(active.dash).toBeNull();
  });

  it('has its dashes show at 3:1 or more over every category colour and no-data grey (line or casing)', () => {
    const line = hexToRgba(inactive.lineHex);
    const casing = hexToRgba(inactive.casing!.hex);
    for (const fill of unitFills)
      expect(Math.max(contrast(line, fill), contrast(casing, fill)), String(fill)).toBeGreaterThanOrEqual(3);
    expect(inactive.lineHex).not.toBe(active.lineHex);
  });
});
