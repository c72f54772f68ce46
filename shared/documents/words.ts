import { categories } from '../aqi/categories';
import type { Jurisdiction } from '../units/schema';

const speciesNames: Record<string, string> = {
  pm25: 'PM2.5',
  pm10: 'PM10',
  so2: 'SO₂',
  no2: 'NO₂',
  co: 'CO',
  o3: 'O₃',
};

/** The documents' languages: Chinese by default, English with lang=en. */
export type DocumentLanguage = 'zh' | 'en';

type Entry =
  | { zh: string; en: string }
  | { zh: (...args: never[]) => string; en: (...args: never[]) => string };

/**
 * Every word the server's documents print (notice, SMS, forms, reports, snapshot and playback captions), in
 * one table: a fixed text per language, or a function of the same parameters in both languages.
 */
/** The units' daily AQI: one value, or the range and its mean (the notice's measured and forecast lines). */
const unitsAqiZh = (low: number, high: number, mean: number) =>
  low === high ? `单元日AQI为${low}` : `各单元日AQI为${low}–${high}（平均${mean}）`;
const unitsAqiEn = (low: number, high: number, mean: number) =>
  low === high ? String(low) : `${low}–${high} (mean ${mean})`;
/** The category is the highest value's: across a range, the worst (a mean of 164 is not heavily polluted). */
const categoryZh = (low: number, high: number, category: string) =>
  low === high ? `空气质量${category}` : `空气质量最差为${category}`;
const categoryEn = (low: number, high: number, category: string) =>
  low === high ? category : `at worst ${category}`;

