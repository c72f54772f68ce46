import { expect } from 'vitest';

/** The end of hour `index` of the test episode (hour 0 ends at 2019-12-10 00:00 Beijing time). */
export function hourEnd(index: number): string {
  return new Date(Date.parse('2019-12-10T00:00:00+08:00') + index * 3_600_000).toISOString();
}

/**
 * Posts `count` hours of station 2703A from hour `from`, hour h with PM2.5 `pm25(h)`; the other species
 * alternate so that the plausibility checks see no stuck analyser.
 */
export async function postStationHours(
  baseUrl: string,
  feederKey: string,
  from: number,
  count: number,
  pm25: (hour: number) => number,
): Promise<void> {
  const observations = Array.from({ length: count }, (_, offset) => {
    const index = from + offset;
    const even = index % 2 === 0;
    return {
      station: '2703A',
      time: hourEnd(index),
      pm25: pm25(index),
      pm10: even ? 210 : 190,
      so2: 10,
      no2: even ? 22 : 18,
      co: 1.0,
      o3: even ? 18 : 22,
    };
  });
  const response = await fetch(`${baseUrl}/api/observations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ observations }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}
