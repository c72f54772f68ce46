import { categories } from '../../../shared/aqi/categories';
import { warningLevels } from '../../../shared/levels';
import { categoryName, type Language, translate } from '../i18n/dictionary';
import { levelHex, levelWidth, noDataColour } from '../map/colours';
import type { Metric } from '../map/labels';

/** One legend row of the briefing image: a swatch (fill, outline, region-floor band or point) and its words. */
export type LegendRow =
  | { kind: 'fill'; colour: string; label: string }
  | { kind: 'outline'; colour: string; width: number; label: string }
  | { kind: 'region-floor'; colour: string; label: string }
  | { kind: 'point'; colour: string; opacity: number; stroke: string; width: number; label: string };

export type BriefingLegend = { heading: string; rows: LegendRow[] };

/**
 * HJ 633 categories with their ranges, the no-data grey, the warning outlines named in words, then the
 * points the map draws: stations (simulated ones only when the state has any) and pending regiment seats.
 */
export function briefingLegend(language: Language, metric: Metric, simulated: boolean): BriefingLegend {
  const heading = `${translate(language, metric === 'hourly' ? 'hourlyAqi' : 'dailyAqi')} (HJ 633)`;
  const fills: LegendRow[] = categories.map((category, index) => {
    const from = index === 0 ? 0 : categories[index - 1]!.upTo + 1;
    const range = Number.isFinite(category.upTo) ? `${from}–${category.upTo}` : `${from}+`;
    return { kind: 'fill', colour: category.hex, label: `${range} ${categoryName(language, category)}` };
  });
  const [red, green, blue] = noDataColour;
  const noData = {
    kind: 'fill',
    colour: `rgb(${red}, ${green}, ${blue})`,
    label: translate(language, 'noData'),
  } satisfies LegendRow;
  const outlines: LegendRow[] = warningLevels
    .filter((level) => level !== 'none')
    .map((level) => ({
      kind: 'outline',
      colour: levelHex[level],
      width: levelWidth[level],
      // The dictionary's English 'Yellow' is a badge word; on its own in a legend it needs its noun.
      label: language === 'zh' ? translate(language, level) : `${translate(language, level)} warning`,
    }));
  const floor: LegendRow = {
    kind: 'region-floor',
    colour: levelHex.orange,
    label: translate(language, 'regionFloor'),
  };
  // Point styles as map/layers.ts draws them: a station in its category colour, a simulated one faded with a
  // white ring, a regiment seat with the unit's fill and the no-warning outline.
  const station = categories[2]!.hex;
  const points: LegendRow[] = [
    {
      kind: 'point',
      colour: station,
      opacity: 1,
      stroke: '#111111',
      width: 1.5,
      label: translate(language, 'station'),
    },
    ...(simulated
      ? [
          {
            kind: 'point',
            colour: station,
            opacity: 110 / 255,
            stroke: '#ffffff',
            width: 2.5,
            label: translate(language, 'simulated'),
          } as const,
        ]
      : []),
    {
      kind: 'point',
      colour: noData.colour,
      opacity: 1,
      stroke: levelHex.none,
      width: levelWidth.none + 1,
      label: translate(language, 'pendingBoundary'),
    },
  ];
  return { heading, rows: [...fills, noData, ...outlines, floor, ...points] };
}