const entries = {
  commandOffice: {
    zh: (jurisdiction: Jurisdiction) =>
      jurisdiction === 'ili'
        ? '伊犁哈萨克自治州重污染天气应急指挥部办公室'
        : '克孜勒苏柯尔克孜自治州重污染天气应急指挥部办公室',
    en: (jurisdiction: Jurisdiction) =>
      jurisdiction === 'ili'
        ? 'Ili Prefecture Heavy-Pollution Weather Emergency Command Office'
        : 'Kizilsu Prefecture Heavy-Pollution Weather Emergency Command Office',
  },
  prefecture: {
    zh: (jurisdiction: Jurisdiction) => (jurisdiction === 'ili' ? '伊犁州（含兵团第四师）' : '克孜勒苏州'),
    en: (jurisdiction: Jurisdiction) =>
      jurisdiction === 'ili' ? 'Ili (with the XPCC 4th Division)' : 'Kizilsu',
  },
  /** The plans' word for warning units: Kizilsu 县（市）, Ili 县市、团场. */
  unitTerm: {
    zh: (jurisdiction: Jurisdiction) => (jurisdiction === 'ili' ? '县市、团场' : '县（市）'),
    en: (jurisdiction: Jurisdiction) =>
      jurisdiction === 'ili' ? 'counties, cities and regiments' : 'counties',
  },
  exerciseMark: {
    zh: '演练 · 回放2019年数据，非真实预警',
    en: 'EXERCISE — replayed 2019 data, not a real warning',
  },
  approximateBoundaries: {
    zh: '边界为近似范围，非勘界成果',
    en: 'Boundaries are approximate, not survey results',
  },
  dataTime: {
    zh: (time: string) => `数据时间：北京时间 ${time}`,
    en: (time: string) => `Data time: ${time} Beijing time`,
  },
  blank: { zh: '＿＿＿＿＿＿', en: '____________' },
  /** After a label ("编号：", "No.: "): the full-width colon is Chinese punctuation only. */
  colon: { zh: '：', en: ': ' },
  noForecast: { zh: '暂无可用预报', en: 'no forecast available' },
  none: { zh: '无', en: 'none' },
  level: {
    zh: (level: 'yellow' | 'orange' | 'red') =>
      ({ yellow: '黄色预警', orange: '橙色预警', red: '红色预警' })[level],
    en: (level: 'yellow' | 'orange' | 'red') =>
      ({ yellow: 'yellow warning', orange: 'orange warning', red: 'red warning' })[level],
  },
  response: {
    zh: (roman: string) => `${roman}级应急响应`,
    en: (roman: string) => `Level ${roman} response`,
  },
  list: {
    zh: (items: string[]) => items.join('、'),
    en: (items: string[]) => items.join(', '),
  },
  area: {
    zh: (names: string[], term: string, region: boolean) =>
      `${names.length > 3 ? `${names.slice(0, 3).join('、')}等${names.length}个${term}` : names.join('、')}${region ? '区域' : ''}`,
    en: (names: string[], _term: string, region: boolean) =>
      `${region ? 'the area of ' : ''}${names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')}`,
  },
  // Briefing pictures (GET /api/snapshot, /api/playback).
  snapshotTitle: {
    zh: (place: string) => `${place}空气质量与重污染天气预警`,
    en: (place: string) => `${place}: air quality and heavy-pollution warnings`,
  },
  warningsInForce: { zh: '生效预警', en: 'Warnings in force' },
  // Said beside a data time (a snapshot, a frame's clock), which may be past: not "当前".
  noWarningsInForce: { zh: '无生效的重污染天气预警', en: 'No heavy-pollution warning in force' },
  noWarningsAt: {
    zh: (time: string) => `截至${time}无生效的重污染天气预警`,
    en: (time: string) => `No heavy-pollution warning was in force at ${time}`,
  },
  snapshotWarning: {
    zh: (area: string, approvedAt: string, from: string, response: string) =>
      `${area}：${approvedAt}发布，${from}起${response}`,
    en: (area: string, approvedAt: string, from: string, response: string) =>
      `${area}: issued ${approvedAt}, ${response} from ${from}`,
  },
  forecastBasis: {
    zh: (from: string) => `预报（基于${from}的预报）`,
    en: (from: string) => `Forecast (as known at ${from})`,
  },
  sourceLine: {
    zh: (edition: string) => `数据：天山空气（监测站点小时数据）；AQI依据HJ 633-${edition}`,
    en: (edition: string) => `Data: Tianshan Air (hourly station data); AQI per HJ 633-${edition}`,
  },
  simulatedStations: {
    zh: '含模拟站数据（由真实站推算）',
    en: 'Includes simulated stations (derived from real ones)',
  },
  // Public notice (plans 3.3.4 / 信息公开).
  noticeTitleIssue: {
    zh: (area: string, level: string) => `关于发布${area}重污染天气${level}的通告`,
    en: (area: string, level: string) => `Notice: ${level} of heavy-pollution weather for ${area}`,
  },
  noticeTitleRaise: {
    zh: (area: string, level: string) => `关于${area}重污染天气预警升级为${level}的通告`,
    en: (area: string, level: string) => `Notice: heavy-pollution warning for ${area} raised to ${level}`,
  },
  noticeTitleLower: {
    zh: (area: string, level: string) => `关于${area}重污染天气预警调整为${level}的通告`,
    en: (area: string, level: string) => `Notice: heavy-pollution warning for ${area} lowered to ${level}`,
  },
  noticeTitleLift: {
    zh: (area: string, level: string) => `关于解除${area}重污染天气${level}的通告`,
    en: (area: string, level: string) => `Notice: ${level} of heavy-pollution weather for ${area} lifted`,
  },
  number: { zh: '编号', en: 'No.' },
  issuedOn: { zh: '发布时间', en: 'Issued' },
  contact: { zh: '联系电话', en: 'Contact telephone' },
  noticeLead: {
    zh: (office: string, approvedAt: string, area: string, level: string, from: string, response: string) =>
      `经会商研判，${office}于${approvedAt}发布${area}重污染天气${level}，自${from}起启动${response}。`,
    en: (office: string, approvedAt: string, area: string, level: string, from: string, response: string) =>
      `After consultation, the ${office} issued ${/^[aeiou]/.test(level) ? 'an' : 'a'} ${level} of heavy-pollution weather for ${area} at ${approvedAt}; the ${response} starts at ${from}.`,
  },
  noticeLift: {
    zh: (office: string, liftedAt: string, area: string, level: string, response: string) =>
      `${office}于${liftedAt}解除${area}重污染天气${level}，${response}同时终止。`,
    en: (office: string, liftedAt: string, area: string, level: string, response: string) =>
      `The ${office} lifted the ${level} of heavy-pollution weather for ${area} at ${liftedAt}; the ${response} ends with it.`,
  },
  liftReason: { zh: (reason: string) => `解除依据：${reason}`, en: (reason: string) => `Grounds: ${reason}` },
  primaryPollutant: {
    zh: (names: string) => `首要污染物：${names}。`,
    en: (names: string) => `Primary pollutant: ${names}.`,
  },
  aqiNow: {
    zh: (time: string, low: number, high: number, mean: number, category: string) =>
      `截至${time}，涉及${unitsAqiZh(low, high, mean)}，${categoryZh(low, high, category)}。`,
    en: (time: string, low: number, high: number, mean: number, category: string) =>
      `At ${time}, the daily AQI of the units concerned is ${unitsAqiEn(low, high, mean)}: ${categoryEn(low, high, category)}.`,
  },
  aqiForecast: {
    zh: (time: string, low: number, high: number, mean: number, category: string, from: string) =>
      `据${from}的预报，预计${time}涉及${unitsAqiZh(low, high, mean)}，${categoryZh(low, high, category)}。`,
    en: (time: string, low: number, high: number, mean: number, category: string, from: string) =>
      `As forecast at ${from}, the daily AQI of the units concerned at ${time} is expected to be ${unitsAqiEn(low, high, mean)}: ${categoryEn(low, high, category)}.`,
  },
  aqiUnknown: {
    zh: (time: string) => `截至${time}，涉及单元暂无有效日AQI。`,
    en: (time: string) => `At ${time}, no valid daily AQI is available for the units concerned.`,
  },
  extent: {
    zh: (names: string, count: number, term: string) =>
      `污染范围及可能受影响的区域：${names}，共${count}个${term}。`,
    en: (names: string, count: number) =>
      `Extent and areas likely affected: ${names} (${count} ${count === 1 ? 'unit' : 'units'}).`,
  },
  duration: {
    zh: (until: string, issued: string) => `可能持续的时间：据${issued}发布的预报，预计持续至${until}前后。`,
    en: (until: string, issued: string) =>
      `Expected duration: by the forecast issued ${issued}, until about ${until}.`,
  },
  durationUnknown: {
    zh: '可能持续的时间：暂无可用预报，以后续会商研判为准。',
    en: 'Expected duration: no forecast is available; the next consultation will say.',
  },
  harm: {
    zh: (text: string) => `潜在的危险程度：${text}（HJ 633 空气质量指数对健康影响情况）。`,
    en: (text: string) => `Potential harm: ${text} (HJ 633, health effects of the AQI category).`,
  },
  healthAdvice: { zh: '健康防护建议', en: 'Health advice' },
  dustTitle: {
    zh: (area: string) => `关于${area}沙尘天气的健康提示`,
    en: (area: string) => `Health advice: sand and dust in ${area}`,
  },
  dustLead: {
    zh: (time: string, area: string) => `受沙尘天气影响，截至${time}，${area}空气质量下降。`,
    en: (time: string, area: string) =>
      `Sand and dust have lowered the air quality of ${area} as of ${time}.`,
  },
  dustOutsidePlan: {
    zh: (plan: string, section: string) =>
      `沙尘天气造成的污染不适用《${plan}》，不启动重污染天气预警（${section}）；现向社会发布健康提示，请公众做好健康防护。`,
    en: (plan: string, section: string) =>
      `Pollution from sand and dust is outside the ${plan}, so no heavy-pollution warning is started (${section}); this health advice is published for the public to protect themselves.`,
  },
  sensitiveGroups: {
    zh: (groups: string) => `建议采取措施的敏感人群：${groups}`,
    en: (groups: string) => `The sensitive groups these measures are for: ${groups}`,
  },
  measures: { zh: '应急响应措施', en: 'Response measures' },
  planCitation: {
    zh: (title: string, number: string, section: string) => `《${title}》（${number}）${section}`,
    en: (title: string, number: string, section: string) => `《${title}》 (${number}) ${section}`,
  },
  ourSummary: {
    zh: '',
    en: "English is our summary of the plan's Chinese words; the Chinese text is binding.",
  },
  rollingBroadcast: {
    zh: '本通告请各媒体持续滚动播报。',
    en: 'Media are asked to broadcast this notice on a rolling basis.',
  },
  smsPrefix: {
    zh: (jurisdiction: Jurisdiction) =>
      `【${jurisdiction === 'ili' ? '伊犁州' : '克州'}重污染天气应急指挥部】`,
    en: (jurisdiction: Jurisdiction) =>
      `[${jurisdiction === 'ili' ? 'Ili' : 'Kizilsu'} heavy-pollution emergency command] `,
  },
  smsExercise: { zh: '（演练，回放数据）', en: '(EXERCISE, replayed data) ' },
  smsIssue: {
    zh: (
      area: string,
      level: string,
      response: string,
      from: string,
      pollutant: string | null,
      until: string | null,
    ) =>
      `${area}自${from}起启动重污染天气${level}（${response}）${pollutant ? `，首要污染物${pollutant}` : ''}${until ? `，预计持续至${until}` : ''}。`,
    en: (
      area: string,
      level: string,
      response: string,
      from: string,
      pollutant: string | null,
      until: string | null,
    ) =>
      `${level} (${response}) for ${area} from ${from}${pollutant ? `; primary pollutant ${pollutant}` : ''}${until ? `; expected until ${until}` : ''}.`,
  },
  smsLift: {
    zh: (area: string, level: string, at: string) => `${area}重污染天气${level}已于${at}解除。`,
    en: (area: string, level: string, at: string) => `The ${level} for ${area} was lifted at ${at}.`,
  },
  smsSegments: {
    zh: (count: number) => `共${count}条短信（每条不超过70字）`,
    en: (count: number) => `${count} message segment(s) of at most 70 characters`,
  },
  species: {
    zh: (id: string) => speciesNames[id] ?? id,
    en: (id: string) => speciesNames[id] ?? id,
  },
  // HJ 633's category names, as the wall's legend gives them (shared/aqi/categories), inside a sentence.
  category: {
    zh: (level: number) => categories[level - 1]?.name ?? '',
    en: (level: number) => categories[level - 1]?.nameEn.toLowerCase() ?? '',
  },
  // Kizilsu annex 3 (表3-1, 3-2, 3-3); Ili warnings get the same forms in Ili's words.
  formTitle: {
    zh: (form: string) =>
      ({
        '3-1': '预警信息报送表（预警启动）',
        '3-2': '预警信息报送表（续报）',
        '3-3': '预警信息报送表（预警解除）',
      })[form] ?? '',
    en: (form: string) =>
      ({
        '3-1': 'Warning report form (warning start)',
        '3-2': 'Warning report form (follow-up)',
        '3-3': 'Warning report form (lifting)',
      })[form] ?? '',
  },
  formNumber: {
    zh: (jurisdiction: Jurisdiction, form: string) =>
      jurisdiction === 'kizilsu' ? `附件3  表${form}` : `表${form}（伊犁州，格式同克州预案附件3）`,
    en: (jurisdiction: Jurisdiction, form: string) =>
      jurisdiction === 'kizilsu' ? `Annex 3, form ${form}` : `Form ${form} (Ili; layout of Kizilsu annex 3)`,
  },
  signatory: { zh: '签发人', en: 'Signed off by' },
  unitsInvolved: {
    zh: (term: string) => `重污染天气发生涉及${term}`,
    en: (term: string) => `${term.charAt(0).toUpperCase()}${term.slice(1)} involved`,
  },
  timePlaceExtent: {
    zh: '重污染天气发生的时间、地点、范围',
    en: 'Time, place and extent of the heavy pollution',
  },
  warningLevel: { zh: '预警等级', en: 'Warning level' },
  startTime: { zh: '预警启动时间', en: 'Warning start' },
  adverseWeather: {
    zh: '不利于空气污染物稀释、扩散和清除的空气污染气象条件',
    en: 'Weather unfavourable to dilution, dispersion and removal of pollutants',
  },
  mainIndicators: { zh: '主要污染指标', en: 'Main pollution indicators' },
  aqiRange: { zh: 'AQI值范围及平均值', en: 'AQI range and mean' },
  concentrationRange: {
    zh: '首要污染物浓度范围及平均值',
    en: 'Primary pollutant concentration range and mean',
  },
  outlook: { zh: '未来一定时期的定性潜势分析', en: 'Qualitative outlook' },
  travelAdvice: { zh: '公众日常出行建议', en: 'Advice to the public for daily travel' },
  commandBody: { zh: '预警指挥机构', en: 'Warning command body' },
  filler: { zh: '填表人', en: 'Filled in by' },
  phone: { zh: '联系电话', en: 'Telephone' },
  reviewer: { zh: '审查人', en: 'Reviewed by' },
  reportTime: { zh: '本次报告时间', en: 'Date of this report' },
  responseDay: { zh: '启动应急响应第几天', en: 'Day of the response' },
  responseDayValue: { zh: (day: number) => `第${day}天`, en: (day: number) => `day ${day}` },
  levelChanges: { zh: '预警级别的变化情况', en: 'Changes of warning level' },
  levelChange: {
    zh: (at: string, kind: string, level: string, response: string) =>
      `${at}${({ issued: '发布', raised: '升级为', lowered: '调整为' } as Record<string, string>)[kind] ?? ''}${level}（${response}）`,
    en: (at: string, kind: string, level: string, response: string) =>
      `${at}: ${({ issued: 'issued as', raised: 'raised to', lowered: 'lowered to' } as Record<string, string>)[kind] ?? ''} ${level} (${response})`,
  },
  noLevelChange: { zh: '无变化', en: 'no change' },
  expectedDuration: { zh: '可能持续的时间', en: 'Expected duration' },
  expectedUntil: {
    zh: (until: string, issued: string) => `预计持续至${until}前后（据${issued}预报）`,
    en: (until: string, issued: string) => `until about ${until} (forecast issued ${issued})`,
  },
  measuresAndPlans: {
    zh: '各部门单位采取的应急措施、下一步工作计划',
    en: 'Measures taken by each department, and next steps',
  },
  attachedReport: { zh: '（文字报告，可附页）', en: '(written report; pages may be attached)' },
  reportedBy: {
    zh: (name: string, summary: string) => `${name}：${summary}`,
    en: (name: string, summary: string) => `${name}: ${summary}`,
  },
  reportedWithoutSummary: { zh: '已报送（无摘要）', en: 'reported (no summary)' },
  notReported: {
    zh: (names: string) => `未报送：${names}`,
    en: (names: string) => `Not reported: ${names}`,
  },
  nextSteps: { zh: '下一步工作计划：', en: 'Next steps:' },
  followUpNote: {
    zh: '（备注：续报信息/报告需报同级政府及上一级重污染天气应急指挥部）',
    en: '(Note: follow-up reports go to the government at the same level and to the emergency command one level up.)',
  },
  liftOpinion: { zh: '预警解除意见', en: 'Opinion on lifting' },
  liftTime: { zh: '预警解除时间', en: 'Lifting time' },
  termination: { zh: '应急响应终止情况', en: 'Termination of the response' },
  terminated: {
    zh: (at: string, response: string, section: string) =>
      `${at}预警解除，${response}自动终止（预案${section}）。`,
    en: (at: string, response: string, section: string) =>
      `Warning lifted at ${at}; the ${response} ended with it (plan ${section}).`,
  },
  effect: { zh: '各部门单位应急响应措施的效果及评估', en: 'Effect and evaluation of the measures taken' },
  firstHeavy: {
    zh: (at: string) => `${at}起出现重污染（日AQI>200）`,
    en: (at: string) => `heavy pollution (daily AQI > 200) from ${at}`,
  },
  forecastHeavy: {
    zh: (at: string) => `预测${at}起出现重污染`,
    en: (at: string) => `heavy pollution forecast from ${at}`,
  },
  placeExtent: {
    zh: (names: string, count: number, term: string, region: boolean) =>
      `${names}，共${count}个${term}${region ? '（连片区域）' : ''}`,
    en: (names: string, count: number, _term: string, region: boolean) =>
      `${names}: ${count} unit(s)${region ? ', a contiguous area' : ''}`,
  },
  // Equal ends (one unit, or every unit alike) print as the one value, not "95–95".
  range: {
    zh: (low: string, high: string, mean: string) => (low === high ? low : `${low}–${high}，平均${mean}`),
    en: (low: string, high: string, mean: string) => (low === high ? low : `${low}–${high}, mean ${mean}`),
  },
  concentration: {
    zh: (species: string, range: string, unit: string) => `${species}：${range} ${unit}（24小时均值）`,
    en: (species: string, range: string, unit: string) => `${species}: ${range} ${unit} (24-hour means)`,
  },
  reductionLine: {
    zh: (percent: number, groups: string, met: boolean) =>
      `应急减排清单企业减排核算（目标${percent}%）：${groups}；${met ? '达到' : '未达到'}预案要求。`,
    en: (percent: number, groups: string, met: boolean) =>
      `Emission-reduction account of the listed enterprises (target ${percent} %): ${groups}; ${met ? 'meets' : 'does not meet'} the plan's requirement.`,
  },
  reductionGroup: {
    zh: (group: string, share: string) => `${group}削减${share}`,
    en: (group: string, share: string) => `${group} cut ${share}`,
  },
  checksLine: {
    zh: (checked: number, complying: number, total: number) =>
      `现场检查：${total}家应执行措施的企业中已检查${checked}家，落实${complying}家。`,
    en: (checked: number, complying: number, total: number) =>
      `On-site checks: ${checked} of ${total} enterprises with a measure checked, ${complying} complying.`,
  },
  evaluationByPeople: { zh: '评估意见：', en: 'Evaluation:' },
  // Reports (plans 5.1 信息报送, 5.2 总结评估).
  role: {
    zh: (role: string) =>
      ({
        commander: '指挥长',
        'first-deputy-commander': '第一副指挥长',
        'deputy-commander': '副指挥长',
        'office-director': '办公室主任',
        'duty-officer': '值班员',
      })[role] ?? role,
    en: (role: string) =>
      ({
        commander: 'Commander',
        'first-deputy-commander': 'First deputy commander',
        'deputy-commander': 'Deputy commander',
        'office-director': 'Office director',
        'duty-officer': 'Duty officer',
      })[role] ?? role,
  },
  dailyTitle: {
    zh: (place: string) => `${place}重污染天气应急响应日报`,
    en: (place: string) => `${place}: daily heavy-pollution response report`,
  },
  dailyCovers: {
    zh: (date: string) => `报告日期：${date}（各单位报送前一日应急响应情况）`,
    en: (date: string) => `Day covered: ${date} (each unit reports the previous day's response)`,
  },
  sectionAirQuality: { zh: '一、空气质量', en: '1. Air quality' },
  sectionWarnings: { zh: '二、生效预警', en: '2. Warnings in force' },
  sectionMeasures: { zh: '三、执行的应急措施', en: '3. Measures in force' },
  sectionReports: { zh: '四、各单位报送情况', en: '4. Reports from units and departments' },
  sectionChecks: { zh: '五、企业减排措施落实（现场检查）', en: '5. Enterprise measures (on-site checks)' },
  columnUnit: { zh: '单元', en: 'Unit' },
  columnDailyAqi: { zh: '日AQI', en: 'Daily AQI' },
  columnPrimary: { zh: '首要污染物', en: 'Primary pollutant' },
  columnCategory: { zh: '类别', en: 'Category' },
  columnLevel: { zh: '执行预警', en: 'Level in force' },
  columnReporter: { zh: '报送单位', en: 'Reporter' },
  columnReported: { zh: '是否报送', en: 'Reported' },
  columnSummary: { zh: '报送内容', en: 'Summary' },
  columnReceived: { zh: '接收时间', en: 'Received' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  reportsCount: {
    zh: (reported: number, expected: number) => `应报${expected}个单位，已报${reported}个。`,
    en: (reported: number, expected: number) => `${reported} of ${expected} expected reporters reported.`,
  },
  measuresAtLevel: {
    zh: (level: string, section: string) =>
      `按${level}执行以下强制性减排措施（预案${section}，各级措施逐级叠加）：`,
    en: (level: string, section: string) =>
      `Mandatory reductions in force at the ${level} (plan ${section}; each level adds to the one below):`,
  },
  noMeasures: {
    zh: '无生效预警，无需执行应急减排措施。',
    en: 'No warning in force: no emergency reductions apply.',
  },
  notComplying: { zh: '未落实：', en: 'Not complying:' },
  failingEnterprise: {
    zh: (name: string, reason: string) => `${name}：${reason}`,
    en: (name: string, reason: string) => `${name}: ${reason}`,
  },
  episodeTitle: {
    zh: (area: string) => `${area}重污染天气过程总结评估报告`,
    en: (area: string) => `Heavy-pollution episode report: ${area}`,
  },
  sectionIssued: { zh: '一、预警发布情况', en: '1. Warning issued' },
  sectionCourse: { zh: '二、污染过程', en: '2. Course of the pollution' },
  sectionResponse: { zh: '三、各部门响应情况', en: '3. Response of each department' },
  sectionEnterprises: { zh: '四、企业减排措施落实情况', en: '4. Enterprise measures carried out' },
  sectionReduction: { zh: '五、减排量核算', en: '5. Emission-reduction account' },
  columnApprovedAt: { zh: '批准时间', en: 'Approved' },
  columnApprovedBy: { zh: '批准人', en: 'Approved by' },
  columnFrom: { zh: '起始时间', en: 'From' },
  columnTo: { zh: '结束时间', en: 'To' },
  columnHours: { zh: '持续时长（小时）', en: 'Hours' },
  columnResponse: { zh: '响应级别', en: 'Response' },
  stillInForce: { zh: '仍在执行', en: 'still in force' },
  liftedAt: {
    zh: (at: string, hours: number) => `预警于${at}解除，共持续${hours}小时。`,
    en: (at: string, hours: number) => `Lifted at ${at}, after ${hours} hours.`,
  },
  notLifted: {
    zh: (hours: number) => `预警尚未解除，截至数据时间已持续${hours}小时。`,
    en: (hours: number) => `Not lifted yet: ${hours} hours so far at the data time.`,
  },
  courseCaption: {
    zh: '各单元日AQI（24小时滑动）与预警分级阈值，阴影为预警执行时段',
    en: 'Daily AQI (24-hour moving) of each unit against the grading thresholds; shading: warning periods',
  },
  threshold: { zh: (value: number) => `日AQI ${value}`, en: (value: number) => `daily AQI ${value}` },
  columnPeak: { zh: '峰值日AQI', en: 'Peak daily AQI' },
  columnHoursAbove: {
    zh: (value: number) => `日AQI>${value}小时数`,
    en: (value: number) => `Hours > ${value}`,
  },
  columnDaysReported: { zh: '报送天数/响应天数', en: 'Days reported / response days' },
  columnTarget: { zh: '目标', en: 'Target' },
  columnMet: { zh: '是否达标', en: 'Met' },
  columnGroup: {
    zh: (group: string) => `${group.toUpperCase()}削减比例`,
    en: (group: string) => `${group.toUpperCase()} cut`,
  },
  reductionBasis: {
    zh: (count: number, source: string) =>
      `核算基数：应急减排清单${count}家企业的排放量（${source}）；A级及保障类企业不计入补足要求（预案4.3.1）。`,
    en: (count: number, source: string) =>
      `Base: the emissions of ${count} listed enterprises (${source}); A-grade and guarantee-class enterprises need not top up (plan 4.3.1).`,
  },
  sampleList: { zh: '示例清单（合成数据）', en: 'sample list (synthetic data)' },
  importedList: {
    zh: (version: number) => `导入清单第${version}版`,
    en: (version: number) => `imported list v${version}`,
  },
  summaryDue: {
    zh: (days: number, due: string, section: string) =>
      `依据预案${section}，应急响应解除后${days}日内报送总结，截止${due}。`,
    en: (days: number, due: string, section: string) =>
      `Plan ${section}: the summary is due within ${days} day(s) of lifting, by ${due}.`,
  },
} satisfies Record<string, Entry>;

export type Word = keyof typeof entries;
type Args<W extends Word> = (typeof entries)[W] extends { zh: (...args: infer A) => string } ? A : [];

export function word<W extends Word>(language: DocumentLanguage, key: W, ...args: Args<W>): string {
  const text: unknown = entries[key][language];
  return typeof text === 'function' ? (text as (...values: unknown[]) => string)(...args) : (text as string);
}
