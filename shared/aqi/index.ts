/**
 * The AQI engine: HJ 633-2012 and HJ 633-2026 as data, exact sub-indices, both report kinds, GB 3095
 * validity, incremental station windows and unit means. Pure: no I/O, no clock.
 */
export { type Category, categories, categoryOf } from './categories';
export { type DailyAqiSeries, dailyAqiSeries } from './daily-series';
export { edition2026From, editionAt, editionFor, rulesFor } from './editions';
export { type AqiReport, aqiReport, iaqi, type ReportOptions } from './report';
export type { EditionRules, Scale } from './rules';
export {
  type Edition,
  editionSchema,
  type Indicator,
  indicatorOrder,
  indicatorSchema,
  type ReportKind,
  reportKindSchema,
  type Species,
  speciesOrder,
  speciesSchema,
} from './species';
export { StationWindows, type WindowsOptions } from './station-windows';
export { type UnitHour, unitHourlyMeans } from './units';
export {
  minimumHoursFor8h,
  minimumHoursFor24h,
  minimumHoursForMax1h,
  minimumMeansForMax8h,
} from './validity';
