import type { EditionRules } from './rules';

/**
 * HJ 633-2012 (试行), in force until 2026-02-28. Table 1 breakpoints; notes (2) and (3) send SO2 1 h and
 * O3 8 h above 800 µg/m³ to the SO2 24 h and O3 1 h sub-indices. The table has no 1-hour PM column.
 */
export const rules2012: EditionRules = {
  edition: '2012',
  scales: {
    so2_24h: { breakpoints: [0, 50, 150, 475, 800, 1600, 2100, 2620] },
    so2_1h: { breakpoints: [0, 150, 500, 650, 800], above: { fallback: 'so2_24h' } },
    no2_24h: { breakpoints: [0, 40, 80, 180, 280, 565, 750, 940] },
    no2_1h: { breakpoints: [0, 100, 200, 700, 1200, 2340, 3090, 3840] },
    pm10_24h: { breakpoints: [0, 50, 150, 250, 350, 420, 500, 600] },
    co_24h: { breakpoints: [0, 2, 4, 14, 24, 36, 48, 60] },
    co_1h: { breakpoints: [0, 5, 10, 35, 60, 90, 120, 150] },
    o3_1h: { breakpoints: [0, 160, 200, 300, 400, 800, 1000, 1200] },
    o3_8h: { breakpoints: [0, 100, 160, 215, 265, 800], above: { fallback: 'o3_1h' } },
    pm25_24h: { breakpoints: [0, 35, 75, 115, 150, 250, 350, 500] },
  },
  reports: {
    // §5.1.3 and Table 4: PM 1-hour means are reported as concentrations only; their sub-indices come from
    // the 24-hour moving means. (CNEMC's published hourly AQI used 1-hour PM instead; we follow the text.)
    hourly: ['so2_1h', 'no2_1h', 'pm10_24h', 'co_1h', 'o3_1h', 'o3_8h', 'pm25_24h'],
    // §5.1.2: 24-hour means, O3 daily maximum 1 h and maximum 8 h moving mean (7 indicators).
    daily: ['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'o3_1h', 'o3_8h', 'pm25_24h'],
  },
  roundingDecimals: null,
  listsOverStandard: true,
  partialAqiPublishedAbove: null,
};
