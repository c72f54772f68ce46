import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedRows } from './changes';

describe('changedRows', () => {
  it('lists exactly the fields whose JSON differs, as a client would see them', () => {
    const previous = [
      { id: 'a', aqi: 50, name: 'x', stale: false, missing: ['pm10'], note: null as number | null },
      { id: 'b', aqi: 60, name: 'y', stale: true, missing: [] as string[], note: 1 as number | null },
      { id: 'c', aqi: Number.NaN, name: 'z', stale: false, missing: [], note: null },
    ];
    const next = [
      { id: 'a', aqi: 51, name: 'x', stale: false, missing: ['pm10'], note: null },
      { id: 'b', aqi: 60, name: 'y', stale: false, missing: ['o3'], note: 1 },
      // NaN serialises as null: no change a client could see.
      { id: 'c', aqi: null as unknown as number, name: 'z', stale: false, missing: [], note: Number.NaN },
      { id: 'd', aqi: 1, name: 'new', stale: false, missing: [], note: null },
    ];
    expect(changedRows(previous, next)).toEqual([
      { id: 'a', aqi: 51 },
      { id: 'b', stale: false, missing: ['o3'] },
      next[3],
    ]);
  });

  it('compares nested values as their JSON: key order counts, an undefined field does not', () => {
    const previous = [
      { id: 'a', explanation: { zh: '甲', en: 'A', citations: ['3.1'] } },
      { id: 'b', explanation: { zh: '乙', en: 'B', citations: ['3.1'], note: undefined } },
    ];
    const next = [
      { id: 'a', explanation: { en: 'A', zh: '甲', citations: ['3.1'] } },
      { id: 'b', explanation: { zh: '乙', en: 'B', citations: ['3.1'] } },
    ];
    expect(changedRows(previous, next)).toEqual([{ id: 'a', explanation: next[0]!.explanation }]);
  });

  it('finds a field changed exactly when JSON.stringify of its two values differs', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.constantFrom(
          null,
          undefined,
          Number.NaN,
          Number.POSITIVE_INFINITY,
          0,
          -0,
          1,
          '',
          'a',
          true,
          false,
        ),
        fc.integer({ min: -2, max: 2 }),
      ),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 3 }),
      object: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
    })).node;
    fc.assert(
      fc.property(value, value, (before, after) => {
        const changed = changedRows([{ id: 'x', field: before }], [{ id: 'x', field: after }]).length > 0;
        expect(changed).toBe(JSON.stringify(before) !== JSON.stringify(after));
      }),
      { numRuns: 2000 },
    );
  });
});
