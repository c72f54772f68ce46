import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compiledRules } from './compiled-rules';
import { integerSubIndex } from './evaluate';
import { ticksPerUnit } from './exact';
import { type Edition, type Indicator, iaqi, indicatorOrder } from './index';
import { aboveScale } from './scale';

const levels = [0, 50, 100, 150, 200, 300, 400, 500];

/** HJ 633-2012 Table 1, typed from the standard's text, column by column. */
const table2012: Partial<Record<Indicator, number[]>> = {
  so2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  so2_1h: [0, 150, 500, 650, 800],
  no2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
  no2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  pm10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
  co_24h: [0, 2, 4, 14, 24, 36, 48, 60],
  co_1h: [0, 5, 10, 35, 60, 90, 120, 150],
  o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  o3_8h: [0, 100, 160, 215, 265, 800],
  pm25_24h: [0, 35, 75, 115, 150, 250, 350, 500],
};

/** HJ 633-2026 Table 3 (scanned page 3); PM 1-hour values use the daily columns (§4.2.4). */
const table2026: Partial<Record<Indicator, number[]>> = {
  ...table2012,
  pm10_24h: [0, 50, 120, 250, 350, 420, 500, 600],
  pm10_1h: [0, 50, 120, 250, 350, 420, 500, 600],
  pm25_24h: [0, 35, 60, 115, 150, 250, 350, 500],
  pm25_1h: [0, 35, 60, 115, 150, 250, 350, 500],
};

const tables: [Edition, Partial<Record<Indicator, number[]>>][] = [
  ['2012', table2012],
  ['2026', table2026],
];

describe.each(tables)('HJ 633-%s breakpoints', (edition, table) => {
  for (const [indicator, breakpoints] of Object.entries(table) as [Indicator, number[]][]) {
    test(`${indicator}: each breakpoint gives its IAQI, and one step more is rounded up`, () => {
      breakpoints.forEach((breakpoint, index) => {
        expect(iaqi(indicator, breakpoint, edition)).toBe(levels[index]);
        if (index === breakpoints.length - 1) return;
        // Just above a breakpoint formula (1) is rounded up (2012 §6.2, 2026 §4.2.6); under 2026 the
        // concentration is first rounded to an integer (CO to 0.1), so the step must survive that rounding.
        const step = indicator.startsWith('co')
          ? edition === '2026'
            ? 0.1
            : 0.01
          : edition === '2026'
            ? 1
            : 0.1;
        const slope = (levels[index + 1]! - levels[index]!) / (breakpoints[index + 1]! - breakpoint);
        expect(iaqi(indicator, breakpoint + step, edition)).toBe(levels[index]! + Math.ceil(step * slope));
      });
    });
  }
});

describe('the two editions differ where the standards do', () => {
  test('PM2.5 75 µg/m³ is IAQI 100 under 2012 but 114 under 2026 (60–115 → 100–150)', () => {
    expect(iaqi('pm25_24h', 75, '2012')).toBe(100);
    expect(iaqi('pm25_24h', 75, '2026')).toBe(114);
  });

  test('PM10 150 µg/m³ is IAQI 100 under 2012 but 112 under 2026 (120–250 → 100–150)', () => {
    expect(iaqi('pm10_24h', 150, '2012')).toBe(100);
    expect(iaqi('pm10_24h', 150, '2026')).toBe(112);
  });

  test('2012 has no 1-hour PM sub-index (Table 1, Table 4); 2026 uses the daily breakpoints', () => {
    expect(iaqi('pm25_1h', 80, '2012')).toBeNull();
    expect(iaqi('pm25_1h', 80, '2026')).toBe(119);
    expect(iaqi('pm10_1h', 200, '2026')).toBe(131);
  });

  test('SO2 1 h above 800: 2012 defers to SO2 24 h (null alone), 2026 rates it 200 (note b)', () => {
    expect(iaqi('so2_1h', 801, '2012')).toBeNull();
    expect(iaqi('so2_1h', 801, '2026')).toBe(200);
    expect(iaqi('so2_1h', 5000, '2026')).toBe(200);
  });

  test('O3 8 h above 800: 2012 defers to O3 1 h (null alone), 2026 rates it 300 (note c)', () => {
    expect(iaqi('o3_8h', 801, '2012')).toBeNull();
    expect(iaqi('o3_8h', 900, '2026')).toBe(300);
  });
});

