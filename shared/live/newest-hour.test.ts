import { expect, test } from 'vitest';
import { compactNewestHours, expandNewestHours } from './newest-hour';

const hour = 3_600_000;
const before = [
  { id: 'a', newestHour: 0, hourlyAqi: 80 },
  { id: 'b', newestHour: 0, hourlyAqi: 90 },
  { id: 'c', newestHour: 0, hourlyAqi: 70 },
  { id: 'silent', newestHour: -hour, hourlyAqi: null },
];
const after = [
  { id: 'a', newestHour: hour, hourlyAqi: 85 },
  { id: 'b', newestHour: hour, hourlyAqi: 90 },
  { id: 'c', newestHour: hour, hourlyAqi: 70 },
  { id: 'silent', newestHour: -hour, hourlyAqi: null },
];

test('rows that only moved to the common hour leave the delta; the rest keep their own fields', () => {
  const { clock, changes } = compactNewestHours(after, [
    { id: 'a', newestHour: hour, hourlyAqi: 85 },
    { id: 'b', newestHour: hour },
    { id: 'c', newestHour: hour },
  ]);
  expect(clock).toEqual({ hour, except: ['silent'] });
  expect(changes).toEqual([{ id: 'a', hourlyAqi: 85 }]);
  const merged = before.map((row) => ({ ...row, ...changes.find((change) => change.id === row.id) }));
  expect(expandNewestHours(merged, clock)).toEqual(after);
});

test('a late hour that is not the common one travels in its own row', () => {
  const rows = [...after, { id: 'late', newestHour: 0, hourlyAqi: 60 }];
  const { clock, changes } = compactNewestHours(rows, [
    { id: 'a', newestHour: hour },
    { id: 'b', newestHour: hour },
    { id: 'late', newestHour: 0, hourlyAqi: 60 },
  ]);
  expect(clock).toEqual({ hour, except: ['silent', 'late'] });
  expect(changes).toEqual([{ id: 'late', newestHour: 0, hourlyAqi: 60 }]);
});

test('no clock when no row changed its newest hour', () => {
  const changes = [{ id: 'a', hourlyAqi: 85 }];
  expect(compactNewestHours(after, changes)).toEqual({ clock: undefined, changes });
  expect(expandNewestHours(before, undefined)).toEqual(before);
});
