import { expect, test } from 'vitest';
import type { JurisdictionState, UnitState } from '../../../shared/state/schema';
import { noticeText } from './notice';

const unit = (
  id: string,
  issuedLevel: UnitState['issuedLevel'],
  regionFloor: UnitState['regionFloor'] = 'none',
) => ({ id, issuedLevel, regionFloor, newestHour: null }) as UnitState;

const state = {
  jurisdiction: 'ili',
  now: Date.parse('2019-01-07T12:00:00+08:00'),
  units: [unit('654002', 'orange'), unit('654021', 'yellow', 'orange'), unit('654003', 'none')],
  warnings: [
    {
      id: 'w1',
      target: { kind: 'unit', unitId: '654002' },
      status: 'active',
      proposedLevel: 'orange',
      level: 'orange',
      proposedAt: 0,
      issuedAt: Date.parse('2019-01-07T09:00:00+08:00'),
    },
  ],
} as unknown as JurisdictionState;

test('the press notice counts units by level in force and lists warnings with Beijing issue times', () => {
  // 伊宁县 lies in a region the engine found (floor orange), but no regional warning is issued: it counts as yellow.
  expect(noticeText(state, 'zh')).toBe(
    '截至北京时间2019-01-07 12:00,伊犁州红色预警单元0个、橙色1个、黄色1个。' +
      '生效预警:伊宁市 橙色预警 (发布 2019-01-07 09:00)。请公众减少户外活动,做好健康防护。',
  );
});
