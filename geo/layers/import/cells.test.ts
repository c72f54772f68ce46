import { describe, expect, it } from 'vitest';
import { calendarDate, quantity } from './cells';
import { measure, timeWindows } from './values';

describe('cells as offices write them', () => {
  const tonnes = quantity({ mass: true });

  it.each([
    ['1,234.5', 1234.5],
    ['980 t/a', 980],
    ['12吨/年', 12],
    ['350 kg/a', 0.35],
    ['３５０千克', 0.35],
    ['', 0],
    [42, 42],
  ])('reads the emission %j as %d t/a', (cell, expected) => {
    expect(tonnes(cell)).toEqual({ value: expected });
  });

  it('refuses amounts in units that are not mass per year, and words', () => {
    expect(tonnes('12 m³/h')).toEqual({ error: 'unit "m3/h" is not t/a or kg/a' });
    expect(tonnes('about ten')).toEqual({ error: 'is not a number' });
    expect(quantity({ integer: true })('12.5 车次/天')).toEqual({ error: 'must be a whole number' });
  });

  it('reads a comma as a thousands separator only between groups of three digits, not a decimal comma as ten times the amount', () => {
    expect(tonnes('12,345,678 t/a')).toEqual({ value: 12_345_678 });
    expect(tonnes('１，５００')).toEqual({ value: 1500 });
    for (const cell of ['1,5', '12,5 t/a', '1,50', '1,2345', '0,5吨'])
      expect(tonnes(cell), cell).toEqual({
        error:
          'is not a number: a comma may only group thousands (1,234.5); write decimals with a point (1.5)',
      });
  });

  it.each([
    [45352, '2024-03-01'],
    ['45292', '2024-01-01'],
    [new Date(Date.UTC(2025, 0, 31)), '2025-01-31'],
    ['2024年3月1日', '2024-03-01'],
    ['2024.03.01', '2024-03-01'],
    ['', null],
  ])('reads the date %j as %j', (cell, expected) => {
    expect(calendarDate(cell)).toEqual({ value: expected });
  });

  it('refuses dates that do not exist and numbers that are no date serial', () => {
    expect(calendarDate('2023-02-29')).toEqual({ error: 'is not a calendar date' });
    expect(calendarDate(12)).toEqual({ error: 'is not a date' });
  });

  it.each([
    ['停产', { kind: 'stop' }],
    ['限产30%', { kind: 'cut', percent: 30 }],
    ['限产３０％', { kind: 'cut', percent: 30 }],
    ['cut 12.5%', { kind: 'cut', percent: 12.5 }],
    ['错峰生产 25%', { kind: 'staggered', percent: 25 }],
    ['重型柴油车运输管控', { kind: 'transport' }],
    ['无', { kind: 'none' }],
  ])('reads the measure %s', (cell, expected) => {
    expect(measure(cell)).toEqual({ value: expected });
  });

  it('asks for the share a staggered shift takes off', () => {
    expect(measure('错峰生产')).toEqual({
      error: 'staggered production needs the share of load it takes off, e.g. 错峰生产 25%',
    });
  });

  it('reads several time windows in one cell', () => {
    expect(timeWindows('7:00至9:30、17:00－20:00')).toEqual({ value: ['07:00-09:30', '17:00-20:00'] });
  });
});
