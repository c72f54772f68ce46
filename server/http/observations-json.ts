import { toBeijingIso } from '../../shared/time';
import type { StoredObservationRecord } from '../store/types';

/** A stored number as JSON.stringify writes it (a non-finite REAL as null); null stays null. */
function jsonNumber(value: number | null): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${value}` : (JSON.stringify(value) ?? 'null');
}

/**
 * The text `JSON.stringify({ observations: [...] })` would give for one station's stored records, each row
 * `{ station, time (Beijing ISO), values, flags, receivedAt, source }`, written straight from the records:
 * a year is 8,760 rows, and objects per row for JSON.stringify were a third of the read's CPU with their
 * garbage. Flags (rare) go through JSON.parse and JSON.stringify as before; a source is escaped once per run.
 */
export function observationsJson(station: string, records: readonly StoredObservationRecord[]): string {
  const rowStart = `{"station":${JSON.stringify(station)},"time":"`;
  let source: string | undefined;
  let sourceJson = '';
  let text = '{"observations":[';
  for (let index = 0; index < records.length; index += 1) {
    const [time, so2, no2, pm10, pm25, co, o3, flags, receivedAt, rowSource] = records[index]!;
    if (rowSource !== source || index === 0) {
      source = rowSource;
      sourceJson = JSON.stringify(rowSource);
    }
    text +=
      `${index === 0 ? '' : ','}${rowStart}${toBeijingIso(time)}","values":{"so2":${jsonNumber(so2)},` +
      `"no2":${jsonNumber(no2)},"pm10":${jsonNumber(pm10)},"pm25":${jsonNumber(pm25)},"co":${jsonNumber(co)},` +
      `"o3":${jsonNumber(o3)}},"flags":${flags === null ? '{}' : JSON.stringify(JSON.parse(flags))},` +
      `"receivedAt":${jsonNumber(receivedAt)},"source":${sourceJson}}`;
  }
  return `${text}]}`;
}
