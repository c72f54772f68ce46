import type { Issue } from '../../shared/issues';

/**
 * The CSV columns each import reads, under the names offices' and the national network's files give them
 * (监测点编码/监测点名称/经度/纬度 in the station list, stationcode/timepoint/pm2_5 in the CNEMC feed,
 * 站点编码/监测时间/PM2.5(μg/m³) in spreadsheets): one map, read by readHeader, so a file is read the same
 * way whatever language its header is in. A name matches whatever its case, spaces, dots, dashes and
 * underscores, subscript digits and a unit in parentheses: "PM2.5(μg/m³)", "pm2_5" and "PM₂.₅" are pm25.
 */
type Column = { names: readonly string[]; unit?: Concentration };
type Concentration = 'μg/m³' | 'mg/m³';

/** A station's code, as station lists and observation files both head it. */
const stationCodeNames = ['站点编码', '站点代码', '监测点编码', '站号', 'stationcode'] as const;

export const stationColumns = {
  id: { names: ['id', ...stationCodeNames] },
  name: { names: ['name', '站点名称', '监测点名称', '站名', 'positionname'] },
  lon: { names: ['lon', '经度', 'longitude'] },
  lat: { names: ['lat', '纬度', 'latitude'] },
  unit: { names: ['unit', '所属区县', '区县', '区县编码'] },
  simulated: { names: ['simulated', '模拟站'] },
} as const satisfies Record<string, Column>;

export const observationColumns = {
  station: { names: ['station', ...stationCodeNames] },
  time: { names: ['time', '监测时间', '时间', 'timepoint'] },
  pm25: { names: ['pm25'], unit: 'μg/m³' },
  pm10: { names: ['pm10'], unit: 'μg/m³' },
  so2: { names: ['so2'], unit: 'μg/m³' },
  no2: { names: ['no2'], unit: 'μg/m³' },
  co: { names: ['co'], unit: 'mg/m³' },
  o3: { names: ['o3'], unit: 'μg/m³' },
} as const satisfies Record<string, Column>;

/** A forecast table (POST /api/forecasts as CSV): the JSON row's fields, or a calendar day for the window. */
export const forecastColumns = {
  unit: { names: ['unit', '区县', '所属区县', '区县编码', '单元', '地区'] },
  windowEnd: { names: ['windowEnd', '时段结束', '窗口结束'] },
  date: { names: ['date', '日期', '预报日期'] },
  aqi: { names: ['aqi', 'AQI值', '空气质量指数'] },
  aqiLow: { names: ['aqiLow', 'AQI下限', 'AQI最小值'] },
  aqiHigh: { names: ['aqiHigh', 'AQI上限', 'AQI最大值'] },
  primary: { names: ['primary', '首要污染物'] },
} as const satisfies Record<string, Column>;

/** A header cell or JSON key reduced for comparing: "PM2.5(μg/m³)" → "pm25", "SO₂" → "so2", "Lon" → "lon". */
export function looseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[（(].*$/, '')
    .replace(/[₀-₉]/g, (digit) => String(digit.charCodeAt(0) - 0x2080))
    .replace(/[\s._-]/g, '');
}

/** The concentration unit a header cell names in parentheses ("PM10（ug/m3）" → μg/m³), or null. */
function unitOf(name: string): Concentration | null {
  const inside = /[（(]([^）)]*)[）)]/.exec(name)?.[1];
  if (!inside) return null;
  const unit = inside.replace(/\s/g, '').toLowerCase().replace(/^[µu]/, 'μ').replace(/3$/, '³');
  return unit === 'μg/m³' || unit === 'mg/m³' ? unit : null;
}

export type HeaderReading<Field extends string> = {
  /** The field each column gives, by position; null for a column left unread (a note, a 24-h mean). */
  fields: (Field | null)[];
  /** The header cell the file used for each field it gives: issues name the column as the office wrote it. */
  written: Map<Field, string>;
  issues: Issue[];
};

/**
 * Which field each column of a header gives. Refused, naming the column as written: two columns giving
 * one field (which would stand?), a concentration in another unit than the one read (CO in μg/m³ would be
 * read 1000 times too high), and a required field no column gives (said once, not in every row).
 */
export function readHeader<Field extends string>(
  header: readonly string[],
  columns: Readonly<Record<Field, Column>>,
  required: readonly Field[],
): HeaderReading<Field> {
  const byName = new Map<string, Field>();
  for (const [field, column] of Object.entries(columns) as [Field, Column][])
    for (const name of column.names) byName.set(looseName(name), field);
  const written = new Map<Field, string>();
  const issues: Issue[] = [];
  const fields = header.map((name) => {
    const field = byName.get(looseName(name)) ?? null;
    if (field === null) return null;
    const earlier = written.get(field);
    if (earlier !== undefined) {
      issues.push({
        field: name,
        message: `columns "${earlier}" and "${name}" both give ${field}: keep one`,
      });
      return null;
    }
    written.set(field, name);
    const expected = columns[field].unit;
    const given = unitOf(name);
    if (expected && given && given !== expected)
      issues.push({
        field: name,
        message: `column "${name}": ${field} is read in ${expected}, not ${given}`,
      });
    return field;
  });
  for (const field of required)
    if (!written.has(field))
      issues.push({
        field,
        message: `the header has no ${field} column (it has: ${header.join(',')}); name it ${columns[field].names.join(' or ')}`,
      });
  return { fields, written, issues };
}

/** Issues about parsed rows, their fields named as the file's header names them. */
export function inFileNames<Field extends string>(
  issues: readonly Issue[],
  written: ReadonlyMap<Field, string>,
): Issue[] {
  return issues.map((issue) => {
    const name = written.get(issue.field as Field);
    return name === undefined ? issue : { ...issue, field: name };
  });
}

/** A CSV record keyed by field instead of by the file's header names. */
export function recordByField<Field extends string>(
  record: Readonly<Record<string, string>>,
  written: Map<Field, string>,
): Partial<Record<Field, string>> {
  const byField: Partial<Record<Field, string>> = {};
  for (const [field, name] of written) byField[field] = record[name];
  return byField;
}
