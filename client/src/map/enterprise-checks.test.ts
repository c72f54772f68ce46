import { describe, expect, test } from 'vitest';
import type { Enterprise } from '../../../geo/layers/enterprise';
import { complianceOf, indexChecks } from './enterprise-checks';
import type { MapModel } from './layers';
import { enterpriseTooltip } from './tooltip';

const hour = 3_600_000;
// Artux (653001) under orange from 10:00 Beijing on 4 January 2019; Yining city (654002) under none.
const orangeFrom = Date.parse('2019-01-04T10:00:00+08:00');

const plant = (id: string, unitId: string) =>
  ({
    id,
    name: '阿图什示例砖瓦企业',
    unitId,
    class: 'D',
    measures: { yellow: { kind: 'stop' }, orange: { kind: 'stop' }, red: { kind: 'stop' } },
  }) as Enterprise;

const check = (
  jurisdiction: 'ili' | 'kizilsu',
  enterpriseId: string,
  observed: 'stopped' | 'normal',
  checkedAt: number,
) => ({
  enterpriseId,
  jurisdiction,
  observed,
  loadPercent: null,
  note: null,
  checkedAt,
  checkedBy: 'duty-officer',
});

const checks = indexChecks([
  { checks: [check('ili', 'E-1', 'stopped', orangeFrom + hour)], levels: [] },
  {
    checks: [check('kizilsu', 'E-2', 'normal', orangeFrom + hour)],
    levels: [{ unitId: '653001', level: 'orange', since: orangeFrom }],
  },
]);

describe('an enterprise on the map (issue 7)', () => {
  test("another prefecture's check of the same enterprise id does not count", () => {
    // E-1 was checked as stopped in Ili; Kizilsu's E-1 has no check of its own.
    expect(complianceOf(plant('E-1', '653001'), 'orange', checks).status).toBe('unchecked');
  });

  test('a check counts from the start of the level the server reports, if the map draws that level', () => {
    expect(complianceOf(plant('E-2', '653001'), 'orange', checks).status).toBe('not-complying');
    // A past hour drawn at red: when red began is not known, so no check counts.
    expect(complianceOf(plant('E-2', '653001'), 'red', checks).status).toBe('unchecked');
    expect(complianceOf(plant('E-2', '653001'), 'none', checks).status).toBe('not-required');
  });

  test('before the checks arrive a required measure reads as not yet checked', () => {
    expect(complianceOf(plant('E-2', '653001'), 'orange', null).status).toBe('unchecked');
  });

  test('the hover text gives the required action, the last check and the compliance in words', () => {
    const model = {
      inForce: new Map([
        ['653001', { response: 'orange', external: 'none', highest: 'orange', responseDue: false }],
      ]),
      checks,
    } as unknown as MapModel;
    expect(enterpriseTooltip(plant('E-2', '653001'), model, 'zh').split('\n')).toEqual([
      '阿图什示例砖瓦企业（D级）',
      '橙色预警：停产',
      '最近检查：2019-01-04 11:00 正常生产（duty-officer）',
      '未落实：应停产，检查为正常生产，未落实',
    ]);
  });

  test('in English the hover text is English throughout, but for the names the list gives', () => {
    const model = {
      inForce: new Map([
        ['653001', { response: 'orange', external: 'none', highest: 'orange', responseDue: false }],
      ]),
      checks,
    } as unknown as MapModel;
    const lines = enterpriseTooltip(plant('E-2', '653001'), model, 'en').split('\n');
    expect(lines).toEqual([
      '阿图什示例砖瓦企业 (Grade D)',
      'Orange warning: Stop production',
      'Last check: 2019-01-04 11:00 Normal production (by duty-officer)',
      'Not complying: must stop production; checked: normal production, not carried out',
    ]);
    expect(lines.slice(1).join('').replace('duty-officer', '')).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
  });
});
