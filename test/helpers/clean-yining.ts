/**
 * One station in 伊宁市 (2703A, unit 654002) sending 30 clean hours, 2019-12-10 01:00 … 12-11 06:00, so that
 * with CLOCK=data the engine's now is 2019-12-11 06:00. PM2.5 alternates 50/60 µg/m³ (mean 55 → IAQI 75,
 * HJ 633-2012); values alternate because six identical hours would be flagged as stuck.
 */
export const cleanYiningNow = Date.parse('2019-12-11T06:00:00+08:00');

export async function feedCleanYining(
  send: (method: string, path: string, body: unknown) => Promise<void>,
): Promise<void> {
  await send('PUT', '/api/stations/2703A', { name: '市环保局', lon: 81.2815, lat: 43.9404, unit: '654002' });
  const first = Date.parse('2019-12-10T01:00:00+08:00');
  await send('POST', '/api/observations', {
    observations: Array.from({ length: 30 }, (_, index) => ({
      station: '2703A',
      time: new Date(first + index * 3_600_000).toISOString(),
      pm25: index % 2 === 0 ? 50 : 60,
      pm10: index % 2 === 0 ? 60 : 70,
      so2: 10,
      no2: index % 2 === 0 ? 18 : 22,
      co: 1.0,
      o3: index % 2 === 0 ? 22 : 18,
    })),
  });
}
