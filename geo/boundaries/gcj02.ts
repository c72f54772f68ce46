/**
 * GCJ-02 (the offset datum of Chinese web maps) ↔ WGS84, from the public offset formula (Krasovsky
 * ellipsoid constants). GCJ-02 → WGS84 inverts the forward offset by fixed-point iteration.
 */
const semiMajorAxis = 6378245.0;
const eccentricitySquared = 0.006693421622965943;

function offsetLatitude(x: number, y: number): number {
  let value = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  value += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  value += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  value += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return value;
}

function offsetLongitude(x: number, y: number): number {
  let value = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  value += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  value += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  value += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return value;
}

export function wgs84ToGcj02(longitude: number, latitude: number): [number, number] {
  const latitudeRadians = (latitude / 180) * Math.PI;
  const magic = 1 - eccentricitySquared * Math.sin(latitudeRadians) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLatitude =
    (offsetLatitude(longitude - 105, latitude - 35) * 180) /
    (((semiMajorAxis * (1 - eccentricitySquared)) / (magic * sqrtMagic)) * Math.PI);
  const dLongitude =
    (offsetLongitude(longitude - 105, latitude - 35) * 180) /
    ((semiMajorAxis / sqrtMagic) * Math.cos(latitudeRadians) * Math.PI);
  return [longitude + dLongitude, latitude + dLatitude];
}

/** Iterates w ← w − (forward(w) − g) until the forward image lands within 1e-9° (about 0.1 mm). */
export function gcj02ToWgs84(longitude: number, latitude: number): [number, number] {
  let wgsLongitude = longitude;
  let wgsLatitude = latitude;
  for (let iteration = 0; iteration < 30; iteration += 1) {
    const [forwardLongitude, forwardLatitude] = wgs84ToGcj02(wgsLongitude, wgsLatitude);
    const errorLongitude = forwardLongitude - longitude;
    const errorLatitude = forwardLatitude - latitude;
    wgsLongitude -= errorLongitude;
    wgsLatitude -= errorLatitude;
    if (Math.abs(errorLongitude) < 1e-9 && Math.abs(errorLatitude) < 1e-9) break;
  }
  return [wgsLongitude, wgsLatitude];
}
