import { toBeijingIso } from '../../shared/time';
import type { StoredObservationRecord } from '../store/types';

/** A stored number as JSON.stringify writes it (a non-finite REAL as null); null stays null. */
function jsonNumber(value: number | null): string {
  return value !== null && Number.isFinite(value) ? `${value}` : 'null';
}

/** Bytes a row of the body takes as a rule (182 for a year of the benchmark's rows): the first guess. */
const rowBytes = 256;
/** Rows encoded into the buffer at a time: one call per row costs more than the encoding. */
const rowsPerWrite = 64;

/**
 * The UTF-8 bytes of `JSON.stringify({ observations: [...] })` for one station's stored records, each row
 * `{ station, time (Beijing ISO), values, flags, receivedAt, source }`, written straight from the records
 * into one buffer: a year is 8,760 rows, and an object per row for JSON.stringify, their garbage, and then
 * the 1.5 MB string encoded again cost about a third more CPU. Flags (rare) go through JSON.parse and
 * JSON.stringify as before; a source is escaped once per run of rows.
 */
export function observationsJson(station: string, records: readonly StoredObservationRecord[]): Buffer {
  const rowStart = `{"station":${JSON.stringify(station)},"time":"`;
  let source: string | undefined;
  let sourceJson = '';
  let buffer = Buffer.allocUnsafe(64 + records.length * rowBytes);
  let length = buffer.write('{"observations":[', 0);
  let rows = '';
  for (let index = 0; index < records.length; index += 1) {
    const [time, so2, no2, pm10, pm25, co, o3, flags, receivedAt, rowSource] = records[index]!;
    if (rowSource !== source || index === 0) {
      source = rowSource;
      sourceJson = JSON.stringify(rowSource);
    }
    rows +=
      `${index === 0 ? '' : ','}${rowStart}${toBeijingIso(time)}","values":{"so2":${jsonNumber(so2)},` +
      `"no2":${jsonNumber(no2)},"pm10":${jsonNumber(pm10)},"pm25":${jsonNumber(pm25)},"co":${jsonNumber(co)},` +
      `"o3":${jsonNumber(o3)}},"flags":${flags === null ? '{}' : JSON.stringify(JSON.parse(flags))},` +
      `"receivedAt":${jsonNumber(receivedAt)},"source":${sourceJson}}`;
    if (index % rowsPerWrite !== rowsPerWrite - 1 && index !== records.length - 1) continue;
    // A UTF-16 code unit is at most 3 bytes of UTF-8, and the closing `]}` must fit after the last rows.
    if (buffer.length - length < 3 * rows.length + 2) {
      const larger = Buffer.allocUnsafe(2 * buffer.length + 3 * rows.length);
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    length += buffer.write(rows, length);
    rows = '';
  }
  length += buffer.write(']}', length);
  return buffer.subarray(0, length);
}
