import { units } from '../../units';
import { type CellParser, cellText, foldedText } from './cells';

/** Units by id, Chinese name or English name, so a list may say 伊宁市 where the schema wants 654002. */
const unitLookup = new Map(
  units.flatMap((unit) =>
    [unit.id, unit.nameZh, unit.nameEn.toLowerCase()].map((key) => [key, unit.id] as const),
  ),
);

export const unitReference: CellParser = (cell) => {
  const written = foldedText(cell);
  if (written === '') return { error: 'is empty' };
  const id = unitLookup.get(written) ?? unitLookup.get(written.toLowerCase());
  return id ? { value: id } : { error: 'is not a warning unit (id or name from geo/units.ts)' };
};

const measureForms = '停产/stop, 限产30%/cut 30%, 错峰生产25%/staggered 25%, 运输管控/transport, 无/none';

/** A measure as written in a list: "停产", "限产30%", "错峰生产 25%", "运输管控", "无" (or the English words). */
export const measure: CellParser = (cell) => {
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) return { value: cell };
  const written = foldedText(cell).toLowerCase();
  const percent = /(\d+(?:\.\d+)?)\s*%/.exec(written)?.[1];
  if (['', '无', '-', '—', '/', 'none', '不停产不限产'].includes(written)) return { value: { kind: 'none' } };
  if (/停产|停止生产|^stop$/.test(written)) return { value: { kind: 'stop' } };
  if (/错峰|stagger/.test(written))
    return percent === undefined
      ? { error: 'staggered production needs the share of load it takes off, e.g. 错峰生产 25%' }
      : { value: { kind: 'staggered', percent: Number(percent) } };
  if (/运输|车辆|transport|truck/.test(written)) return { value: { kind: 'transport' } };
  if (percent !== undefined && (/限产|减产|压减|cut/.test(written) || /^\d/.test(written)))
    return { value: { kind: 'cut', percent: Number(percent) } };
  return { error: `is not a measure (write ${measureForms})` };
};

/** Time windows "07:00-22:00", several separated by ; or 、, with 至/~/– accepted between the two times. */
export const timeWindows: CellParser = (cell) => {
  if (Array.isArray(cell)) return { value: cell };
  const written = foldedText(cell)
    .replace(/\s*(至|到|~|～|–|—|-)\s*/g, '-')
    .replace(/(^|[^\d])(\d):/g, (_, before: string, hour: string) => `${before}0${hour}:`);
  if (written === '') return { error: 'is empty' };
  return { value: written.split(/[;；,，、\s]+/).filter((window) => window !== '') };
};

/** A polygon as a GeoJSON geometry object, its JSON text, or WKT (POLYGON / MULTIPOLYGON). */
export const geometry: CellParser = (cell) => {
  if (cell !== null && typeof cell === 'object') return { value: cell };
  const written = cellText(cell);
  if (written === '') return { error: 'is empty' };
  if (written.startsWith('{')) {
    try {
      return { value: JSON.parse(written) };
    } catch {
      return { error: 'is not valid GeoJSON geometry text' };
    }
  }
  const wkt = /^(MULTIPOLYGON|POLYGON)\s*(\(.*\))$/i.exec(written);
  if (!wkt) return { error: 'is not a polygon (GeoJSON geometry or WKT POLYGON)' };
  const json = wkt[2]!
    .replace(/(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)/g, '[$1,$2]')
    .replaceAll('(', '[')
    .replaceAll(')', ']');
  try {
    return {
      value: {
        type: wkt[1]!.toUpperCase() === 'POLYGON' ? 'Polygon' : 'MultiPolygon',
        coordinates: JSON.parse(json),
      },
    };
  } catch {
    return { error: 'is not well-formed WKT' };
  }
};
