import type { Messages } from '../define';

type Level = 'yellow' | 'orange' | 'red';
const levelZh = { yellow: '黄色', orange: '橙色', red: '红色', none: '无' } as const;
/** English level words with their article: "an orange warning" (issue 15: English grammar). */
const levelEn = { yellow: 'a yellow', orange: 'an orange', red: 'a red', none: 'no' } as const;

/** Words of the commander console (/command). */
export const commandMessages = {
  consoleTitle: { zh: '重污染天气应急指挥台', en: 'Heavy-pollution command console' },
  signIn: { zh: '登录', en: 'Sign in' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  wrongPassword: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  tooManyAttempts: { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts, try again later' },
  signInFailed: { zh: '登录失败', en: 'Sign-in failed' },
  signedInAs: {
    zh: (user: string, role: string) => `${user}（${role}）`,
    en: (user: string, role: string) => `${user} (${role})`,
  },
  dataTimeBeijing: { zh: '数据时刻（北京时间）', en: 'Data time (Beijing time)' },
  connectingFirst: {
    zh: '正在连接实时数据…',
    en: 'Connecting to the live feed…',
  },

  // The decision section.
  decideNow: { zh: '当前需要决策', en: 'Decide now' },
  decideHint: {
    zh: '按预案推荐的行动，最紧急的在前：区域为互不重叠的覆盖（最多成员优先），单元为高于其区域级别或不在任何区域内的。',
    en: 'What the plan recommends, most urgent first: regions as a cover that does not overlap (most members first), then units above their region or in none.',
  },
  nothingToDecide: {
    zh: '当前及预报期内没有达到预警条件的区域或单元，无需提出预警。',
    en: 'No region or unit meets a warning level now or in the forecast: nothing to propose.',
  },
  dustLeftOut: {
    zh: (names: string) => `${names}的高值疑似沙尘，未参与分级：待办公室确认（见合规提示）。`,
    en: (names: string) =>
      `The high values of ${names} look like sand and dust and are not graded: the office is to confirm (see the compliance flags).`,
  },
  proposeRegion: {
    zh: (level: Level, count: number) => `提出${levelZh[level]}区域预警：${count}个相邻单元`,
    en: (level: Level, count: number) =>
      `Propose ${levelEn[level]} regional warning for these ${count} units`,
  },
  proposeUnit: {
    zh: (level: Level, name: string) => `提出${levelZh[level]}预警：${name}`,
    en: (level: Level, name: string) => `Propose ${levelEn[level]} warning for ${name}`,
  },
  regionalWarningOf: {
    zh: (level: Level, count: number) => `${levelZh[level]}区域预警：${count}个相邻单元`,
    en: (level: Level, count: number) =>
      `The ${levelEn[level].replace(/^an? /, '')} regional warning for these ${count} units`,
  },
  warningOf: {
    zh: (level: Level, name: string) => `${levelZh[level]}预警：${name}`,
    en: (level: Level, name: string) => `The ${levelEn[level].replace(/^an? /, '')} warning for ${name}`,
  },
  raiseTo: {
    zh: (level: Level, name: string) => `将${name}的预警升级为${levelZh[level]}`,
    en: (level: Level, name: string) =>
      `Raise the warning of ${name} to ${levelEn[level].replace(/^an? /, '')}`,
  },
  coveredInForce: { zh: '已生效，无需再提出', en: 'In force: nothing to propose' },
  coveredIssued: { zh: '已发布，待生效', en: 'Issued, not yet in effect' },
  coveredPending: { zh: '已提出，审批中', en: 'Proposed, under approval' },
  effectiveFrom: { zh: '建议生效', en: 'effective' },
  fromForecast: { zh: '据预报', en: 'forecast' },
  startsOnApproval: {
    zh: (proposed: string) => `批准即生效（原定${proposed}已过）`,
    en: (proposed: string) => `effective on approval (the proposed ${proposed} has passed)`,
  },
  holdsUntil: { zh: '持续至', en: 'holding until' },
  thatHourOnly: { zh: '仅该时刻达到条件', en: 'met in that hour only' },
  leadLeft: {
    zh: (hours: number) => `距提前量截止还有${hours}小时`,
    en: (hours: number) => `lead time left ${hours} h`,
  },
  leadPassed: {
    zh: (hours: number) => `已不足预案提前量（要求${hours}小时）：提出时需说明特殊情况`,
    en: (hours: number) =>
      `the plan's ${hours} h of lead is no longer possible: proposing needs a special-case reason`,
  },
  meanDailyAqi: {
    zh: (value: string) => `成员平均日AQI ${value}`,
    en: (value: string) => `members' mean daily AQI ${value}`,
  },
  dailyAqiOf: { zh: (value: string) => `日AQI ${value}`, en: (value: string) => `daily AQI ${value}` },
  showEvidence: { zh: '依据与曲线', en: 'Evidence' },
  hideEvidence: { zh: '收起依据', en: 'Hide evidence' },
  openProposal: { zh: '据此提出…', en: 'Propose…' },
  alternatives: {
    zh: (count: number) => `其他可选区域（${count}个，与上面的区域重叠，不能同时提出）`,
    en: (count: number) => `Other possible regions (${count}; they overlap the ones above, so not as well)`,
  },
  useInstead: { zh: '改用此区域', en: 'Use this region instead' },
  backToEngine: { zh: '恢复系统推荐', en: "Back to the engine's pick" },
  fixedRegion: {
    zh: '正在按您选定的区域重新覆盖：',
    en: 'Covering again around the region you chose:',
  },
  memberList: { zh: '成员', en: 'Members' },

  // Evidence.
  evidenceTitle: { zh: '依据', en: 'Evidence' },
  evidenceChart: {
    zh: '日AQI（24小时滑动）：实测至数据时刻，之后为预报；虚线为预警阈值，阴影为预报区间',
    en: 'Daily AQI (rolling 24 h): observed to the data time, forecast after; dashed lines are the thresholds, the shade the forecast range',
  },
  regionAverage: { zh: '区域平均', en: 'Region mean' },
  loadingSeries: { zh: '正在读取各成员序列…', en: "Reading the members' series…" },
  planClauses: { zh: '预案条款', en: 'Plan clauses' },
  thresholdLine: { zh: (value: number) => `AQI ${value}`, en: (value: number) => `AQI ${value}` },
  nowLine: { zh: '数据时刻', en: 'data time' },

  // Incomplete data.
  missingTitle: { zh: '数据不全的单元', en: 'Units with incomplete data' },
  missingNoValue: {
    zh: (name: string) => `${name}：无日AQI`,
    en: (name: string) => `${name}: no daily AQI`,
  },
  unitMissingIndicators: {
    zh: (name: string, list: string) => `${name}：日报告缺${list}（有效小时不足）`,
    en: (name: string, list: string) => `${name}: the daily report lacks ${list} (too few valid hours)`,
  },
  missingEffect: {
    zh: '按预案解释，缺测或≤100的不完整值按缺测处理，不当作空气清洁：含这些单元的区域在这些时刻没有平均值，不能据此判定区域预警。',
    en: 'A missing value, or a partial one of 100 or less, counts as missing, never as clean air: a region with these units has no mean at those hours and cannot be graded on them.',
  },

  // Compliance.
  complianceOk: { zh: '合规检查：无异常', en: 'Compliance: nothing flagged' },
  complianceTitle: {
    zh: (count: number) => `合规提示（预案第7章）· ${count}项`,
    en: (count: number) => `Compliance flags (plan §7) · ${count}`,
  },
  'flag-start-due': { zh: '达到启动条件但未启动', en: 'Conditions met, not started' },
  'flag-dust-unconfirmed': { zh: '疑似沙尘待确认', en: 'Likely dust, not confirmed' },
  'flag-upgrade-due': { zh: '应升级', en: 'Upgrade due' },
  'flag-lift-due': { zh: '达到解除条件但未解除', en: 'Lifting conditions met, not lifted' },
  'flag-lower-due': { zh: '达到降级条件但未降级', en: 'Lowering conditions met, not lowered' },
  'flag-without-grounds': { zh: '预警缺乏依据', en: 'Warning without grounds' },
  dustConfirm: { zh: '确认为沙尘', en: 'Confirm as sand and dust' },
  dustConfirmHours: {
    zh: (from: string, to: string, section: string) =>
      `办公室可确认${from}—${to}为沙尘天气：这些时段随之不参与预警分级，仅发布健康提示（${section}）。`,
    en: (from: string, to: string, section: string) =>
      `The office may confirm ${from}—${to} as sand and dust: those hours then leave the grading and only health advice applies (${section}).`,
  },
  dustReasonDefault: {
    zh: '首要污染物为PM10，PM2.5/PM10比值低，符合沙尘天气特征。',
    en: 'PM10 is the primary pollutant with a low PM2.5/PM10 ratio, as in sand and dust.',
  },
  // How long the decision has waited, not how long a warning has lasted: the decision card's "建议生效" is
  // the warning's own start (from the forecast, often later than this).
  flagFor: {
    zh: (hours: number, since: string) =>
      hours === 0 ? `刚转为待决（${since}）` : `已待决${hours}小时（自${since}起）`,
    en: (hours: number, since: string) =>
      hours === 0 ? `due just now (${since})` : `due for ${hours} h (since ${since})`,
  },
  region: { zh: '区域', en: 'Region' },
  why: { zh: '依据', en: 'Why' },

  // Proposal form.
  proposeTitle: { zh: '提出预警', en: 'Propose a warning' },
  notProposer: {
    zh: (roles: string) =>
      `本角色不能提出预警：按预案由办公室提出（${roles}）。您可以在下方审批、驳回或查看。`,
    en: (roles: string) =>
      `This role does not propose warnings: the office does (${roles}). You approve, reject or review below.`,
  },
  target: { zh: '对象', en: 'Target' },
  oneUnit: { zh: '单个单元', en: 'One unit' },
  regionTarget: { zh: '区域（≥3个相邻单元）', en: 'Region (3 or more contiguous units)' },
  unit: { zh: '单元', en: 'Unit' },
  membersPick: { zh: '请在“区域推演”中选择单元', en: 'pick units in the what-if' },
  level: { zh: '级别', en: 'Level' },
  effective: { zh: '生效时间（北京时间）', en: 'Effective (Beijing time)' },
  reason: { zh: '理由', en: 'Reason' },
  approvalChain: { zh: '审批程序：', en: 'Approval: ' },
  propose: { zh: '提出', en: 'Propose' },
  proposed: { zh: '预警建议已提出', en: 'Proposal sent' },
  checking: { zh: '正在按预案核对…', en: 'Checking against the plan…' },
  guardsTitle: {
    zh: '按预案，此操作目前不满足以下条件：',
    en: 'By the plan, this action does not meet these conditions now:',
  },
  guardsClear: { zh: '预案条件均满足', en: "The plan's conditions hold" },
  overrideReason: {
    zh: '特殊情况理由（至少10个字，将记录在预警历史和审计中）',
    en: 'Special-case reason (at least 10 characters; kept in the history and the audit)',
  },
  overrideNeeded: {
    zh: '如确属特殊情况，请填写理由后继续',
    en: 'If this is a special case, give the reason to go ahead',
  },
  overrideGiven: {
    zh: (who: string) => `特殊情况（${who}）：`,
    en: (who: string) => `Special case (${who}): `,
  },
  'guard-level-unsupported': { zh: '级别无依据', en: 'Level not supported' },
  'guard-lift-conditions': { zh: '未满足解除条件', en: 'Lifting conditions not met' },
  'guard-lower-conditions': { zh: '未满足降级条件', en: 'Lowering conditions not met' },
  'guard-backdated': { zh: '生效时间早于数据时刻', en: 'Backdated' },
  'guard-lead-time': { zh: '提前量不足', en: 'Short lead time' },

  // Decisions and warning cards.
  decisionsTitle: { zh: '决策与审批', en: 'Decisions and approvals' },
  awaitingMe: { zh: (role: string) => `待我处理（${role}）`, en: (role: string) => `Awaiting me (${role})` },
  nothingAwaits: { zh: '暂无待办', en: 'Nothing awaits you' },
  openWarnings: { zh: '在办预警', en: 'Open warnings' },
  noneOpen: { zh: '无', en: 'None' },
  closedWarnings: { zh: (count: number) => `已结束（${count}）`, en: (count: number) => `Closed (${count})` },
  'status-proposed': { zh: '已提出', en: 'proposed' },
  'status-under-approval': { zh: '审批中', en: 'under approval' },
  'status-issued': { zh: '已发布（未生效）', en: 'issued, not yet in effect' },
  'status-active': { zh: '生效中', en: 'in force' },
  'status-rejected': { zh: '已驳回', en: 'rejected' },
  'status-cancelled': { zh: '已取消', en: 'cancelled' },
  'status-lifted': { zh: '已解除', en: 'lifted' },
  approvedAt: { zh: '批准级别', en: 'approved' },
  takesEffectAt: {
    zh: (at: string) => `${at}（北京时间）起生效`,
    en: (at: string) => `in force from ${at} Beijing time`,
  },
  shortLead: {
    zh: (actual: number, required: number, section: string) =>
      `提前量不足：要求${required}小时，实际${actual}小时（${section}）`,
    en: (actual: number, required: number, section: string) =>
      `Short lead time: ${actual} h of the ${required} h asked (${section})`,
  },
  'pending-issue': { zh: '发布审批', en: 'Approval to issue' },
  'pending-raise': { zh: '升级审批', en: 'Approval to raise' },
  'pending-lower': { zh: '降级审批', en: 'Approval to lower' },
  waiting: { zh: '待办', en: 'waiting' },
  historyTitle: { zh: '经过', en: 'History' },
  eventsClock: {
    zh: '时间为数据时刻（北京时间），即操作时引擎所在的小时',
    en: 'Times are data times (Beijing time): the engine hour when the step was taken',
  },
  'outcome-proposed': { zh: '提出', en: 'proposed' },
  'outcome-signed': { zh: '签署', en: 'signed' },
  'outcome-issued': { zh: '批准发布', en: 'approved and issued' },
  'outcome-rejected': { zh: '驳回', en: 'rejected' },
  'outcome-change-proposed': { zh: '提出调整', en: 'proposed a level change' },
  'outcome-raised': { zh: '批准升级', en: 'approved the raise' },
  'outcome-lowered': { zh: '批准降级', en: 'approved the lowering' },
  'outcome-change-rejected': { zh: '驳回调整', en: 'rejected the level change' },
  'outcome-lifted': { zh: '解除', en: 'lifted' },
  'outcome-cancelled': { zh: '取消', en: 'cancelled' },
  'outcome-overridden': { zh: '特殊情况调整', en: 'kept a member lower (special case)' },
  'outcome-dust-confirmed': { zh: '确认沙尘', en: 'confirmed dust' },
  comment: { zh: '意见/理由', en: 'Comment or reason' },
  giveReason: { zh: '请填写意见或理由', en: 'Give a comment or reason' },
  done: { zh: '已提交', en: 'Done' },
  'action-sign': { zh: (step: string) => `签署（${step}）`, en: (step: string) => `Sign (${step})` },
  'action-issue-issue': { zh: '批准发布', en: 'Approve and issue' },
  'action-issue-raise': { zh: '批准升级', en: 'Approve the raise' },
  'action-issue-lower': { zh: '批准降级', en: 'Approve the lowering' },
  'action-reject': { zh: '驳回', en: 'Reject' },
  'action-change': { zh: '调整级别', en: 'Change level' },
  changeTo: { zh: '调整到', en: 'Change to' },
  'action-lift': { zh: '解除预警', en: 'Lift' },
  'action-cancel': { zh: '取消预警', en: 'Cancel' },
  'action-override': { zh: '特殊情况降一级响应', en: 'Keep one level lower (special case)' },
  memberToKeep: { zh: '特殊情况成员', en: 'Member to keep lower' },
  pickMember: { zh: '选择成员', en: 'Member' },
  proceedSpecial: { zh: '按特殊情况继续', en: 'Go ahead as a special case' },
  whyNoButtons: {
    zh: (role: string) => `${role}对此预警目前没有可执行的操作。`,
    en: (role: string) => `Nothing for the ${role.toLowerCase()} to do on this warning now.`,
  },

  // Lifting line and countdown.
  liftingMet: { zh: '已达到解除条件', en: 'Lifting conditions met' },
  loweringMet: { zh: '已达到降级条件', en: 'Lowering conditions met' },
  liftableAt: {
    zh: (at: string, hours: number) => `按预报，${at}（${hours}小时后）起可解除`,
    en: (at: string, hours: number) => `By the forecast, it may be lifted from ${at} (in ${hours} h)`,
  },
  lowerableAt: {
    zh: (at: string, hours: number, level: string) => `按预报，${at}（${hours}小时后）起可降为${level}`,
    en: (at: string, hours: number, level: string) =>
      `By the forecast, it may be lowered to ${level} from ${at} (in ${hours} h)`,
  },
  notWithinForecast: {
    zh: (until: string, hours: number) => `预报至${until}，期内不满足连续${hours}小时改善，暂不能解除`,
    en: (until: string, hours: number) =>
      `The forecast reaches ${until}: it shows no ${hours} h of improvement, so no lifting yet`,
  },
  forecastShort: {
    zh: (until: string, hours: number) => `预报仅到${until}，不足以判断连续${hours}小时改善：需要更长的预报`,
    en: (until: string, hours: number) =>
      `The forecast only reaches ${until}: too short to show ${hours} h of improvement; a longer forecast is needed`,
  },
  liftTogether: {
    zh: (names: string) => `区域预警按成员平均判断，整体一起解除：${names}`,
    en: (names: string) => `A regional warning is judged on its members' mean and lifts as one: ${names}`,
  },
  stillOwnLevel: {
    zh: (names: string) => `其中仍达到自身预警条件的：${names}（解除区域后需各自预警）`,
    en: (names: string) =>
      `Still meeting a level on their own: ${names} (they need their own warnings once the region lifts)`,
  },

  // Decision packets.
  packetsTitle: { zh: '决策依据包', en: 'Decision packets' },
  'packet-issued': { zh: '发布时', en: 'at issue' },
  'packet-raised': { zh: '升级时', en: 'at the raise' },
  'packet-lowered': { zh: '降级时', en: 'at the lowering' },
  'packet-lifted': { zh: '解除时', en: 'at lifting' },
  openPacket: { zh: '查看', en: 'Open' },
  exportPacket: { zh: '导出（JSON）', en: 'Export (JSON)' },
  packetFrozen: {
    zh: (at: string, frozen: string) => `数据时刻${at}的依据，冻结于${frozen}`,
    en: (at: string, frozen: string) => `Evidence at data time ${at}, frozen at ${frozen}`,
  },
  packetShowMap: { zh: '显示当时的地图', en: 'Show the map then' },
  packetMap: { zh: '依据包冻结状态的地图', en: "Map of the packet's frozen state" },
  packetMapDownload: { zh: '下载地图（PNG）', en: 'Download the map (PNG)' },
  packetGuards: { zh: '当时越过的预案条件', en: 'Plan conditions overridden then' },
  packetRecommendation: { zh: '当时的推荐', en: 'The recommendation then' },

  // What-if.
  whatIfTitle: { zh: '区域推演', en: 'Regional what-if' },
  whatIfHint: {
    zh: '在地图上点击单元或勾选下表以加入/移出区域。',
    en: 'Click units on the map or tick them below to add or remove them.',
  },
  units: { zh: '单元', en: 'Units' },
  selectedCount: {
    zh: (count: number) => `所选${count}个单元：`,
    en: (count: number) => `${count} units selected: `,
  },
  contiguous: { zh: '相邻连片', en: 'contiguous' },
  notContiguous: { zh: '不连片', en: 'not contiguous' },
  enoughUnits: { zh: '数量≥3', en: '3 or more units' },
  tooFewUnits: { zh: '不足3个', en: 'fewer than 3' },
  averagedLevel: { zh: '平均日AQI所达等级：', en: 'Level of the averaged daily AQI: ' },
  aUnitLacksData: { zh: '（有单元缺数据）', en: ' (a unit has no data)' },
  mayFormRegion: { zh: '可构成区域预警', en: 'May form a regional warning' },
  noRegion: { zh: '不构成区域预警', en: 'Does not form a regional warning' },
  sameAsRecommended: { zh: '与推荐区域一致', en: 'Same as a recommended region' },
  overlapsRecommended: {
    zh: (names: string) => `与推荐区域重叠：${names}`,
    en: (names: string) => `Overlaps recommended regions: ${names}`,
  },
  noRecommendedRegion: { zh: '推荐中没有包含所选单元的区域', en: 'No recommended region holds these units' },
  draftRegion: { zh: '以所选单元拟提出区域预警', en: 'Draft a regional proposal for these units' },

  // Response, reporting, enterprises, audit.
  responseTitle: { zh: '应急响应', en: 'Response' },
  noResponse: { zh: '当前无生效预警，无需启动响应措施', en: 'No level in force: no response measures' },
  responseLevel: {
    zh: (grade: string, names: string) => `${grade}级响应：${names}`,
    en: (grade: string, names: string) => `Level ${grade} response: ${names}`,
  },
  measuresCumulative: { zh: '措施清单（逐级累加）', en: 'Measures (each level adds to the one below)' },
  'group-health': { zh: '健康防护措施', en: 'Health protection' },
  'group-advocacy': { zh: '倡议性减排措施', en: 'Advocated reductions' },
  'group-mandatory': { zh: '强制性减排措施', en: 'Mandatory reductions' },
  'category-industrial': { zh: '工业源', en: 'Industry' },
  'category-mobile': { zh: '移动源', en: 'Mobile sources' },
  'category-dust': { zh: '扬尘源', en: 'Dust sources' },
  'category-other': { zh: '其他', en: 'Other' },
  responsible: { zh: '责任单位：', en: 'Responsible: ' },
  enterprisesAccount: { zh: '涉及企业与减排核算', en: 'Enterprises and reduction account' },
  pollutant: { zh: '污染物', en: 'Pollutant' },
  emissions: { zh: '排放量 t/a', en: 'Emissions t/a' },
  reduction: { zh: '减排量 t/a', en: 'Reduction t/a' },
  share: { zh: '比例', en: 'Share' },
  targetShare: { zh: '目标', en: 'Target' },
  met: { zh: '达标', en: 'Met' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  particulate: { zh: '颗粒物', en: 'Particulate matter' },
  tradeOff: {
    zh: 'SO₂、NOx 可相互替代，但二者合计比例不得低于目标；单项比例：',
    en: 'SO₂ and NOx may be traded off but their combined share must reach the target; on their own: ',
  },
  enterprisesSummary: {
    zh: (total: number, ok: number, bad: number, unchecked: number) =>
      `涉及企业（${total}家；已落实${ok}，未落实${bad}，待检查${unchecked}）`,
    en: (total: number, ok: number, bad: number, unchecked: number) =>
      `Enterprises (${total}; complying ${ok}, not complying ${bad}, unchecked ${unchecked})`,
  },
  enterprise: { zh: '企业', en: 'Enterprise' },
  requiredAction: { zh: '要求措施', en: 'Required action' },
  complianceColumn: { zh: '落实情况', en: 'Compliance' },
  lastCheckBeijing: { zh: '最近检查（北京时间）', en: 'Last check (Beijing time)' },
  record: { zh: '记录', en: 'Record' },
  recorded: { zh: '已记录', en: 'Recorded' },
  recordCheck: { zh: '记录检查', en: 'Record check' },
  recordCheckOf: {
    zh: (name: string) => `记录检查：${name}`,
    en: (name: string) => `Record a check: ${name}`,
  },
  observed: { zh: '检查结果', en: 'Observed' },
  loadPercent: { zh: '负荷（占正常生产 %）', en: 'Load (% of normal)' },
  note: { zh: '备注', en: 'Note' },
  reporting: { zh: '信息报送', en: 'Reporting' },
  reportsFor: {
    zh: (date: string) => `${date}（前一日）报送情况：`,
    en: (date: string) => `Reports for ${date} (previous day): `,
  },
  reportCounts: {
    zh: (reported: number, expected: number) => `已报送 ${reported} / 应报送 ${expected}`,
    en: (reported: number, expected: number) => `reported ${reported} / expected ${expected}`,
  },
  refresh: { zh: '刷新', en: 'Refresh' },
  reportSummary: {
    zh: '报送摘要（可选，随下一次登记保存）',
    en: 'Summary (optional, saved with the next record)',
  },
  reportsTable: {
    zh: (date: string) => `${date} 各单位报送情况`,
    en: (date: string) => `Daily reports for ${date}`,
  },
  reporter: { zh: '报送单位', en: 'Reporter' },
  status: { zh: '状态', en: 'Status' },
  received: { zh: '接收时间（北京时间）', en: 'Received (Beijing time)' },
  recordedBy: { zh: '登记人', en: 'Recorded by' },
  action: { zh: '操作', en: 'Action' },
  reported: { zh: '已报送', en: 'reported' },
  notReported: { zh: '未报送', en: 'not reported' },
  recordReport: { zh: '登记已报送', en: 'Record report' },
  recordReportOf: {
    zh: (name: string) => `登记已报送：${name}`,
    en: (name: string) => `Record report: ${name}`,
  },
  recordedReport: { zh: (name: string) => `已登记：${name}`, en: (name: string) => `Recorded: ${name}` },
  countiesRegiments: { zh: '县市、团场', en: 'Counties, cities and regiments' },
  counties: { zh: '县（市）', en: 'Counties and cities' },
  memberUnits: { zh: '成员单位', en: 'Member units' },
  auditTitle: { zh: '审计时间线', en: 'Audit timeline' },
  auditClock: {
    zh: '时间为服务器收到操作的北京时间（墙上时钟）；预警事件另有数据时刻',
    en: 'Times are when the server received the action (wall clock, Beijing time); warning events also carry their data time',
  },
  search: { zh: '搜索', en: 'Search' },
  showMachine: { zh: '显示数据接入记录', en: 'Show data-feed entries' },
  auditForbidden: { zh: '本角色无权查看审计日志', en: 'This role may not read the audit log' },
  eventAt: { zh: (at: string) => `数据时刻${at}`, en: (at: string) => `data time ${at}` },
  'observed-normal': { zh: '正常生产', en: 'Normal production' },
  'observed-reduced': { zh: '限产', en: 'Reduced' },
  'observed-staggered': { zh: '错峰生产', en: 'Staggered' },
  'observed-stopped': { zh: '停产', en: 'Stopped' },
  'observed-trucks-restricted': { zh: '运输管控落实', en: 'Truck transport restricted' },
  'measure-none': { zh: '无减排要求', en: 'No reduction asked' },
  'measure-stop': { zh: '停产', en: 'Stop production' },
  'measure-cut': {
    zh: (percent: number) => `限产${percent}%`,
    en: (percent: number) => `Cut output by ${percent}%`,
  },
  'measure-staggered': {
    zh: (percent: number) => `错峰生产（减${percent}%）`,
    en: (percent: number) => `Staggered production (−${percent}%)`,
  },
  'measure-transport': { zh: '限制重型车辆运输', en: 'Restrict heavy-truck transport' },
  'compliance-complying': { zh: '已落实', en: 'complying' },
  'compliance-not-complying': { zh: '未落实', en: 'not complying' },
  'compliance-unchecked': { zh: '待检查', en: 'unchecked' },
  'compliance-not-required': { zh: '无需落实', en: 'not required' },
  forecastImportTitle: { zh: '导入预报表', en: 'Import a forecast table' },
  forecastImportHint: {
    zh: '预报会商结果表（CSV，UTF-8或GBK）：每个区县、每日一行，列为区县、日期、AQI，可加AQI下限、AQI上限、首要污染物。日期指该日0–24时的日均值。',
    en: "The forecast table (CSV, UTF-8 or GBK): one row per unit and day, columns 区县 (unit), 日期 (date), AQI, optionally AQI下限, AQI上限 (range) and 首要污染物 (primary pollutant). A date is that day's 0–24 h mean.",
  },
  forecastFile: { zh: '文件', en: 'File' },
  forecastIssuedAt: { zh: '发布时间（北京时间）', en: 'Issued at (Beijing time)' },
  forecastSource: { zh: '发布单位', en: 'Issued by' },
  forecastImportSubmit: { zh: '导入', en: 'Import' },
  forecastRefused: {
    zh: (issues: string) => `未导入，表中有误，未写入任何一行：${issues}`,
    en: (issues: string) => `Not imported: the table has errors, no row was written: ${issues}`,
  },
  forecastImported: {
    zh: (accepted: number, written: number, superseded: number) =>
      `已导入${accepted}行：${written}行生效${superseded > 0 ? `，${superseded}行已有更新的预报` : ''}。`,
    en: (accepted: number, written: number, superseded: number) =>
      `Imported ${accepted} rows: ${written} now stand${superseded > 0 ? `, ${superseded} already have a newer forecast` : ''}.`,
  },
} satisfies Messages;
