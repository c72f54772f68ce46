import { categories } from '../../../shared/aqi/categories';
import { warningLevels } from '../../../shared/levels';
import { categoryName, type Language, translate } from '../i18n/dictionary';
import { levelHex, levelWidth, noDataColour } from '../map/colours';
import type { Metric } from '../map/labels';

/** One legend row of the briefing image: a swatch (fill, outline or the region-floor band) and its words. */
export type LegendRow =
  | { kind: 'fill'; colour: string; label: string }
  | { kind: 'outline'; colour: string; width: number; label: string }
  | { kind: 'region-floor'; colour: string; label: string };

export type BriefingLegend = { heading: string; rows: LegendRow[] };

/** HJ 633 categories with their ranges, the no-data grey, then the warning outlines named in words. */
export function briefingLegend(language: Language, metric: Metric): BriefingLegend {
  const heading = `${translate(language, metric === 'hourly' ? 'hourlyAqi' : 'dailyAqi')} (HJ 633)`;
  const fills: LegendRow[] = categories.map((category, index) => {
    const from = index === 0 ? 0 : categories[index - 1]!.upTo + 1;
    const range = Number.isFinite(category.upTo) ? `${from}–${category.upTo}` : `${from}+`;
    return { kind: 'fill', colour: category.hex, label: `${range} ${categoryName(language, category)}` };
  });
  const [red, green, blue] = noDataColour;
  const noData: LegendRow = {
    kind: 'fill',
    colour: `rgb(${red}, ${green}, ${blue})`,
    label: translate(language, 'noData'),
  };
  const outlines: LegendRow[] = warningLevels
    .filter((level) => level !== 'none')
    .map((level) => ({
      kind: 'outline',
      colour: levelHex[level],
      width: levelWidth[level],
      label: translate(language, level),
    }));
  const floor: LegendRow = {
    kind: 'region-floor',
    colour: levelHex.orange,
    label: translate(language, 'regionFloor'),
  };
  return { heading, rows: [...fills, noData, ...outlines, floor] };
}
