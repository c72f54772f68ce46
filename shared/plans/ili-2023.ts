import { type Measure, measure, type Plan, planSchema } from './schema';
import { standardGrading } from './standard-grading';

/**
 * 伊犁哈萨克自治州重污染天气应急预案（2023年修订版）, 伊州政办发〔2023〕31号, as data
 * (seeds/004_2d78cab14c0b63a5.txt from line 700). The gazette text lost the heading numbers; we
 * renumbered from the heading order (1 总则 … 3.3.1 预警分级指标 …), anchored by the printed
 * "4.3.1.1 工业源管控", and cite each section as "number heading" so a reader can find it either way.
 */

const propaganda = '自治州党委宣传部、第四师可克达拉市党委宣传部';
const ecology = '自治州生态环境局、第四师可克达拉市生态环境局';
const industry = '自治州工业和信息化局、第四师可克达拉市工业和信息化局';
const health = '自治州卫生健康委员会、第四师可克达拉市卫生健康委员会';
const police = '自治州公安局、第四师可克达拉市公安局';
const housing = '自治州住房和城乡建设局、第四师可克达拉市住房和城乡建设局';
const resources = '自治州自然资源局、第四师可克达拉市自然资源和规划局';
const transport = '自治州交通运输局、第四师可克达拉市交通运输局';
const agriculture = '自治州农业农村局、第四师可克达拉市农业农村局';
const education = '自治州教育局、第四师可克达拉市教育局';
const development = '自治州发展改革委、第四师可克达拉市发展改革委';
const power = '国网伊犁伊河供电有限责任公司';

const yellowHealth = '4.3.2.1 Ⅲ级健康防护措施';
const yellowAdvocacy = '4.3.2.2 Ⅲ级倡议性减排措施';
const yellowMandatory = '4.3.2.3 Ⅲ级强制性减排措施';
const orangeHealth = '4.3.3.1 Ⅱ级健康防护措施';
const orangeAdvocacy = '4.3.3.2 Ⅱ级倡议性减排措施';
const orangeMandatory = '4.3.3.3 Ⅱ级强制性减排措施';
const redHealth = '4.3.4.1 I级健康防护措施';
const redAdvocacy = '4.3.4.2 I级倡议性减排措施';
const redMandatory = '4.3.4.3 I级强制性减排措施';

