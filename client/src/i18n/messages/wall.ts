import type { IssuedLevel } from '../../../../shared/plans/schema';
import type { Messages } from '../define';

const levelZh: Record<IssuedLevel, string> = { yellow: '黄色', orange: '橙色', red: '红色' };
const levelEn: Record<IssuedLevel, string> = { yellow: 'yellow', orange: 'orange', red: 'red' };

/** Words of the wall display (/wall) and the situational map's panels. */
export const wallMessages = {
  partialShort: {
    zh: (species: string) => `缺${species}，数据不完整`,
    en: (species: string) => `incomplete: no ${species}`,
  },
  partialValue: {
    zh: (species: string) => `数据不完整：缺${species}（不按类别着色）`,
    en: (species: string) => `Incomplete: ${species} missing (no category colour)`,
  },
  regionFoundShort: {
    zh: (level: IssuedLevel) => `区域达${levelZh[level]}条件`,
    en: (level: IssuedLevel) => `area meets ${levelEn[level]}`,
  },
  regionFoundAheadShort: {
    zh: (level: IssuedLevel, at: string) => `区域预计${at}起达${levelZh[level]}条件`,
    en: (level: IssuedLevel, at: string) => `area meets ${levelEn[level]} from ${at}`,
  },
  regionFound: { zh: '所在区域达到', en: 'Its area meets' },
  regionFoundAhead: { zh: (at: string) => `（预计${at}起）`, en: (at: string) => ` (forecast, from ${at})` },
  externalUnanswered: {
    zh: (level: IssuedLevel) => `自治区${levelZh[level]}预警·州未响应`,
    en: (level: IssuedLevel) => `XUAR ${levelEn[level]}: no response`,
  },
  externalAnswered: {
    zh: (level: IssuedLevel) => `自治区${levelZh[level]}预警·州已响应`,
    en: (level: IssuedLevel) => `XUAR ${levelEn[level]}: responding`,
  },
  externalWarning: {
    zh: (level: IssuedLevel) => `自治区${levelZh[level]}区域预警`,
    en: (level: IssuedLevel) => `Autonomous region's ${levelEn[level]} regional warning`,
  },
  externalCitation: {
    zh: '克州预案3.3.2：州级响应不低于自治区预警级别',
    en: 'Kizilsu plan 3.3.2: respond at no lower level',
  },
  responseStarted: {
    zh: (level: IssuedLevel) => `州级响应已启动（${levelZh[level]}）`,
    en: (level: IssuedLevel) => `Prefecture response started (${levelEn[level]})`,
  },
  responseNotStarted: {
    zh: (level: IssuedLevel) => `州级响应未启动：应启动不低于${levelZh[level]}的响应`,
    en: (level: IssuedLevel) => `Prefecture response not started: due at ${levelEn[level]} or higher`,
  },
  decisionsDue: { zh: '待决策（预案第7章）', en: 'Decisions due (plan §7)' },
  itemCount: { zh: (count: number) => ` · ${count}项`, en: (count: number) => ` · ${count}` },
  wallListsCut: {
    zh: '▼ 列表未显示完整，全部内容见指挥台',
    en: '▼ More than fits here: see the commander console',
  },
  noDecisionsDue: { zh: '无待决事项', en: 'Nothing due' },
  // A wall names a region by its first unit and size (the map hatches its members): eighteen names would
  // push the legend off the screen.
  dueRegion: {
    zh: (first: string, count: number) => `${first}等${count}个单元组成的区域`,
    en: (first: string, count: number) => `Region of ${count} units (${first} and others)`,
  },
  // How long the decision has waited (a bare "已持续N小时" beside a level read as a warning lasting N hours).
  dueJustNow: { zh: '刚转为待决', en: 'due just now' },
  dueFor: {
    zh: (hours: number, since: string) => `已待决${hours}小时（自${since}起）`,
    en: (hours: number, since: string) => `due for ${hours} h (since ${since})`,
  },
  unitsCount: { zh: (count: number) => `${count}个单元`, en: (count: number) => `${count} units` },
  dataTime: { zh: '数据时间', en: 'Data as of' },
  wallClock: { zh: '现在（北京时间）', en: 'Now (Beijing time)' },
  feedQuiet: {
    zh: (minutes: number) => `已${minutes}分钟未收到新数据`,
    en: (minutes: number) => `No new data for ${minutes} min`,
  },
  feedLost: {
    zh: (time: string) => `与服务器的连接已断开（${time}起），画面停在断开前的数据`,
    en: (time: string) => `Connection to the server lost since ${time}: the wall shows the data from before`,
  },
  staleUnits: {
    zh: (count: number) => `${count}个单元超过2小时无新数据`,
    en: (count: number) => `${count} units without data for 2+ h`,
  },
  whatChanged: { zh: '最新变化', en: 'What changed' },
  noChanges: { zh: '本屏打开以来暂无变化', en: 'No change since this screen opened' },
  changeIssued: {
    zh: (target: string, level: IssuedLevel) => `${target} 发布${levelZh[level]}预警`,
    en: (target: string, level: IssuedLevel) => `${target}: ${levelEn[level]} warning issued`,
  },
  changeRaised: {
    zh: (target: string, level: IssuedLevel) => `${target} 升级为${levelZh[level]}预警`,
    en: (target: string, level: IssuedLevel) => `${target}: raised to ${levelEn[level]}`,
  },
  changeLowered: {
    zh: (target: string, level: IssuedLevel) => `${target} 降级为${levelZh[level]}预警`,
    en: (target: string, level: IssuedLevel) => `${target}: lowered to ${levelEn[level]}`,
  },
  changeLifted: {
    zh: (target: string) => `${target} 解除预警`,
    en: (target: string) => `${target}: warning lifted`,
  },
  changeExternalSet: {
    zh: (level: IssuedLevel) => `自治区发布${levelZh[level]}区域预警（克州）`,
    en: (level: IssuedLevel) =>
      `Autonomous region issued ${level === 'orange' ? 'an' : 'a'} ${levelEn[level]} regional warning (Kizilsu)`,
  },
  changeExternalLifted: {
    zh: '自治区区域预警解除（克州）',
    en: "Autonomous region's regional warning lifted (Kizilsu)",
  },
  changeStationStale: {
    zh: (station: string) => `${station} 停报（超过2小时无数据）`,
    en: (station: string) => `${station} silent for 2+ h`,
  },
  changeStationBack: {
    zh: (station: string) => `${station} 恢复报送`,
    en: (station: string) => `${station} reporting again`,
  },
  changeClockBack: {
    zh: (place: string) => `${place}数据时间回到此刻：回放开始新一轮，此前的变化已清除`,
    en: (place: string) =>
      `${place}: data time set back to this hour, the replay's next pass (earlier changes cleared)`,
  },
  staleStations: { zh: '停报站点', en: 'Silent stations' },
  noStaleStations: { zh: '全部站点正常报送', en: 'All stations reporting' },
  lastHour: { zh: (time: string) => `最后数据 ${time}`, en: (time: string) => `last data ${time}` },
  worstArea: {
    zh: (place: string, level: IssuedLevel, count: number) =>
      `最重区域：${place}${levelZh[level]}预警（${count}个单元）`,
    en: (place: string, level: IssuedLevel, count: number) =>
      `Worst area: ${place}, ${levelEn[level]} warning (${count} units)`,
  },
  worstDue: {
    zh: (place: string, level: IssuedLevel, count: number) =>
      `最重区域：${place}达到${levelZh[level]}预警条件（${count}个单元，尚未发布）`,
    en: (place: string, level: IssuedLevel, count: number) =>
      `Worst area: ${place} meets ${levelEn[level]} criteria (${count} units, not issued)`,
  },
  worstAqi: {
    zh: (place: string, unit: string, aqi: number) => `最重区域：${place}无生效预警，AQI最高 ${unit} ${aqi}`,
    en: (place: string, unit: string, aqi: number) =>
      `Worst area: ${place}, no warning; highest AQI ${unit} ${aqi}`,
  },
  legendWarned: {
    zh: '预警单元：黑白斜线＋粗色带（线越密级别越高）',
    en: 'Warned unit: black-and-white hatching and a thick band (denser for higher levels)',
  },
  legendRegionFound: {
    zh: '区域达到预警条件（尚未发布）',
    en: 'Area meets warning criteria (not yet issued)',
  },
  legendPartial: {
    zh: '数据不完整（缺指标，不按类别着色）',
    en: 'Incomplete data (indicators missing; no category colour)',
  },
  listSeparator: { zh: '、', en: ', ' },
  openBracket: { zh: '（', en: ' (' },
  closeBracket: { zh: '）', en: ')' },
  colon: { zh: '：', en: ': ' },
  indicator: { zh: '指标', en: 'Indicator' },
  concentration: { zh: '浓度', en: 'Concentration' },
  hourlyReport: { zh: '实时报', en: 'Hourly report' },
  dailyReportWindow: { zh: '日报(24小时窗口)', en: 'Daily report (24 h window)' },
  avgO3Daily8h: { zh: '日最大8小时滑动平均', en: 'daily max 8 h mean' },
  avgO3Moving8h: { zh: '8小时滑动平均', en: '8 h moving mean' },
  avgO3Daily1h: { zh: '日最大1小时', en: 'daily max 1 h' },
  avg24h: { zh: '24小时平均', en: '24 h mean' },
  avgMoving24h: { zh: '24小时滑动平均', en: '24 h moving mean' },
  avg1h: { zh: '1小时平均', en: '1 h mean' },
  missingIndicators: { zh: '缺失指标', en: 'Missing indicators' },
  noLevelInForce: { zh: '当前无生效预警', en: 'No level in force' },
  checksNotLoaded: { zh: '检查记录未取得', en: 'Checks not loaded' },
  lastCheckNone: { zh: '最近检查：无', en: 'Last check: none' },
  lastCheck: {
    zh: (at: string, observed: string, load: number | null, by: string) =>
      `最近检查：${at} ${observed}${load === null ? '' : `（负荷${load}%）`}（${by}）`,
    en: (at: string, observed: string, load: number | null, by: string) =>
      `Last check: ${at} ${observed}${load === null ? '' : ` (load ${load}%)`} (by ${by})`,
  },
  enterpriseHeading: {
    zh: (name: string, grade: string) => `${name}（${grade}）`,
    en: (name: string, grade: string) => `${name} (${grade})`,
  },
  enterpriseDuty: {
    zh: (level: string, measure: string) => `${level}：${measure}`,
    en: (level: string, measure: string) => `${level} warning: ${measure}`,
  },
  // The map's rings and legend (issue 7); "unchecked" there means a measure is due and nobody has looked yet.
  'ring-complying': { zh: '已落实', en: 'Complying' },
  'ring-not-complying': { zh: '未落实', en: 'Not complying' },
  'ring-unchecked': { zh: '应落实，待检查', en: 'Required, not yet checked' },
  'ring-not-required': { zh: '无需落实', en: 'Not required' },
} satisfies Messages;
