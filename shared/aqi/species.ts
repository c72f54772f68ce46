import { z } from 'zod';

/** The six pollutants of HJ 633, in the column order used throughout the engine. */
export const speciesSchema = z.enum(['so2', 'no2', 'pm10', 'pm25', 'co', 'o3']);
export type Species = z.infer<typeof speciesSchema>;
export const speciesOrder = speciesSchema.options;

/** An averaging statistic of one pollutant (µg/m³; CO in mg/m³). */
export const indicatorSchema = z.enum([
  'so2_24h',
  'so2_1h',
  'no2_24h',
  'no2_1h',
  'pm10_24h',
  'pm10_1h',
  'co_24h',
  'co_1h',
  'o3_1h',
  'o3_8h',
  'pm25_24h',
  'pm25_1h',
]);
export type Indicator = z.infer<typeof indicatorSchema>;
export const indicatorOrder = indicatorSchema.options;

export const editionSchema = z.enum(['2012', '2026']);
export type Edition = z.infer<typeof editionSchema>;

export const reportKindSchema = z.enum(['hourly', 'daily']);
export type ReportKind = z.infer<typeof reportKindSchema>;

/** Position of each indicator in indicatorOrder, for typed-array scratch space. */
export const indicatorIndex = Object.fromEntries(
  indicatorOrder.map((name, index) => [name, index]),
) as Record<Indicator, number>;

/** Position of each indicator's pollutant in speciesOrder. */
export const speciesIndexOfIndicator: readonly number[] = indicatorOrder.map((name) =>
  speciesOrder.indexOf(name.slice(0, name.indexOf('_')) as Species),
);

/** Species named by a bit mask (bit i = speciesOrder[i]), in species order. */
export function speciesFromMask(mask: number): Species[] {
  return speciesOrder.filter((_, index) => (mask & (1 << index)) !== 0);
}

/** Indicators named by a bit mask (bit i = indicatorOrder[i]), in indicator order. */
export function indicatorsFromMask(mask: number): Indicator[] {
  return indicatorOrder.filter((_, index) => (mask & (1 << index)) !== 0);
}