const measures: Measure[] = [
  measure(
    'yellow',
    'health',
    null,
    yellowHealth,
    '儿童、老年人和呼吸道疾病、心脑血管疾病及其他慢性疾病患者等易感人群尽量留在室内，减少户外运动。',
    'Sensitive groups stay indoors as far as possible and reduce outdoor exercise.',
    [health],
  ),
  measure(
    'yellow',
    'health',
    null,
    yellowHealth,
    '一般人群减少户外运动和室外作业时间，如不可避免，应采取防护措施，缩短户外工作时间。',
    'The general public reduces outdoor exercise and outdoor work, with protection if unavoidable.',
    [health],
  ),
  measure(
    'yellow',
    'health',
    null,
    yellowHealth,
    '中小学、幼儿园合理调整教学计划，尽量安排室内课程。',
    'Schools and kindergartens move lessons indoors.',
    [education],
  ),
  measure(
    'yellow',
    'health',
    null,
    yellowHealth,
    '重污染天气时应停止举办大型群众性户外活动。',
    'Large outdoor public events stop.',
    [police],
  ),
  measure(
    'yellow',
    'health',
    null,
    yellowHealth,
    '生态环境、卫生健康、教育等部门和州直各县市、兵团四师各团场分别按行业和属地管理要求，加强对重污染天气应急、健康防护等方面科普知识的宣传。',
    'Ecology, health and education departments, counties and regiments publicise health protection.',
    [ecology, health, education, propaganda],
  ),
  measure(
    'yellow',
    'advocacy',
    null,
    yellowAdvocacy,
    '倡导公众绿色出行，尽量乘坐公共交通工具或电动汽车等出行，驻车及时熄火，减少车辆原地怠速运行时间。',
    'Encourage public transport and electric vehicles; switch engines off when parked.',
    [propaganda, transport],
  ),
  measure(
    'yellow',
    'advocacy',
    null,
    yellowAdvocacy,
    '倡导公众绿色消费，单位和公众尽量减少含挥发性有机物的涂料、油漆、溶剂等原材料及产品的使用。',
    'Encourage less use of VOC-containing paints and solvents.',
    [propaganda],
  ),
  measure(
    'yellow',
    'advocacy',
    null,
    yellowAdvocacy,
    '倡导公众绿色生活，减少能源消耗。',
    'Encourage lower energy use.',
    [propaganda, development],
  ),
  measure(
    'yellow',
    'mandatory',
    'industrial',
    yellowMandatory,
    '（1）工业源减排措施。执行当地重污染天气工业源应急减排清单黄色预警减排措施，采取降低生产负荷、限产、停产、降低装载量/装载频次、停用国Ⅳ及以下重型货车运输等措施。钢铁、焦化、石化、化工、煤制氮肥等行业/工段按照“一厂一策”要求，进行限产、停产、停用国Ⅳ及以下重型货车运输、大宗物料错峰运输等措施；小微涉气企业停用国Ⅳ及以下重型货车运输。加强督查和执法检查，确保涉气工业企业减排措施落实到位。',
    'Industry: apply the yellow column of the local emission-reduction list (lower load, curtail or stop, stop China IV and older heavy trucks; steel, coking, petrochemical, chemical and coal-to-fertiliser sections per their one-plant plans); small-micro enterprises stop China IV and older heavy trucks.',
    [ecology, industry],
  ),
  measure(
    'yellow',
    'mandatory',
    'mobile',
    yellowMandatory,
    '（2）移动源减排措施。执行当地重污染天气移动源应急减排清单黄色预警减排措施。加大不合格非道路移动机械监督检查频次，依法查处违法行为。减少建筑垃圾、渣土、砂石等散装物料运输车辆上路行驶。',
    'Mobile sources: apply the yellow list; inspect non-road machinery more often; fewer bulk-material trucks on the road.',
    [police, transport, ecology],
  ),
  measure(
    'yellow',
    'mandatory',
    'dust',
    yellowMandatory,
    '（3）扬尘源减排措施。执行当地重污染天气扬尘源应急减排清单黄色预警减排措施。施工工地应采取禁止混凝土搅拌、建筑拆除、渣土车运输、土石方作业等管控措施。砖厂、砂石场、白灰场停止露天作业。',
    'Dust sources: construction sites stop concrete mixing, demolition, muck trucks and earthworks; brick works, sand-and-gravel and lime yards stop open-air work.',
    [housing, resources],
  ),
  measure(
    'yellow',
    'mandatory',
    'other',
    yellowMandatory,
    '（4）其他减排措施。严格落实农作物秸秆、树叶、垃圾等露天禁烧措施，加强餐饮油烟处理设施运行情况监管，全面禁止露天烧烤，禁止燃放烟花爆竹。督导相关企业严格落实季节性调控生产措施。督导相关企业停止室外喷涂、粉刷、切割、焊接等作业。',
    'Other: no open burning, no open-air barbecue, no fireworks; restaurant fume control; seasonal production controls; no outdoor spraying, painting, cutting or welding.',
    [agriculture, ecology, police],
  ),
  measure(
    'orange',
    'health',
    null,
    orangeHealth,
    '儿童、老年人和呼吸道、心脑血管疾病及其他慢性疾病患者尽量留在室内，避免户外活动；一般人群减少或避免户外活动。',
    'Sensitive groups stay indoors and avoid outdoor activity; the general public reduces or avoids it.',
    [health],
  ),
  measure(
    'orange',
    'health',
    null,
    orangeHealth,
    '中小学、幼儿园停止户外课程和活动。',
    'Schools and kindergartens stop outdoor lessons and activities.',
    [education],
  ),
  measure(
    'orange',
    'health',
    null,
    orangeHealth,
    '医疗卫生机构加强对呼吸类疾病患者的防护宣传和就医指导。',
    'Clinics step up advice for respiratory patients.',
    [health],
  ),
  measure(
    'orange',
    'advocacy',
    null,
    orangeAdvocacy,
    '建议公众绿色出行，尽量乘坐公共交通工具或电动汽车等方式出行；减少燃油私家车出行。',
    'Encourage public transport; fewer private fuel cars.',
    [propaganda],
  ),
  measure(
    'orange',
    'advocacy',
    null,
    orangeAdvocacy,
    '交通运输部门加大公共交通运力保障，合理增加城市主干道的公共交通工具的营运频次和营运时间。',
    'Transport adds public-transport capacity and hours.',
    [transport],
  ),
  measure(
    'orange',
    'advocacy',
    null,
    orangeAdvocacy,
    '企事业单位可根据空气污染情况实行错峰上下班。',
    'Employers may stagger working hours.',
    [propaganda],
  ),
  measure(
    'orange',
    'mandatory',
    'industrial',
    orangeMandatory,
    '（1）工业源减排措施。执行当地重污染天气工业源应急减排清单橙色预警减排措施。加大各行业/工段限产、停产力度。工业企业厂区和工业园区内停止使用国Ⅱ及以下排放标准非道路移动机械（紧急检修作业机械除外），矿山（含煤矿）、物流（除民生保障类）等涉及大宗物料运输（日载货车辆进出10辆次及以上）的企业，停止使用国Ⅳ及以下排放标准重型载货车辆（含燃气）运输（特种车辆、危险化学品车辆等除外）。绩效分级A级、B级和引领性企业，要参照《重污染天气重点行业应急减排措施制定技术指南》，完善监管监控体系。',
    'Industry: apply the orange list; more curtailment; no China II and older non-road machinery on site; bulk-transport enterprises (≥ 10 truck trips a day) stop China IV and older heavy trucks.',
    [ecology, industry],
  ),
  measure(
    'orange',
    'mandatory',
    'mobile',
    orangeMandatory,
    '（2）移动源减排措施。执行当地重污染天气移动源应急减排清单橙色预警减排措施。增加公共交通运力，保障市民出行。加强城市重点区域交通疏导，停止使用国Ⅱ及以下排放标准非道路移动机械（紧急检修作业机械除外）。禁止建筑垃圾、渣土、砂石等散装物料运输车辆上路行驶（清洁能源汽车和生活垃圾清运车辆除外）。',
    'Mobile sources: apply the orange list; no China II and older non-road machinery; bulk-material trucks banned from roads (clean-energy and refuse trucks excepted).',
    [police, transport],
  ),
  measure(
    'red',
    'health',
    null,
    redHealth,
    '一般人群应避免户外活动；室外工作、执勤、作业、活动等人员临时停止作业。',
    'The general public avoids outdoor activity; outdoor work stops temporarily.',
    [health],
  ),
  measure(
    'red',
    'health',
    null,
    redHealth,
    '当地教育部门根据环境空气质量情况，指导有条件的幼儿园、中小学校停课，并合理安排停课期间学生的学习，做到停课不停学。',
    'Education departments guide schools to suspend classes, with learning continuing at home.',
    [education],
  ),
  measure(
    'red',
    'health',
    null,
    redHealth,
    '建议停止所有户外大型活动。',
    'All large outdoor events should stop.',
    [police],
  ),
  measure(
    'red',
    'advocacy',
    null,
    redAdvocacy,
    '节约用电，停止开放景观灯光。',
    'Save electricity; decorative lighting off.',
    [power, development],
  ),
  measure(
    'red',
    'advocacy',
    null,
    redAdvocacy,
    '企事业单位可根据空气污染情况采取错峰上下班、调休和远程办公等弹性工作方式。',
    'Employers may use staggered hours, time off and remote work.',
    [propaganda],
  ),
  measure(
    'red',
    'mandatory',
    'industrial',
    redMandatory,
    '（1）工业源减排措施。执行当地重污染天气工业源应急减排清单红色预警减排措施。',
    'Industry: apply the red column of the local emission-reduction list.',
    [ecology, industry],
  ),
  measure(
    'red',
    'mandatory',
    'mobile',
    redMandatory,
    '（2）移动源减排措施。执行当地重污染天气移动源应急减排清单红色预警减排措施。禁止使用国Ⅲ及以下排放标准非道路移动机械，当地政府结合实际情况划定柴油车辆禁行区域，实施更加严格的机动车管控措施。',
    'Mobile sources: apply the red list; no China III and older non-road machinery; local governments draw diesel no-go zones.',
    [police, transport],
  ),
];

