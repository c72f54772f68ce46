import { toBeijingIso } from '../../shared/time';

/** The first hour of the hand-made Artux dust storm. */
export const dustStormFrom = Date.parse('2019-03-18T01:00:00+08:00');

/**
 * Station K1 in Artux (653001) and four days of a dust storm there: PM10 ~600 µg/m³ (daily AQI > 300), PM2.5
 * a tenth of it (the engine's likely-dust signature), the other species alternating as a live analyser's do.
 */
export async function postDustStorm(url: string, feederKey: string): Promise<void> {
  const feed = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${feederKey}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  };
  await feed('PUT', '/api/stations/K1', { name: '阿图什', lon: 76.17, lat: 39.71, unit: '653001' });
  const observations = Array.from({ length: 96 }, (_, hour) => ({
    station: 'K1',
    time: toBeijingIso(dustStormFrom + hour * 3_600_000),
    pm25: hour % 2 ? 58 : 62,
    pm10: hour % 2 ? 590 : 610,
    so2: 8,
    no2: hour % 2 ? 18 : 22,
    co: 0.6,
    o3: hour % 2 ? 48 : 52,
  }));
  await feed('POST', '/api/observations', { observations });
}
