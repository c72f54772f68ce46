import type { Category } from '../../../shared/aqi/categories';

/** The interface's words in Chinese (default) and English; no library, one lookup per key. */
export type Language = 'zh' | 'en';

const entries = {
  title: { zh: '天山空气 · 重污染天气应急', en: 'Tianshan Air · Heavy-pollution emergency' },
  ili: { zh: '伊犁州', en: 'Ili' },
  kizilsu: { zh: '克州', en: 'Kizilsu' },
  worstRegion: { zh: '最重区域', en: 'Worst area' },
  connecting: { zh: '连接中…', en: 'Connecting…' },
  connected: { zh: '已连接', en: 'Connected' },
  disconnected: { zh: '连接已断开', en: 'Connection lost' },
  lostAt: { zh: '断开于', en: 'lost at' },
  beijingTime: { zh: '北京时间', en: 'Beijing time' },
  newestData: { zh: '最新数据', en: 'Newest data' },
  noData: { zh: '无数据', en: 'No data' },
  highestLevel: { zh: '最高预警', en: 'Highest level' },
  activeWarnings: { zh: '生效预警', en: 'Active warnings' },
  noWarnings: { zh: '当前无预警', en: 'No warnings in force' },
  issuedAt: { zh: '发布', en: 'issued' },
  proposedAt: { zh: '提出', en: 'proposed' },
  none: { zh: '无预警', en: 'No warning' },
  yellow: { zh: '黄色预警', en: 'Yellow' },
  orange: { zh: '橙色预警', en: 'Orange' },
  red: { zh: '红色预警', en: 'Red' },
  yellowShort: { zh: '黄', en: 'Y' },
  orangeShort: { zh: '橙', en: 'O' },
  redShort: { zh: '红', en: 'R' },
  regionFloor: { zh: '区域底线', en: 'Area floor' },
  regionalWarning: { zh: '区域预警', en: 'Area warning' },
  regionMembers: { zh: '成员', en: 'members' },
  hourlyAqi: { zh: '小时AQI', en: 'Hourly AQI' },
  dailyAqi: { zh: '日AQI', en: 'Daily AQI' },
  forecast: { zh: '预报', en: 'Forecast' },
  primaryPollutant: { zh: '首要污染物', en: 'Primary pollutant' },
  recommendedLevel: { zh: '建议等级', en: 'Recommended level' },
  issuedLevel: { zh: '已发布等级', en: 'Issued level' },
  explanation: { zh: '依据', en: 'Grounds' },
  stations: { zh: '监测站', en: 'Stations' },
  station: { zh: '监测站', en: 'Station' },
  simulated: { zh: '模拟站（由真实站推算）', en: 'Simulated (derived from real stations)' },
  simulatedUnit: { zh: '仅模拟站数据', en: 'Simulated stations only' },
  stale: { zh: '超过2小时无数据', en: 'No data for 2+ hours' },
  staleShort: { zh: '2小时以上无新数据', en: 'no data 2+ h' },
  staleUnit: { zh: '单元超过2小时无新数据（淡色）', en: 'Unit without data for 2+ h (faded)' },
  approximateBoundary: {
    zh: '边界为近似范围，非勘界成果',
    en: 'Boundaries are approximate, not survey results',
  },
  pendingBoundary: {
    zh: '团场边界待定（显示驻地近似位置）',
    en: 'Regiment boundary pending (approximate seat)',
  },
  enterprises: { zh: '应急减排企业', en: 'Emission-reduction enterprises' },
  dieselZones: { zh: '柴油车限行区', en: 'Diesel restriction zones' },
  dustSources: { zh: '扬尘源', en: 'Dust sources' },
  zoneActive: { zh: '限行生效', en: 'Restriction in force' },
  zoneInactive: { zh: '未生效', en: 'Not in force' },
  noMeasure: { zh: '当前等级无减排要求', en: 'No measure at the current level' },
  synthetic: { zh: '示例数据（合成）', en: 'Sample data (synthetic)' },
  legend: { zh: '图例', en: 'Legend' },
  live: { zh: '实时', en: 'LIVE' },
  play: { zh: '播放', en: 'Play' },
  pause: { zh: '暂停', en: 'Pause' },
  stepBack: { zh: '后退一小时', en: 'Back one hour' },
  stepForward: { zh: '前进一小时', en: 'Forward one hour' },
  backToLive: { zh: '回到实时', en: 'Back to live' },
  history: { zh: '历史', en: 'Past' },
  close: { zh: '关闭', en: 'Close' },
  last72h: { zh: '近72小时及预报', en: 'Last 72 h and forecast' },
  pollutants: { zh: '污染物', en: 'Pollutants' },
  forecastFor: { zh: '预报时刻', en: 'Forecast for' },
  sliderSpan: { zh: '时间轴范围', en: 'Time span' },
  spanPast: { zh: '近', en: 'last' },
  days: { zh: '天', en: 'days' },
  spanAll: { zh: '全部存储数据', en: 'all stored hours' },
  forecastIssued: { zh: '基于', en: 'as known at' },
  noPollutantForecast: {
    zh: '预报只有日AQI及其范围，无分项污染物浓度',
    en: 'Forecasts give the daily AQI and its range only, no pollutant concentrations',
  },
  /** Shown while the map draws daily AQI in the forecast although hourly AQI is chosen. */
  dailyInForecast: {
    zh: '预报时段没有小时AQI预报，地图显示预报日AQI',
    en: 'No hourly forecast exists: the map shows the forecast daily AQI',
  },
  loading: { zh: '加载中…', en: 'Loading…' },
  seriesUnavailable: { zh: '暂无序列数据', en: 'No series available' },
  unitDetails: { zh: '查看单元', en: 'Unit details' },
  snapshot: { zh: '下载地图快照', en: 'Download map snapshot' },
  notice: { zh: '通告', en: 'Notice' },
  jurisdiction: { zh: '地区', en: 'Prefecture' },
  language: { zh: 'English', en: '中文' },
  dust: { zh: '疑似沙尘（不按重污染分级）', en: 'Suspected dust (not graded as heavy pollution)' },
  dustSuspectedShort: { zh: '疑似沙尘', en: 'Dust?' },
  dustConfirmedShort: { zh: '沙尘（已确认）', en: 'Dust (confirmed)' },
  construction: { zh: '建筑工地', en: 'Construction site' },
  brickworks: { zh: '砖厂', en: 'Brick works' },
  'sand-gravel': { zh: '砂石料场', en: 'Sand-and-gravel yard' },
  lime: { zh: '石灰场', en: 'Lime yard' },
  mine: { zh: '矿山', en: 'Mine' },
  classA: { zh: 'A级', en: 'Grade A' },
  classB: { zh: 'B级', en: 'Grade B' },
  classC: { zh: 'C级', en: 'Grade C' },
  classD: { zh: 'D级', en: 'Grade D' },
  classLeading: { zh: '引领性', en: 'Leading' },
  classGuarantee: { zh: '保障类', en: 'Guarantee class' },
  'classSmall-micro': { zh: '小微企业', en: 'Small-micro' },
  classOther: { zh: '其他', en: 'Other' },
  briefingTitle: { zh: '空气质量与重污染天气预警', en: 'Air quality and heavy-pollution warnings' },
  briefingSource: {
    zh: '来源：天山空气 · 重污染天气应急；AQI依据HJ 633',
    en: 'Source: Tianshan Air · heavy-pollution emergency; AQI per HJ 633',
  },
  containsSimulated: { zh: '含模拟站数据', en: 'Includes simulated-station data' },
  downloadNotice: { zh: '下载通告（Word）', en: 'Download notice (Word)' },
  publicAdvice: { zh: '健康防护建议', en: 'Health advice' },
} satisfies Record<string, Record<Language, string>>;

export type Phrase = keyof typeof entries;

/** English names of the six HJ 633 categories, by level (the Chinese names are shared/aqi's `categories`). */
const categoryNamesEn: Record<Category['level'], string> = {
  1: 'Good',
  2: 'Moderate',
  3: 'Unhealthy for sensitive groups',
  4: 'Unhealthy',
  5: 'Very unhealthy',
  6: 'Hazardous',
};

export function categoryName(language: Language, category: Category): string {
  return language === 'zh' ? category.name : categoryNamesEn[category.level];
}

/** The legend's and the console's word for an enterprise class of the emission-reduction list. */
export function enterpriseClassPhrase(enterpriseClass: string): Phrase {
  return `class${enterpriseClass[0]!.toUpperCase()}${enterpriseClass.slice(1)}` as Phrase;
}

export function translate(language: Language, phrase: Phrase): string {
  return entries[phrase][language];
}