const memberUnits: Plan['memberUnits'] = [
  [
    propaganda,
    'Publicity Departments (prefecture and 4th Division)',
    '会同指挥部办公室做好预警信息发布和舆论引导',
    'Publish warnings through the media with the office and guide public opinion',
  ],
  [
    '自治州党委网信办、第四师可克达拉市党委网信办',
    'Cyberspace Affairs Offices',
    '负责网上舆情调控管控',
    'Handle online public opinion',
  ],
  [
    '自治州纪委监委、第四师可克达拉市纪委监委',
    'Discipline Inspection and Supervision Commissions',
    '对预警、响应等工作中的失职失责行为追责问责',
    'Hold those who fail in warning and response work accountable',
  ],
  [
    ecology,
    'Ecology and Environment Bureaus',
    '负责指挥部办公室日常工作、大气环境质量监测、区域预警会商、应急减排清单和限产停产督导',
    'Run the office; monitor air quality; regional consultation; draft and enforce the emission-reduction list',
  ],
  [
    '自治州应急管理局、第四师可克达拉市应急管理局',
    'Emergency Management Bureaus',
    '跨县市、跨部门综合协调处置和安全生产监管',
    'Cross-county coordination and work safety',
  ],
  [
    '自治州气象局、第四师可克达拉市气象站',
    'Meteorological Bureau and Station',
    '共同会商环境气象条件，配合监测预警，组织人工影响天气作业',
    'Joint weather consultation, warning support, weather modification',
  ],
  [
    development,
    'Development and Reform Commissions',
    '清洁能源规划与供应保障，电力运行调度，公共交通优惠价格',
    'Clean energy supply, power dispatch, public-transport fares',
  ],
  [
    industry,
    'Industry and Information Technology Bureaus',
    '指导工业企业错峰生产方案，配合拟定应急减排清单并督促限产停产',
    'Staggered production plans; help draft and enforce the reduction list',
  ],
  [
    '自治州国有资产监督管理委员会、第四师可克达拉市国有资产监督管理委员会',
    'State-owned Assets Supervision Commissions',
    '推动国资监管企业污染减排',
    'Push state-owned enterprises to cut emissions',
  ],
  [
    health,
    'Health Commissions',
    '制定公众健康防护及医疗保障方案，落实诊疗救治，评估健康影响',
    'Public health protection and medical care; health impact assessment',
  ],
  [
    police,
    'Public Security Bureaus',
    '严管冒黑烟机动车，督促禁止燃放烟花爆竹，维护社会治安',
    'Smoky vehicles, fireworks ban, public order',
  ],
  [
    '自治州财政局、第四师可克达拉市财政局',
    'Finance Bureaus',
    '落实预警和应急工作经费',
    'Fund the warning and response work',
  ],
  [
    housing,
    'Housing and Urban-Rural Development Bureaus',
    '督促施工现场“六个百分百”和道路机械化清扫',
    'Construction dust control and road cleaning',
  ],
  [
    resources,
    'Natural Resources Bureaus',
    '督促采石（砂）场扬尘控制',
    'Dust control at quarries and sand pits',
  ],
  [
    transport,
    'Transport Bureaus',
    '落实交通运输行业应急方案，汇总客货运输受影响情况',
    'Transport-sector response plan and impact reports',
  ],
  [
    agriculture,
    'Agriculture and Rural Affairs Bureaus',
    '会同开展秸秆禁烧督查，指导秸秆综合利用',
    'Straw-burning inspections and straw utilisation',
  ],
  [
    education,
    'Education Bureaus',
    '落实教育系统应急方案，做好幼儿园、中小学健康防护',
    'Education-sector plan; health protection in schools',
  ],
  [
    '自治州通信管理办公室',
    'Prefecture Communications Administration Office',
    '提供通信保障，配合发布预警信息',
    'Communications; help publish warnings',
  ],
  [
    power,
    'State Grid Ili Yihe Power Supply Co.',
    '电力保障、绿色调度，对高耗低效机组限产停产',
    'Power supply, green dispatch, curtail inefficient units',
  ],
].map(([nameZh, nameEn, dutyZh, dutyEn], index) => ({
  nameZh: nameZh!,
  nameEn: nameEn!,
  dutyZh: dutyZh!,
  dutyEn: dutyEn!,
  section: `附件1 四、${index + 1}`,
}));

