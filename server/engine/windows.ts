import type { Indicator } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import type { HourColumns } from './hour-columns';

/** Column indices in speciesOrder. */
const so2 = 0;
const no2 = 1;
const pm10 = 2;
const pm25 = 3;
const co = 4;
const o3 = 5;

/**
 * GB 3095 data validity: a 24-hour mean needs 20 hourly values, an 8-hour mean 6, the daily max 8 h 14 means
 * (HJ 663); the daily max 1 h needs a valid day, as shared/aqi's station windows decide.
 */
const minimumHoursFor24h = 20;
const minimumHoursFor8h = 6;
const minimumMeansForMax8h = 14;

type Indicators = Partial<Record<Indicator, number | null>>;

function mean(
  columns: HourColumns,
  column: number,
  end: number,
  hours: number,
  minimum: number,
): number | null {
  let sum = 0;
  let count = 0;
  for (let offset = 0; offset < hours; offset += 1) {
    const value = columns.get(end - offset * HOUR, column);
    if (Number.isNaN(value)) continue;
    sum += value;
    count += 1;
  }
  return count >= minimum ? sum / count : null;
}

function present(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

export function ozone8h(columns: HourColumns, end: number): number | null {
  return mean(columns, o3, end, 8, minimumHoursFor8h);
}

/**
 * The indicators of the real-time hourly report at hour end t: 1-hour means, O3 8 h moving mean, and the
 * 24 h moving means HJ 633-2012 uses for PM (and SO2 above 800 µg/m³); each edition picks its own.
 */
export function hourlyIndicators(columns: HourColumns, t: number): Indicators {
  return {
    so2_24h: mean(columns, so2, t, 24, minimumHoursFor24h),
    pm10_24h: mean(columns, pm10, t, 24, minimumHoursFor24h),
    pm25_24h: mean(columns, pm25, t, 24, minimumHoursFor24h),
    so2_1h: present(columns.get(t, so2)),
    no2_1h: present(columns.get(t, no2)),
    pm10_1h: present(columns.get(t, pm10)),
    pm25_1h: present(columns.get(t, pm25)),
    co_1h: present(columns.get(t, co)),
    o3_1h: present(columns.get(t, o3)),
    o3_8h: ozone8h(columns, t),
  };
}

/**
 * The indicators of the daily report for the 24-hour window ending at t (the plans' "连续24小时均值"):
 * 24 h means, the window's highest O3 1 h and highest valid O3 8 h moving mean.
 */
export function dailyIndicators(columns: HourColumns, t: number): Indicators {
  let o3Max1h: number | null = null;
  let valid1h = 0;
  let o3Max8h: number | null = null;
  let valid8h = 0;
  for (let offset = 0; offset < 24; offset += 1) {
    const hour = t - offset * HOUR;
    const value = columns.get(hour, o3);
    if (!Number.isNaN(value)) {
      valid1h += 1;
      if (o3Max1h === null || value > o3Max1h) o3Max1h = value;
    }
    const moving = ozone8h(columns, hour);
    if (moving === null) continue;
    valid8h += 1;
    if (o3Max8h === null || moving > o3Max8h) o3Max8h = moving;
  }
  return {
    so2_24h: mean(columns, so2, t, 24, minimumHoursFor24h),
    no2_24h: mean(columns, no2, t, 24, minimumHoursFor24h),
    pm10_24h: mean(columns, pm10, t, 24, minimumHoursFor24h),
    pm25_24h: mean(columns, pm25, t, 24, minimumHoursFor24h),
    co_24h: mean(columns, co, t, 24, minimumHoursFor24h),
    o3_1h: valid1h >= minimumHoursFor24h ? o3Max1h : null,
    o3_8h: valid8h >= minimumMeansForMax8h ? o3Max8h : null,
  };
}
