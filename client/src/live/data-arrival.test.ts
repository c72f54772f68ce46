import { expect, test } from 'vitest';
import type { JurisdictionState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { type DataArrivals, lastArrival, noteArrivals } from './data-arrival';

const opened = Date.UTC(2026, 11, 7, 6);
const dataHour = Date.UTC(2026, 11, 7, 5);

function state(jurisdiction: 'ili' | 'kizilsu', now: number, newestHour: number | null): JurisdictionState {
  const unit = {
    id: jurisdiction === 'ili' ? '654002' : '653001',
    newestHour,
  } as JurisdictionState['units'][number];
  return { jurisdiction, now, units: [unit], warnings: [] } as unknown as JurisdictionState;
}

test('the quiet clock runs from the last new data hour, not from the last state the server sent', () => {
  let arrivals: DataArrivals = new Map();
  arrivals = noteArrivals(arrivals, [state('ili', dataHour, dataHour)], opened);
  expect(lastArrival(arrivals, ['ili'])).toBe(opened);
  // CLOCK=wall: the engine's hourly tick sends a new state (now moved on) with no new data.
  arrivals = noteArrivals(arrivals, [state('ili', dataHour + HOUR, dataHour)], opened + HOUR);
  expect(lastArrival(arrivals, ['ili'])).toBe(opened);
  // A reconnection's snapshot of the same data does not count either.
  arrivals = noteArrivals(arrivals, [state('ili', dataHour + HOUR, dataHour)], opened + 70 * 60_000);
  expect(lastArrival(arrivals, ['ili'])).toBe(opened);
  // A newer hour does.
  arrivals = noteArrivals(arrivals, [state('ili', dataHour + HOUR, dataHour + HOUR)], opened + 80 * 60_000);
  expect(lastArrival(arrivals, ['ili'])).toBe(opened + 80 * 60_000);
});

test("each prefecture's feed is timed on its own: Ili's data does not keep Kizilsu's view from going quiet", () => {
  let arrivals: DataArrivals = new Map();
  arrivals = noteArrivals(
    arrivals,
    [state('ili', dataHour, dataHour), state('kizilsu', dataHour, dataHour)],
    opened,
  );
  arrivals = noteArrivals(
    arrivals,
    [state('ili', dataHour + HOUR, dataHour + HOUR), state('kizilsu', dataHour, dataHour)],
    opened + HOUR,
  );
  expect(lastArrival(arrivals, ['kizilsu'])).toBe(opened);
  expect(lastArrival(arrivals, ['ili'])).toBe(opened + HOUR);
  expect(lastArrival(arrivals, [])).toBeNull();
});
