import { expect, test } from 'vitest';
import type { JurisdictionState, UnitState, WarningState } from '../../../shared/state/schema';
import { adviceLine, notice } from './notice';

const unit = (
  id: string,
  issuedLevel: UnitState['issuedLevel'],
  regionFloor: UnitState['regionFloor'] = 'none',
  hourlyAqi: number | null = null,
) => ({ id, issuedLevel, regionFloor, hourlyAqi, newestHour: null }) as UnitState;

const orangeInYining: WarningState = {
  id: 'w1',
  target: { kind: 'unit', unitId: '654002' },
  status: 'active',
  proposedLevel: 'orange',
  level: 'orange',
  proposedAt: 0,
  issuedAt: Date.parse('2019-01-07T09:00:00+08:00'),
};

const state = {
  jurisdiction: 'ili',
  now: Date.parse('2019-01-07T12:00:00+08:00'),
  units: [unit('654002', 'orange'), unit('654021', 'yellow', 'orange'), unit('654003', 'none')],
  warnings: [orangeInYining],
} as unknown as JurisdictionState;

// Ili plan (伊州政办发〔2023〕31号) 4.3.2.1 Ⅲ级 and 4.3.3.1 Ⅱ级健康防护措施, in the plan's order; orange keeps yellow's (4.3).
const yellowSection = '预案4.3.2.1 Ⅲ级健康防护措施';
const orangeSection = '预案4.3.3.1 Ⅱ级健康防护措施';
const orangeAdviceZh = [
  `儿童、老年人和呼吸道疾病、心脑血管疾病及其他慢性疾病患者等易感人群尽量留在室内，减少户外运动。（${yellowSection}）`,
  `一般人群减少户外运动和室外作业时间，如不可避免，应采取防护措施，缩短户外工作时间。（${yellowSection}）`,
  `中小学、幼儿园合理调整教学计划，尽量安排室内课程。（${yellowSection}）`,
  `重污染天气时应停止举办大型群众性户外活动。（${yellowSection}）`,
  `生态环境、卫生健康、教育等部门和州直各县市、兵团四师各团场分别按行业和属地管理要求，加强对重污染天气应急、健康防护等方面科普知识的宣传。（${yellowSection}）`,
  `儿童、老年人和呼吸道、心脑血管疾病及其他慢性疾病患者尽量留在室内，避免户外活动；一般人群减少或避免户外活动。（${orangeSection}）`,
  `中小学、幼儿园停止户外课程和活动。（${orangeSection}）`,
  `医疗卫生机构加强对呼吸类疾病患者的防护宣传和就医指导。（${orangeSection}）`,
];

test('with an orange warning in force the notice names it and lists the plan health advice up to orange, cited', () => {
  const written = notice(state, 'zh');
  // 伊宁县 lies in a region the engine found (floor orange), but no regional warning is issued: it counts as yellow.
  expect(written.paragraphs).toEqual([
    '截至北京时间2019-01-07 12:00，伊犁州红色预警单元0个、橙色1个、黄色1个。',
    '生效预警：伊宁市橙色预警（2019-01-07 09:00发布）。',
  ]);
  expect(written.adviceIntro).toBe(
    '依据《伊犁哈萨克自治州重污染天气应急预案（2023年修订版）》（伊州政办发〔2023〕31号），橙色预警期间的健康防护措施：',
  );
  expect(written.advice.map((item) => adviceLine(item, 'zh'))).toEqual(orangeAdviceZh);
});

test('a regional warning names its members; a red one adds the red advice (4.3.4.1) after orange and yellow', () => {
  const regional: WarningState = {
    ...orangeInYining,
    id: 'w2',
    target: { kind: 'region', regionId: 'r1', members: ['654002', '654021', '654024'] },
    level: 'red',
    issuedAt: Date.parse('2019-01-07T10:00:00+08:00'),
  };
  const written = notice({ ...state, warnings: [orangeInYining, regional] }, 'zh');
  expect(written.paragraphs[1]).toBe(
    '生效预警：伊宁市橙色预警（2019-01-07 09:00发布）；伊宁市、伊宁县、巩留县区域红色预警（2019-01-07 10:00发布）。',
  );
  expect(written.adviceIntro).toContain('红色预警期间');
  expect(written.advice).toHaveLength(8 + 3);
  expect(written.advice.at(-1)).toEqual({
    text: '建议停止所有户外大型活动。',
    citation: '预案4.3.4.1 I级健康防护措施',
    summary: null,
  });
});

test('in English the advice stays in the plan words, says so, and carries our summary labelled as such', () => {
  const written = notice(state, 'en');
  expect(written.paragraphs).toEqual([
    'As of 2019-01-07 12:00 Beijing time, Ili has 0 units at red, 1 at orange and 1 at yellow.',
    'Warnings in force: Yining City: Orange, issued 2019-01-07 09:00.',
  ]);
  expect(written.adviceIntro).toBe(
    'Health protection at warning level Orange, from 《伊犁哈萨克自治州重污染天气应急预案（2023年修订版）》 ' +
      "(伊州政办发〔2023〕31号; Ili Kazakh Autonomous Prefecture Heavy Pollution Weather Emergency Plan (2023 revision)). The plan's advice, in Chinese:",
  );
  expect(adviceLine(written.advice[6]!, 'en')).toBe(
    "中小学、幼儿园停止户外课程和活动。 (plan 4.3.3.1 Ⅱ级健康防护措施; our summary, not the plan's words: " +
      'Schools and kindergartens stop outdoor lessons and activities.)',
  );
});

test('without a warning the notice says so and names the worst unit with its real-time AQI and category', () => {
  const quiet = {
    ...state,
    units: [unit('654002', 'none', 'none', 140), unit('654026', 'none', 'none', 251), unit('654003', 'none')],
    warnings: [{ ...orangeInYining, status: 'proposed', level: 'none', issuedAt: null }],
  } as JurisdictionState;
  // 昭苏县 at 251: HJ 633 Table 2, 201–300 is 重度污染 (五级).
  expect(notice(quiet, 'zh')).toEqual({
    paragraphs: [
      '截至北京时间2019-01-07 12:00，伊犁州红色预警单元0个、橙色0个、黄色0个。',
      '目前无生效的重污染天气预警。当前空气质量最差的单元为昭苏县，实时AQI 251，重度污染。',
    ],
    adviceIntro: null,
    advice: [],
  });
  expect(notice(quiet, 'en').paragraphs[1]).toBe(
    'No heavy-pollution warning is in force. The worst unit now is Mongolküre County: real-time AQI 251, Very unhealthy.',
  );
});
