import type { LayerKind } from '../kinds';
import { type CellParser, calendarDate, coordinate, flag, quantity, text, vocabulary } from './cells';
import { geometry, measure, timeWindows, unitReference } from './values';

/**
 * One column a layer file may have. `field` is a dotted path into the record; `names` are the headers
 * offices write, Chinese and English (the first two are shown in reports); `fallback` is used when an
 * optional column is absent.
 */
export interface ColumnSpec {
  field: string;
  names: readonly string[];
  parse: CellParser;
  required: boolean;
  fallback?: unknown;
}

const column = (field: string, names: string[], parse: CellParser, fallback?: unknown): ColumnSpec =>
  fallback === undefined
    ? { field, names, parse, required: true }
    : { field, names, parse, required: false, fallback };

const common = {
  id: column('id', ['编号', 'id', '企业编号', '工地编号', '代码', 'code'], text),
  name: column(
    'name',
    ['名称', 'name', '企业名称', '单位名称', '工地名称', '项目名称', '区域名称', '禁行区名称'],
    text,
  ),
  unit: column(
    'unitId',
    [
      '所属单位',
      'unit',
      '县市',
      '县市团场',
      '所在县市',
      '所属县市',
      '所属县市团场',
      '预警单元',
      'unitid',
      'county',
    ],
    unitReference,
  ),
  lon: column('lon', ['经度', 'lon', 'lng', 'longitude', 'x'], coordinate),
  lat: column('lat', ['纬度', 'lat', 'latitude', 'y'], coordinate),
  updatedOn: column(
    'updatedOn',
    ['更新日期', 'updatedon', '清单更新日期', '填报日期', '日期', 'updated', 'date'],
    calendarDate,
    null,
  ),
  synthetic: column('synthetic', ['合成数据', 'synthetic', '示例数据'], flag, false),
};

const classWords = {
  A: 'A',
  A级: 'A',
  B: 'B',
  B级: 'B',
  C: 'C',
  C级: 'C',
  D: 'D',
  D级: 'D',
  leading: 'leading',
  引领性: 'leading',
  引领: 'leading',
  引领性企业: 'leading',
  guarantee: 'guarantee',
  保障类: 'guarantee',
  保障类企业: 'guarantee',
  保障: 'guarantee',
  'small-micro': 'small-micro',
  小微: 'small-micro',
  小微涉气: 'small-micro',
  小微涉气企业: 'small-micro',
  other: 'other',
  其他: 'other',
  其他企业: 'other',
  一般: 'other',
};

const tonnes = quantity({ mass: true });
const levelMeasure = (level: string, zh: string, roman: string) =>
  column(
    `measures.${level}`,
    [
      `${zh}预警措施`,
      `${level}`,
      `${zh}`,
      `${zh}预警`,
      `${zh}预警减排措施`,
      `${roman}级`,
      `${roman}级响应`,
      `${level}measure`,
      `measure${level}`,
    ],
    measure,
  );

const enterprise: ColumnSpec[] = [
  common.id,
  common.name,
  common.unit,
  common.lon,
  common.lat,
  column('industry', ['行业', 'industry', '所属行业', '行业类别'], text),
  column(
    'class',
    ['绩效等级', 'class', '绩效分级', '企业类别', '类别', '分类', '管控类别', 'grade', 'category'],
    vocabulary(classWords, 'A, B, C, D, 引领性/leading, 保障类/guarantee, 小微/small-micro, 其他/other'),
  ),
  column('emissions.so2', ['二氧化硫', 'so2', 'so2排放量', '二氧化硫排放量', '二氧化硫年排放量'], tonnes),
  column('emissions.nox', ['氮氧化物', 'nox', 'nox排放量', '氮氧化物排放量', '氮氧化物年排放量'], tonnes),
  column(
    'emissions.pm',
    [
      '颗粒物',
      'pm',
      'pm排放量',
      '颗粒物排放量',
      '颗粒物年排放量',
      '烟粉尘',
      'pm2.5',
      'pm10',
      'particulatematter',
    ],
    tonnes,
  ),
  column(
    'emissions.vocs',
    ['挥发性有机物', 'vocs', 'voc', 'vocs排放量', '挥发性有机物排放量', '挥发性有机物年排放量'],
    tonnes,
  ),
  column(
    'heavyTruckTripsPerDay',
    [
      '重型车辆日均车次',
      'heavytrucktripsperday',
      '重型货车日均车次',
      '日均运输车次',
      '重型柴油车日均车次',
      'trucktrips',
    ],
    quantity({ integer: true }),
    0,
  ),
  levelMeasure('yellow', '黄色', 'iii'),
  levelMeasure('orange', '橙色', 'ii'),
  levelMeasure('red', '红色', 'i'),
  common.updatedOn,
  common.synthetic,
];

const dieselZone: ColumnSpec[] = [
  common.id,
  common.name,
  common.unit,
  column('geometry', ['范围', 'geometry', '边界', '区域范围', 'wkt', 'polygon'], geometry),
  column(
    'fromLevel',
    ['启动级别', 'fromlevel', '起始预警级别', '适用预警级别', '预警级别', 'level'],
    vocabulary(
      {
        yellow: 'yellow',
        黄色: 'yellow',
        黄: 'yellow',
        orange: 'orange',
        橙色: 'orange',
        橙: 'orange',
        red: 'red',
        红色: 'red',
        红: 'red',
      },
      '黄色/yellow, 橙色/orange, 红色/red',
    ),
  ),
  column('timeWindows', ['禁行时段', 'timewindows', '时段', '限行时段', 'hours'], timeWindows),
  common.synthetic,
];

const dustSource: ColumnSpec[] = [
  common.id,
  common.name,
  common.unit,
  column(
    'type',
    ['类型', 'type', '扬尘源类型', '类别'],
    vocabulary(
      {
        construction: 'construction',
        建筑工地: 'construction',
        施工工地: 'construction',
        工地: 'construction',
        brickworks: 'brickworks',
        砖厂: 'brickworks',
        砖瓦厂: 'brickworks',
        'sand-gravel': 'sand-gravel',
        砂石场: 'sand-gravel',
        砂石料场: 'sand-gravel',
        lime: 'lime',
        白灰场: 'lime',
        石灰场: 'lime',
        mine: 'mine',
        矿山: 'mine',
        矿场: 'mine',
      },
      '建筑工地/construction, 砖厂/brickworks, 砂石场/sand-gravel, 白灰场/lime, 矿山/mine',
    ),
  ),
  common.lon,
  common.lat,
  column(
    'status',
    ['状态', 'status', '生产状态', '施工状态'],
    vocabulary(
      {
        active: 'active',
        在建: 'active',
        生产: 'active',
        运行: 'active',
        施工: 'active',
        在产: 'active',
        idle: 'idle',
        停工: 'idle',
        停产: 'idle',
        闲置: 'idle',
        closed: 'closed',
        关闭: 'closed',
        取缔: 'closed',
        完工: 'closed',
      },
      '在建/active, 停工/idle, 关闭/closed',
    ),
  ),
  common.updatedOn,
  common.synthetic,
];

export const layerColumns: Record<LayerKind, readonly ColumnSpec[]> = {
  enterprise,
  'diesel-zone': dieselZone,
  'dust-source': dustSource,
};

/** Headers compared without case, spaces, punctuation or parenthesised units: "SO2（t/a）" is "so2". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|（.*?）/g, '')
    .replace(/[\s_\-.:：*/]/g, '');
}

/** A column's name for reports: "企业名称 / name". */
export function columnLabel(spec: ColumnSpec): string {
  return `${spec.names[0]} / ${spec.names[1]}`;
}
