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
});