const grading = '3.3.2 预警分级标准';
const issuing = '3.3.4 预警发布';
const adjusting = '3.3.6 级别调整和解除';

export const ili2023: Plan = planSchema.parse({
  id: 'ili-2023',
  jurisdiction: 'ili',
  titleZh: '伊犁哈萨克自治州重污染天气应急预案（2023年修订版）',
  titleEn: 'Ili Kazakh Autonomous Prefecture Heavy Pollution Weather Emergency Plan (2023 revision)',
  documentNumber: '伊州政办发〔2023〕31号',
  issuedOn: '2023-09-05',
  sectionNumbering: 'reconstructed',
  numberingNote:
    'The published text lost its heading numbers; numbers here are reconstructed from the heading order, anchored by the printed 4.3.1.1 工业源管控, and each citation carries the heading.',
  unitIds: [
    '654002',
    '654003',
    '654004',
    '654021',
    '654022',
    '654023',
    '654024',
    '654025',
    '654026',
    '654027',
    '654028',
    'xpcc4-kokdala',
    'xpcc4-r61',
    'xpcc4-r62',
    'xpcc4-r63-64',
    'xpcc4-r66',
    'xpcc4-r67',
    'xpcc4-r68',
    'xpcc4-r69',
    'xpcc4-r70',
    'xpcc4-r71',
    'xpcc4-r72',
    'xpcc4-r73',
    'xpcc4-r74',
    'xpcc4-r75',
    'xpcc4-r76',
    'xpcc4-r77',
    'xpcc4-r78',
    'xpcc4-r79',
  ],
  indicator: {
    section: '3.3.1 预警分级指标',
    zh: '重污染天气预警以空气质量指数（AQI）或PM2.5日均值为指标，按连续24小时（可跨自然日）均值计算，以AQI日均值大于200或PM2.5日均浓度大于115微克/立方米持续天数作为预警启动的基本条件。',
    en: 'Warnings use the AQI or PM2.5 daily mean over any 24 consecutive hours; days with daily AQI > 200 or PM2.5 > 115 µg/m³ are the basic start condition.',
  },
  grading: standardGrading(grading),
  heavyDay: {
    section: '1.3 术语和定义',
    zh: '本预案所指的重污染天气，是指空气质量指数（AQI）日均值大于200，或PM2.5日均浓度大于115微克/立方米的大气污染。',
    en: 'Heavy pollution means daily AQI > 200 or PM2.5 24 h mean > 115 µg/m³.',
    aqiAbove: 200,
    pm25Above: 115,
  },
  leadTime: {
    section: '3.2 会商',
    zh: '会商研判认为需要启动区域预警时，要提前24小时上报发布预警建议。',
    en: 'When the consultation finds a regional warning is needed, it proposes it 24 h ahead.',
    hours: 24,
    appliesTo: 'regional-warnings',
    measuredFrom: 'proposal',
  },
  approval: {
    yellow: {
      section: issuing,
      zh: '黄色预警：由指挥部办公室主任批准发布，指挥部办公室具体实施。',
      en: 'Yellow: the office director approves.',
      steps: [{ role: 'office-director', action: 'approve' }],
    },
    orange: {
      section: issuing,
      zh: '橙色预警：由指挥部办公室主任审核，报指挥长批准发布。',
      en: 'Orange: the office director reviews, the commander approves.',
      steps: [
        { role: 'office-director', action: 'review' },
        { role: 'commander', action: 'approve' },
      ],
    },
    red: {
      section: issuing,
      zh: '红色预警：由指挥部办公室主任审核，分送指挥部第一副指挥长、指挥长批准后发布。',
      en: 'Red: the office director reviews, then the first deputy commander (4th Division) and the commander approve.',
      steps: [
        { role: 'office-director', action: 'review' },
        { role: 'first-deputy-commander', action: 'approve' },
        { role: 'commander', action: 'approve' },
      ],
    },
  },
  proposers: ['office-director', 'duty-officer'],
  lifting: {
    section: adjusting,
    zh: '预警解除不再另行报批，由指挥部办公室直接发布解除指令。',
    en: 'Lifting needs no approval: the office issues the lifting order directly.',
    issuers: ['office-director', 'duty-officer'],
  },
  adjustment: {
    improvement: {
      section: adjusting,
      zh: '当空气质量改善到相应级别预警启动标准以下，且预测将持续36小时以上时，可以降低预警级别或解除预警。',
      en: "When air quality has improved below the level's start standard and is forecast to stay so for 36 h, the warning may be lowered or lifted.",
      hours: 36,
    },
    upgrade: {
      section: adjusting,
      zh: '当监测空气质量已经达到更高级别污染程度，且预测未来24小时内不会有明显改善时，应根据实际污染情况及时调整到更高级别的预警。',
      en: 'When monitoring already meets a higher level and no clear improvement is forecast within 24 h, raise the warning.',
      kind: 'monitoring-without-improvement',
      hours: 24,
    },
    merge: {
      section: adjusting,
      zh: '当预测发生前后两次重污染过程，但间隔时间未达到解除预警条件时，应按一次重污染过程计算，从高级别启动预警。',
      en: 'Two forecast episodes whose gap does not meet the lifting condition (36 h) are one episode, started at the higher level.',
      gapHours: 36,
    },
    followsIssuing: {
      section: adjusting,
      zh: '预警等级的调整按照预警发布程序执行。',
      en: 'A level change follows the issuing procedure of the target level.',
    },
  },
  response: {
    section: '4.1 应急响应分级',
    zh: '发布重污染天气黄色预警，启动Ⅲ级应急响应；发布橙色预警，启动Ⅱ级应急响应；发布红色预警，启动I级应急响应。',
    en: 'Yellow starts a Level III response, orange Level II, red Level I.',
    levels: { yellow: 'III', orange: 'II', red: 'I' },
  },
  measures,
  reductionTargets: {
    section: '4.3.1 总体要求',
    zh: '二氧化硫、氮氧化物、颗粒物和挥发性有机物在Ⅲ级、Ⅱ级、I级应急响应下减排比例分别达到全社会总排放量的10%、20%和30%以上，可根据本地实际调整二氧化硫和氮氧化物减排比例，但二者比例之和不得低于上述总体要求。对未达到总体减排比例要求的企业（绩效分级A级企业和保障类企业除外），应当及时加大应急减排力度。',
    en: 'SO2, NOx, particulate matter and VOCs fall by at least 10 %, 20 % and 30 % of total emissions at Levels III, II and I; SO2 may be traded against NOx if their sum still meets the target; A-grade and guarantee-class enterprises are exempt from topping up.',
    percent: { yellow: 10, orange: 20, red: 30 },
    pollutants: ['so2', 'nox', 'particulate', 'vocs'],
    so2NoxTradeOff: true,
    exemptFromToppingUp: ['grade-a', 'guarantee'],
  },
  enterpriseClasses: {
    section: '4.3.1.1 工业源管控',
    zh: '所有涉气企业划分为重点企业、小微涉气企业、保障类企业和其他企业四类。重点企业分为A级、B级、C级和D级，重污染天气期间D级企业全部停产；小微涉气企业合计年排放总量在100千克以下，重点管控重型柴油车辆。',
    en: 'Key enterprises graded A–D (D-grade stop entirely), small-micro (< 100 kg a year; heavy diesel trucks only), guarantee-class and others.',
  },
  memberUnits,
  reporting: {
    daily: {
      section: '5.1 信息报送',
      zh: '州直各县市、第四师各团场和成员单位在重污染天气应急响应期间，向指挥部办公室每日报送前一日应急响应情况。',
      en: 'During a response, each county, regiment and member unit reports the previous day to the office every day.',
    },
    summary: {
      section: '5.1 信息报送',
      zh: '每次重污染天气应急响应解除后1日内，发生重污染天气的州直各县市、第四师各团场应向指挥部办公室报送相关信息。',
      en: 'Within 1 day of lifting, the counties and regiments involved send the office a summary.',
      withinDays: 1,
    },
  },
  regional: {
    section: '3.3.3 预警启动',
    zh: '区域预警以州直、第四师行政区域内3个及以上连片县市、团场行政区域平均日AQI达到重污染天气预警分级标准时，自治州启动相应级别的区域预警，相关县市、团场应启动不低于区域预警级别的应急响应。',
    en: 'A regional warning starts when 3 or more contiguous counties or regiments have an average daily AQI meeting the grading standard; members respond at no lower level.',
    kind: 'contiguous-average',
    minUnits: 3,
    override: {
      section: '4.2 应急响应启动',
      zh: '污染程度未达到区域预警等级的县市、团场，依法按照接到的预警级别启动应急响应，特殊情况下可按照本行政区域实际污染程度降低应急响应级别。',
      en: "A member below the region's level responds at the region's level, except that in special cases it may respond at its own, lower level.",
    },
  },
  dust: {
    section: '1.4 适用范围',
    zh: '因沙尘天气形成的重污染不适用本预案。',
    en: 'Heavy pollution caused by sand and dust is outside this plan.',
    healthAdvice: null,
  },
  accountability: {
    section: '7 监督问责',
    zh: '对因工作不力、履职缺位等导致未有效应对重污染天气的，依法依规追究有关单位及人员责任。',
    en: 'Units and people whose poor work or absence leads to an ineffective response are held accountable.',
  },
});
