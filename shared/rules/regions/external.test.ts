import { describe, expect, test } from 'vitest';
import { externalRegionalFloor } from './index';
import { externalRegionalWarningSchema } from './schema';

const kizilsu = ['653001', '653022', '653023', '653024'];
const issuedAt = Date.parse('2024-01-10T08:00:00+08:00');

describe("Kizilsu: the autonomous region's regional warning is a floor (Kizilsu plan 3.3.2 预警启动)", () => {
  test('the named units of this jurisdiction respond at no lower than the regional level', () => {
    const warning = { level: 'orange' as const, memberIds: ['653001', '653022', '650100'], issuedAt };
    const { floorByUnit, explanation } = externalRegionalFloor(warning, kizilsu, issuedAt + 3_600_000);
    expect(floorByUnit).toEqual(
      new Map([
        ['653001', 'orange'],
        ['653022', 'orange'],
      ]),
    );
    expect(explanation.zh).toContain('橙色区域预警');
    expect(explanation.citations).toEqual(['3.3.2 预警启动']);
  });

  test('before it is issued the warning sets no floor', () => {
    const warning = { level: 'red' as const, memberIds: kizilsu, issuedAt };
    expect(externalRegionalFloor(warning, kizilsu, issuedAt - 3_600_000).floorByUnit.size).toBe(0);
  });

  test('the input is validated: a level of none or no members is rejected, naming the field', () => {
    const none = externalRegionalWarningSchema.safeParse({ level: 'none', memberIds: ['653001'], issuedAt });
    expect(none.success ? [] : none.error.issues.map((issue) => issue.path.join('.'))).toEqual(['level']);
    const empty = externalRegionalWarningSchema.safeParse({ level: 'red', memberIds: [], issuedAt });
    expect(empty.success ? [] : empty.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'memberIds',
    ]);
  });
});
