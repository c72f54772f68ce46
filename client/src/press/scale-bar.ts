/** Round lengths a scale bar may show, in km. */
const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500];

/**
 * The longest round distance whose bar fits in `maxPixels`, given how many pixels one km spans at the map's
 * centre (Web Mercator: constant along a parallel). Null when nothing fits.
 */
export function scaleBar(pixelsPerKm: number, maxPixels: number): { km: number; pixels: number } | null {
  const fitting = steps.filter((km) => km * pixelsPerKm <= maxPixels);
  const km = fitting.at(-1);
  return km === undefined ? null : { km, pixels: Math.round(km * pixelsPerKm) };
}

/** km per degree of longitude at a latitude (spherical Earth, the scale a Mercator map shows there). */
export function kmPerDegreeLongitude(latitude: number): number {
  return 111.32 * Math.cos((latitude * Math.PI) / 180);
}
