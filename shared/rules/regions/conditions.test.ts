import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { GradingRule } from '../../plans/grading-schema';
import { HOUR } from '../../time';
import { buildConditions, conditionsAt } from './conditions';
import type { Grid } from './grid';

/**
 * conditionsAt keeps each rule's conditions per window end (hours from the grid's start): asked for any
 * rules, grids and window ends in any order, again and again, it answers what building them afresh answers.
 */
const clause = fc.oneof(
  fc.record({
    kind: fc.constant('sustained' as const),
    threshold: fc.constantFrom(150, 200, 300),
    hours: fc.constantFrom(24, 48, 72),
  }),
  fc.record({
    kind: fc.constant('someWithin' as const),
    threshold: fc.constantFrom(150, 200, 300),
    hours: fc.integer({ min: 0, max: 48 }),
  }),
);
const rule: fc.Arbitrary<GradingRule> = fc.record({
  level: fc.constantFrom('yellow' as const, 'orange' as const, 'red' as const),
  section: fc.constant('3.3.2'),
  anyOf: fc.array(
    fc.record({ text: fc.constant('x'), allOf: fc.array(clause, { minLength: 1, maxLength: 2 }) }),
    {
      minLength: 1,
      maxLength: 2,
    },
  ),
});

test('kept conditions equal conditions built afresh, for any rules, grids and ends', () => {
  fc.assert(
    fc.property(
      fc.array(rule, { minLength: 1, maxLength: 3 }),
      fc.array(
        fc.record({
          rule: fc.nat(2),
          start: fc.integer({ min: 0, max: 5 }),
          end: fc.integer({ min: 72, max: 140 }),
        }),
        { minLength: 1, maxLength: 40 },
      ),
      (rules, asks) => {
        for (const ask of asks) {
          const asked = rules[ask.rule % rules.length]!;
          const grid = { start: ask.start * HOUR } as Grid;
          const kept = conditionsAt(asked, grid, grid.start + ask.end * HOUR);
          expect(kept).toEqual(buildConditions(asked, ask.end));
        }
      },
    ),
    { numRuns: 200 },
  );
});