describe('rounding', () => {
  test('sub-indices round up: PM2.5 131 µg/m³ is 150 + 50 × 16/35 = 172.86 → 173', () => {
    expect(iaqi('pm25_24h', 131, '2012')).toBe(173);
  });

  test('2012 uses the concentration as measured: PM2.5 35.4 → 50.5 → 51', () => {
    expect(iaqi('pm25_24h', 35.4, '2012')).toBe(51);
  });

  test('2026 rounds concentrations half to even first (GB/T 8170)', () => {
    expect(iaqi('pm25_24h', 35.4, '2026')).toBe(50);
    expect(iaqi('pm25_24h', 35.5, '2026')).toBe(52); // 36 → 50 + 50 × 1/25
    expect(iaqi('pm25_24h', 36.5, '2026')).toBe(52); // 36.5 → 36
    expect(iaqi('pm25_24h', 37.5, '2026')).toBe(56); // 37.5 → 38 → 50 + 50 × 3/25
    expect(iaqi('co_24h', 2.05, '2026')).toBe(50); // 2.05 → 2.0
    expect(iaqi('co_24h', 2.15, '2026')).toBe(55); // 2.15 → 2.2 → 50 + 50 × 0.2/2
    expect(iaqi('co_24h', 2.05, '2012')).toBe(52); // 51.25 → 52
  });

  test('a breakpoint written in decimal is exactly that breakpoint, whatever its binary form', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(iaqi('co_24h', 0.3 * 10 - 1, '2012')).toBe(50); // 2 mg/m³
    expect(iaqi('pm25_24h', 75, '2012')).toBe(100);
    expect(iaqi('pm25_24h', 34.99999999999999, '2012')).toBe(50);
  });

  test('the decimal as sent decides, to its last digit (issue 17.2): any digit above a breakpoint rounds up', () => {
    // Rounding to millionths first used to read these as the breakpoints themselves.
    expect(iaqi('pm25_24h', 35.0000000001, '2012')).toBe(51);
    expect(iaqi('pm25_24h', 75.00000000000001, '2012')).toBe(101);
    expect(iaqi('co_24h', (0.1 + 0.2) * 10 - 1, '2012')).toBe(51); // 2.0000000000000004 mg/m³ as sent
  });
});

describe('outside the scale', () => {
  test('above the top of a table is 500; exactly the top is 500 too', () => {
    expect(iaqi('pm25_24h', 500, '2012')).toBe(500);
    expect(iaqi('pm25_24h', 500.1, '2012')).toBe(500);
    expect(iaqi('pm10_24h', 4975, '2026')).toBe(500);
    expect(iaqi('co_1h', 151, '2026')).toBe(500);
  });

  test('missing, invalid or negative input is NA (null), never 0; zero is 0', () => {
    expect(iaqi('pm25_24h', null, '2012')).toBeNull();
    expect(iaqi('pm25_24h', Number.NaN, '2026')).toBeNull();
    expect(iaqi('pm25_24h', -1, '2026')).toBeNull();
    expect(iaqi('pm25_24h', 0, '2026')).toBe(0);
  });
});

describe('monotone in concentration', () => {
  const editions: Edition[] = ['2012', '2026'];
  test.each(editions)('HJ 633-%s: a higher concentration never gives a lower IAQI', (edition) => {
    const decimal = fc.integer({ min: 0, max: 5_000_000 }).map((thousandths) => thousandths / 1000);
    fc.assert(
      fc.property(fc.constantFrom(...indicatorOrder), decimal, decimal, (indicator, a, b) => {
        const low = iaqi(indicator, Math.min(a, b), edition);
        const high = iaqi(indicator, Math.max(a, b), edition);
        if (low === null || high === null) return true;
        return low <= high;
      }),
      { numRuns: 5000 },
    );
  });
});

describe('HJ 633-2012 sub-index by lookup (compiled-rules.ts stepScale)', () => {
  const rules = compiledRules('2012');
  const ticks = BigInt(ticksPerUnit);
  /** Formula (1) of HJ 633-2012 on exact integers: ⌈IAQI_lo + ΔIAQI × (C − C_lo) / ΔC⌉, or null above the table. */
  function reference(breakpoints: number[], numerator: bigint, denominator: bigint): number | null {
    if (numerator > BigInt(breakpoints.at(-1)!) * denominator) return null;
    let segment = 1;
    while (numerator > BigInt(breakpoints[segment]!) * denominator) segment += 1;
    const low = BigInt(breakpoints[segment - 1]!);
    const rise = BigInt(levels[segment]! - levels[segment - 1]!) * (numerator - low * denominator);
    const run = (BigInt(breakpoints[segment]!) - low) * denominator;
    return levels[segment - 1]! + Number((rise + run - 1n) / run);
  }
  const indicators = Object.keys(table2012) as Indicator[];

  test('equals the interpolation for any mean of up to 24 hours, at and around every step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...indicators),
        fc.integer({ min: 1, max: 24 }),
        fc.double({ min: 0, max: 1.02, noNaN: true }),
        fc.integer({ min: -3, max: 3 }),
        fc.boolean(),
        (indicator, hours, position, nudge, onStep) => {
          const index = indicatorOrder.indexOf(indicator);
          const breakpoints = table2012[indicator]!;
          const denominator = BigInt(hours) * ticks;
          const scale = rules.stepScale[index]!;
          // On a step: the concentration k / stepScale (where the sub-index may move), a few ticks either side.
          const top = breakpoints.at(-1)!;
          const step = BigInt(Math.round(position * top * scale));
          const numerator = onStep
            ? (step * denominator) / BigInt(scale) + BigInt(nudge)
            : BigInt(Math.round(position * top * hours)) * ticks + BigInt(nudge * 1_000_003);
          if (numerator < 0n) return;
          const expected = reference(breakpoints, numerator, denominator);
          const actual = integerSubIndex(rules, index, Number(numerator), Number(denominator));
          expect(actual === aboveScale ? null : actual).toBe(expected);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
