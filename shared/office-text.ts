/**
 * The text of a file an office sends (station lists, observations, layer tables, GeoJSON): UTF-8, or
 * GB18030 as Chinese Excel saves "CSV (逗号分隔)" and Chinese desktop GIS may save GeoJSON. Strict UTF-8 is
 * tried first: GBK Chinese is almost never valid UTF-8.
 */
export function decodeOfficeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
