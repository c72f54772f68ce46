import { type Category, categoryOf } from './categories';
import { compiledRules } from './compiled-rules';
import { evaluateReport, ReportScratch, subIndexAt } from './evaluate';
import { exactValue, isMissing, ticksOf, ticksPerUnit } from './exact';
import {
  type Edition,
  type Indicator,
  indicatorIndex,
  indicatorOrder,
  indicatorsFromMask,
  type ReportKind,
  type Species,
  speciesFromMask,
  speciesOrder,
} from './species';

export type AqiReport = {
  edition: Edition;
  kind: ReportKind;
  /** NA (null) when nothing could be computed, or under HJ 633-2026 §5.3.1 with a pollutant missing. */
  aqi: number | null;
  /** Sub-index of each indicator the report uses; null is NA. */
  iaqi: Partial<Record<Indicator, number | null>>;
  /** Concentrations as used: rounded per GB/T 8170 under 2026 (§4.2.2), as given under 2012. */
  concentrations: Partial<Record<Indicator, number | null>>;
  primaryPollutants: Species[];
  /** HJ 633-2012 §4.4.2 only; always empty under 2026. */
  overStandard: Species[];
  category: Category | null;
  /** Indicators above the top of their table: reported as 500, which the standards do not define. */
  beyondScale: Indicator[];
  /**
   * Report indicators that were missing or invalid (NA) while others were present: the report is partial
   * (DOMAIN.md, incomplete data). Empty when complete, and when nothing at all was present (no report).
   */
  missing: Indicator[];
};

export type ReportOptions = {
  /** HJ 633-2026 §5.3.2: pollutants outside the monitoring plan, whose absence does not withhold the AQI. */
  unmonitored?: readonly Species[];
};

/** Turns an evaluated scratch into the report object (shared by aqiReport and the windows). */
export function reportFromScratch(scratch: ReportScratch, kind: ReportKind, edition: Edition): AqiReport {
  const rules = compiledRules(edition);
  const iaqi: Partial<Record<Indicator, number | null>> = {};
  const concentrations: Partial<Record<Indicator, number | null>> = {};
  for (const index of kind === 'hourly' ? rules.hourly : rules.daily) {
    const name = indicatorOrder[index]!;
    const value = scratch.subIndices[index]!;
    iaqi[name] = Number.isNaN(value) ? null : value;
    // Shown to the millionth: 2026's rounded values exactly, 2012's means as the panel prints them.
    concentrations[name] =
      scratch.denominators[index] === 0 ? null : Math.round(scratch.used[index]! * 1e6) / 1e6;
  }
  const aqi = Number.isNaN(scratch.aqi) ? null : scratch.aqi;
  return {
    edition,
    kind,
    aqi,
    iaqi,
    concentrations,
    primaryPollutants: speciesFromMask(scratch.primaryMask),
    overStandard: speciesFromMask(scratch.overStandardMask),
    category: categoryOf(aqi),
    beyondScale: indicatorsFromMask(scratch.beyondScaleMask),
    missing: indicatorsFromMask(scratch.missingMask),
  };
}

/** A decimal concentration into the scratch: whole ticks when it fits, else its exact value. */
function setConcentration(scratch: ReportScratch, index: number, value: number | null | undefined): void {
  if (isMissing(value)) {
    scratch.set(index, 0, 0);
    return;
  }
  const ticks = ticksOf(value);
  if (Number.isNaN(ticks)) scratch.setRational(index, exactValue(value)!);
  else scratch.set(index, ticks, ticksPerUnit);
}

function speciesMask(species: readonly Species[]): number {
  return species.reduce((mask, name) => mask | (1 << speciesOrder.indexOf(name)), 0);
}

/**
 * The daily or real-time report from indicator concentrations (µg/m³, CO mg/m³). Indicators the edition's
 * report does not use are ignored, except as the 2012 notes' fallbacks (SO2 24 h, O3 1 h).
 */
export function aqiReport(
  input: Partial<Record<Indicator, number | null>>,
  kind: ReportKind,
  edition: Edition,
  options: ReportOptions = {},
): AqiReport {
  const scratch = new ReportScratch();
  for (const name of indicatorOrder) setConcentration(scratch, indicatorIndex[name], input[name]);
  evaluateReport(compiledRules(edition), kind, scratch, speciesMask(options.unmonitored ?? []));
  return reportFromScratch(scratch, kind, edition);
}

/**
 * One indicator's sub-index: rounded up, exact at breakpoints; 500 above the top of the table; null for
 * missing or negative input, for an indicator the edition gives no sub-index (2012 PM 1 h), and where a
 * 2012 note defers to another indicator (SO2 1 h or O3 8 h above 800 µg/m³: use aqiReport).
 */
const iaqiScratch = new ReportScratch();

export function iaqi(indicator: Indicator, concentration: number | null, edition: Edition): number | null {
  const scratch = iaqiScratch;
  scratch.clear();
  const index = indicatorIndex[indicator];
  if (isMissing(concentration)) return null;
  setConcentration(scratch, index, concentration);
  const value = subIndexAt(compiledRules(edition), index, scratch);
  return Number.isNaN(value) ? null : value;
}
