import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { levelRank } from '../levels';
import { plans } from '../plans/index';
import { HOUR } from '../time';
import { evaluateUnit } from './evaluate-unit';
import { levelAt } from './grading';

const start = Date.parse('2019-12-01T01:00:00+08:00');
const plan = plans.kizilsu;
const values = fc.array(fc.oneof(fc.integer({ min: 50, max: 380 }), fc.constant(Number.NaN)), {
  minLength: 80,
  maxLength: 200,
});

describe('evaluateUnit invariants over random series', () => {
  test('the recommendation is never below the level at now, and is none only when nothing holds ahead', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 79 }), (data, nowIndex) => {
        const series = { start, values: Float64Array.from(data), lastObservedIndex: nowIndex };
        const now = start + nowIndex * HOUR;
        const result = evaluateUnit(plan, series, now);
        expect(levelRank(result.recommendedLevel)).toBeGreaterThanOrEqual(
          levelRank(levelAt(plan.grading, series, now)),
        );
        const anyAhead = data.some(
          (_, index) => index >= nowIndex && levelAt(plan.grading, series, start + index * HOUR) !== 'none',
        );
        expect(result.recommendedLevel !== 'none').toBe(anyAhead);
        for (const level of result.levels) expect(level.holds).toBe(level.firstWindowEnd !== null);
      }),
      { numRuns: 200 },
    );
  });
});
