import { expect, test } from 'vitest';
import { dateOfHourEnd } from './format';

test("the 00:00 hour end closes the day before: the press page's daily report at midnight is that day's", () => {
  expect(dateOfHourEnd(Date.parse('2019-12-10T00:00:00+08:00'))).toBe('2019-12-09');
  expect(dateOfHourEnd(Date.parse('2019-12-10T01:00:00+08:00'))).toBe('2019-12-10');
  expect(dateOfHourEnd(Date.parse('2019-12-10T23:00:00+08:00'))).toBe('2019-12-10');
});
