import type { Feature } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { readZip } from '../../archive/zip';

export type ShapefileRead = { ok: true; features: Feature[] } | { ok: false; problem: string };

const parts = /\.(shp|dbf|prj|cpg)$/i;

/** Code pages as .cpg files write them, to labels TextDecoder knows ("936" alone is not one). */
const codePages: [RegExp, string][] = [
  [/^(ansi\s*|cp|windows-?)?936$|^gbk$|^gb2312$/, 'gbk'],
  [/^(cp|windows-?)?54936$|^gb18030$/, 'gb18030'],
  [/^(ansi\s*|cp|windows-?)?950$|^big5$/, 'big5'],
  [/^(cp)?65001$|^utf-?8$/, 'utf-8'],
  [/^(ansi\s*|cp|windows-?)?(125\d)$/, 'windows-$2'],
];

/**
 * The encoding of a .dbf's text: its .cpg when it names one we know; without a .cpg, UTF-8 when the bytes
 * are valid UTF-8, else GB18030 (Chinese ArcGIS writes GBK, often without a .cpg).
 */
export function dbfEncoding(cpg: string | undefined, dbf: Uint8Array): string | { problem: string } {
  if (cpg !== undefined && cpg.trim() !== '') {
    const written = cpg.trim().toLowerCase();
    const match = codePages.find(([pattern]) => pattern.test(written));
    const label = match ? written.replace(match[0], match[1]) : written;
    try {
      new TextDecoder(label);
      return label;
    } catch {
      return { problem: `the .cpg names code page "${cpg.trim()}", which we cannot read` };
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A .dbf whose header promises more records than the file holds would be read past its end. */
function dbfProblem(dbf: Uint8Array): string | null {
  if (dbf.length < 32) return 'the .dbf is shorter than its header';
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength + records * recordLength > dbf.length)
    return `the .dbf's header promises ${records} records of ${recordLength} bytes, more than the file holds`;
  return null;
}

/** A zipped shapefile: one layer (.shp with its .dbf, .prj and .cpg), read with shpjs's own parsers. */
export function readZippedShapefile(bytes: Uint8Array): ShapefileRead {
  const zip = readZip(bytes, (name) => parts.test(name) && !name.includes('__MACOSX'));
  if (!zip.ok) return { ok: false, problem: `not a readable zipped shapefile: ${zip.problem}` };
  const byLayer = new Map<string, Map<string, Uint8Array>>();
  for (const [name, content] of zip.files) {
    const [, base, extension] = /^(.*)\.([^.]+)$/.exec(name)!;
    const layer = byLayer.get(base!) ?? new Map<string, Uint8Array>();
    byLayer.set(base!, layer.set(extension!.toLowerCase(), content));
  }
  const layers = [...byLayer].filter(([, files]) => files.has('shp'));
  if (layers.length === 0)
    return { ok: false, problem: 'not a readable zipped shapefile: the zip holds no .shp' };
  if (layers.length > 1)
    return { ok: false, problem: `the zip holds ${layers.length} layers; import one at a time` };
  const [name, files] = layers[0]!;
  const dbf = files.get('dbf');
  const text = (extension: string) => {
    const content = files.get(extension);
    return content ? new TextDecoder().decode(content) : undefined;
  };
  try {
    const geometries = parseShp(files.get('shp')!, text('prj'));
    let records: Record<string, unknown>[] = [];
    if (dbf) {
      const problem = dbfProblem(dbf);
      if (problem) return { ok: false, problem: `${name}.dbf: ${problem}` };
      const encoding = dbfEncoding(text('cpg'), dbf);
      if (typeof encoding !== 'string') return { ok: false, problem: `${name}.cpg: ${encoding.problem}` };
      records = parseDbf(dbf, encoding);
    }
    return {
      ok: true,
      features: geometries.map((geometry, index) => ({
        type: 'Feature',
        geometry,
        properties: records[index] ?? {},
      })),
    };
  } catch (error) {
    return { ok: false, problem: `not a readable shapefile ${name}: ${(error as Error).message}` };
  }
}
