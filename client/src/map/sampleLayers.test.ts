import { describe, expect, test } from 'vitest';
import type { DieselZone } from '../../../geo/layers/diesel-zone';
import type { Enterprise } from '../../../geo/layers/enterprise';
import type { JurisdictionState } from '../../../shared/state/schema';
import { levelsInForce, measureDue, zoneActive } from './sampleLayers';

const zone = (fromLevel: DieselZone['fromLevel'], timeWindows: string[]) =>
  ({ fromLevel, timeWindows }) as DieselZone;

// 2019-01-06 23:30 Beijing time.
const lateEvening = Date.parse('2019-01-06T23:30:00+08:00');
const noon = Date.parse('2019-01-06T12:00:00+08:00');

describe('diesel zones (plans 4.3.1.2)', () => {
  test('apply from their level upward', () => {
    expect(zoneActive(zone('orange', ['00:00-24:00']), 'yellow', noon)).toBe(false);
    expect(zoneActive(zone('orange', ['00:00-24:00']), 'orange', noon)).toBe(true);
    expect(zoneActive(zone('orange', ['00:00-24:00']), 'red', noon)).toBe(true);
  });

  test('only inside their Beijing-time windows, including one over midnight', () => {
    expect(zoneActive(zone('yellow', ['07:00-22:00']), 'red', noon)).toBe(true);
    expect(zoneActive(zone('yellow', ['07:00-22:00']), 'red', lateEvening)).toBe(false);
    expect(zoneActive(zone('yellow', ['22:00-06:00']), 'red', lateEvening)).toBe(true);
    expect(zoneActive(zone('yellow', ['22:00-06:00']), 'red', noon)).toBe(false);
  });
});

describe('enterprise measures (plans 4.3.1.1)', () => {
  const enterprise = {
    measures: { yellow: { kind: 'none' }, orange: { kind: 'cut', percent: 30 }, red: { kind: 'stop' } },
  } as Enterprise;

  test('are due at levels whose list asks something', () => {
    expect(measureDue(enterprise, 'none')).toBe(false);
    expect(measureDue(enterprise, 'yellow')).toBe(false);
    expect(measureDue(enterprise, 'orange')).toBe(true);
    expect(measureDue(enterprise, 'red')).toBe(true);
  });
});

describe('levels in force', () => {
  test('are issued levels, raised by an active regional warning, not by a region merely found', () => {
    const state = {
      units: [
        { id: 'a', issuedLevel: 'yellow', regionFloor: 'red' },
        { id: 'b', issuedLevel: 'none', regionFloor: 'red' },
        { id: 'c', issuedLevel: 'red', regionFloor: 'none' },
      ],
      warnings: [
        {
          target: { kind: 'region', regionId: 'r', members: ['a', 'c'] },
          level: 'orange',
        },
      ],
    } as unknown as JurisdictionState;
    expect(Object.fromEntries(levelsInForce(state))).toEqual({ a: 'orange', b: 'none', c: 'red' });
  });
});
