import type { Edition, Indicator, ReportKind, Species } from './species';

/** One indicator's breakpoint column and what its table note says about concentrations above the last one. */
export type Scale = {
  /** Concentration at IAQI 0, 50, 100, 150, 200, 300, 400, 500 (a prefix when the column stops early). */
  breakpoints: readonly number[];
  /**
   * Above the last breakpoint: a fixed IAQI, or the IAQI of another indicator; absent means the
   * standard is silent, and the engine reports 500 marked beyond the scale.
   */
  above?: { iaqi: number } | { fallback: Indicator };
};

/** Everything that differs between the editions of HJ 633, as data. */
export type EditionRules = {
  edition: Edition;
  /** Indicators with a sub-index; an indicator absent here has none in this edition. */
  scales: Partial<Record<Indicator, Scale>>;
  /** The indicators whose sub-indices make up each report's AQI. */
  reports: Record<ReportKind, readonly Indicator[]>;
  /** Decimal places concentrations are rounded to (GB/T 8170) before computing; null: used as measured. */
  roundingDecimals: Record<Species, number> | null;
  /** Whether the report lists over-standard pollutants (IAQI > 100). */
  listsOverStandard: boolean;
  /** When a report indicator is missing, the AQI is published only above this value; null: always. */
  partialAqiPublishedAbove: number | null;
};
