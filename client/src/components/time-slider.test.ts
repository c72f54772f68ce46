import { describe, expect, test } from 'vitest';
import { HOUR } from '../../../shared/time';
import { clampHour, dataNow, sliderRange, trackRange } from './time-slider';

const now = Date.parse('2019-01-07T12:00:00+08:00');
const timeline = (jurisdiction: 'ili' | 'kizilsu', oldest: number | null, forecastEnd: number | null) => ({
  jurisdiction,
  oldest,
  now,
  forecastEnd,
});

describe('the time slider reaches from the oldest stored hour to the forecast horizon', () => {
  test('the oldest hour of either prefecture and the latest forecast window end of either', () => {
    const range = sliderRange(now, [
      timeline('ili', now - 47 * HOUR, now + 48 * HOUR),
      timeline('kizilsu', now - 100 * HOUR, null),
    ]);
    expect(range).toEqual({ oldest: now - 100 * HOUR, now, end: now + 48 * HOUR });
  });

  test('without any forecast the slider ends at now; with nothing stored it starts there too', () => {
    expect(sliderRange(now, [timeline('ili', null, null), timeline('kizilsu', null, null)])).toEqual({
      oldest: now,
      now,
      end: now,
    });
  });

  test('a horizon already behind now (an old forecast) leaves now as the end', () => {
    expect(sliderRange(now, [timeline('ili', now - 5 * HOUR, now - 2 * HOUR)]).end).toBe(now);
  });

  test('until the server answers, the last 72 hours up to now', () => {
    expect(sliderRange(now, null)).toEqual({ oldest: now - 72 * HOUR, now, end: now });
  });

  test('a chosen hour stays inside the range', () => {
    const range = { oldest: now - 10 * HOUR, now, end: now + 48 * HOUR };
    expect(clampHour(now + 49 * HOUR, range)).toBe(now + 48 * HOUR);
    expect(clampHour(now - 11 * HOUR, range)).toBe(now - 10 * HOUR);
    expect(clampHour(now + 5 * HOUR, range)).toBe(now + 5 * HOUR);
  });
});

describe('the track shows the chosen span of the stored past, so the forecast stays visible', () => {
  const year = { oldest: now - 300 * 24 * HOUR, now, end: now + 72 * HOUR };

  test('seven days back by default: 168 past hours beside 72 forecast hours', () => {
    expect(trackRange(year, 7, null)).toEqual({ oldest: now - 168 * HOUR, now, end: now + 72 * HOUR });
  });

  test('a chosen hour older than the span stays on the track', () => {
    const chosen = now - 20 * 24 * HOUR;
    expect(trackRange(year, 7, chosen).oldest).toBe(chosen);
  });

  test('a span longer than what is stored, or "all", starts at the oldest stored hour', () => {
    const short = { oldest: now - 40 * HOUR, now, end: now };
    expect(trackRange(short, 30, null).oldest).toBe(now - 40 * HOUR);
    expect(trackRange(year, 0, null)).toEqual(year);
  });
});

describe('the slider stands at the data, not at the wall clock of a prefecture without any', () => {
  const wallClock = Date.parse('2026-12-07T20:00:00+08:00');
  const live = [
    { jurisdiction: 'ili', now: wallClock },
    { jurisdiction: 'kizilsu', now },
  ];

  test('only Kizilsu stored: its now, though Ili (no data, CLOCK=data) stands at the wall clock', () => {
    expect(dataNow(live, [timeline('ili', null, null), timeline('kizilsu', now - 29 * HOUR, null)])).toBe(
      now,
    );
  });

  test('both stored: the later of the two; nothing stored or not yet known: every prefecture counts', () => {
    const both = [timeline('ili', now - 5 * HOUR, null), timeline('kizilsu', now - 29 * HOUR, null)];
    expect(dataNow(live, both)).toBe(wallClock);
    expect(dataNow(live, [timeline('ili', null, null), timeline('kizilsu', null, null)])).toBe(wallClock);
    expect(dataNow(live, null)).toBe(wallClock);
    expect(dataNow([], null)).toBe(null);
  });
});
