/**
 * The AQI engine: HJ 633-2012 and HJ 633-2026 as data, exact sub-indices, both report kinds, GB 3095
 * validity, incremental station windows and unit means, exact decimal arithmetic (exact.ts). The server's
 * engine runs these windows for every station and unit. Pure: no I/O, no clock.
 */
export { type Category, categories, categoryOf } from './categories';
export { edition2026From, editionFor, rulesFor } from './editions';
export { type AqiReport, aqiReport, iaqi, type ReportOptions } from './report';
export type { EditionRules, Scale } from './rules';
export {
  type Edition,
  editionSchema,
  type Indicator,
  indicatorOrder,
  indicatorSchema,
  indicatorsFromMask,
  type ReportKind,
  reportKindSchema,
  type Species,
  speciesOrder,
  speciesSchema,
} from './species';
export { StationWindows, WindowMemory, type WindowsOptions } from './station-windows';
export {
  minimumHoursFor8h,
  minimumHoursFor24h,
  minimumHoursForMax1h,
  minimumMeansForMax8h,
} from './validity';
