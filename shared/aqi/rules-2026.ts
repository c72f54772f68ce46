import type { EditionRules } from './rules';

const pm10 = [0, 50, 120, 250, 350, 420, 500, 600];
const pm25 = [0, 35, 60, 115, 150, 250, 350, 500];

/**
 * HJ 633-2026, in force from 2026-03-01. Table 3 breakpoints; note b: SO2 1 h above 800 µg/m³ is IAQI 200,
 * note c: O3 8 h above 800 µg/m³ is IAQI 300; §4.2.4: PM 1-hour values use the daily-mean breakpoints.
 */
export const rules2026: EditionRules = {
  edition: '2026',
  scales: {
    so2_24h: { breakpoints: [0, 50, 150, 475, 800, 1600, 2100, 2620] },
    so2_1h: { breakpoints: [0, 150, 500, 650, 800], above: { iaqi: 200 } },
    no2_24h: { breakpoints: [0, 40, 80, 180, 280, 565, 750, 940] },
    no2_1h: { breakpoints: [0, 100, 200, 700, 1200, 2340, 3090, 3840] },
    pm10_24h: { breakpoints: pm10 },
    pm10_1h: { breakpoints: pm10 },
    co_24h: { breakpoints: [0, 2, 4, 14, 24, 36, 48, 60] },
    co_1h: { breakpoints: [0, 5, 10, 35, 60, 90, 120, 150] },
    o3_1h: { breakpoints: [0, 160, 200, 300, 400, 800, 1000, 1200] },
    o3_8h: { breakpoints: [0, 100, 160, 215, 265, 800], above: { iaqi: 300 } },
    pm25_24h: { breakpoints: pm25 },
    pm25_1h: { breakpoints: pm25 },
  },
  reports: {
    // §4.2.3: the six 1-hour means.
    hourly: ['so2_1h', 'no2_1h', 'co_1h', 'o3_1h', 'pm10_1h', 'pm25_1h'],
    // §4.2.2: five daily means and the O3 daily maximum 8-hour mean.
    daily: ['so2_24h', 'no2_24h', 'co_24h', 'o3_8h', 'pm10_24h', 'pm25_24h'],
  },
  // §4.2.2: µg/m³ to integers, CO (mg/m³) to one decimal, per GB/T 8170.
  roundingDecimals: { so2: 0, no2: 0, pm10: 0, pm25: 0, co: 1, o3: 0 },
  listsOverStandard: false,
  // §5.3.1: with a pollutant missing, AQI, primary pollutant and category are published only above 100.
  partialAqiPublishedAbove: 100,
};
