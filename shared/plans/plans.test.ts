import { describe, expect, test } from 'vitest';
import { approvalChain, measuresAt, planById, planSchema, plans } from './index';

const roles = (jurisdiction: 'ili' | 'kizilsu', level: 'yellow' | 'orange' | 'red') =>
  approvalChain(plans[jurisdiction], level).steps.map((step) => `${step.role}:${step.action}`);

describe('the plans as data', () => {
  test('approval chains follow 预警发布: Kizilsu 3.3.3', () => {
    expect(roles('kizilsu', 'yellow')).toEqual(['office-director:approve']);
    expect(roles('kizilsu', 'orange')).toEqual(['office-director:review', 'deputy-commander:approve']);
    expect(roles('kizilsu', 'red')).toEqual([
      'office-director:review',
      'deputy-commander:agree',
      'commander:approve',
    ]);
  });

  test('approval chains follow 预警发布: Ili 3.3.4 (first deputy commander of the 4th Division on red)', () => {
    expect(roles('ili', 'yellow')).toEqual(['office-director:approve']);
    expect(roles('ili', 'orange')).toEqual(['office-director:review', 'commander:approve']);
    expect(roles('ili', 'red')).toEqual([
      'office-director:review',
      'first-deputy-commander:approve',
      'commander:approve',
    ]);
  });

  test('lead times, summaries and regional rules differ as the plans say', () => {
    expect(plans.kizilsu.leadTime).toMatchObject({
      hours: 48,
      appliesTo: 'all-warnings',
      section: '3.3.3 预警发布',
    });
    expect(plans.ili.leadTime).toMatchObject({
      hours: 24,
      appliesTo: 'regional-warnings',
      section: '3.2 会商',
    });
    expect(plans.kizilsu.reporting.summary.withinDays).toBe(2);
    expect(plans.ili.reporting.summary.withinDays).toBe(1);
    expect(plans.ili.regional).toMatchObject({ kind: 'contiguous-average', minUnits: 3 });
    expect(plans.kizilsu.regional.kind).toBe('external-floor');
    expect(plans.ili.adjustment.upgrade).toMatchObject({ kind: 'monitoring-without-improvement', hours: 24 });
    expect(plans.kizilsu.adjustment.upgrade.kind).toBe('forecast-or-monitoring');
    expect(plans.ili.adjustment.merge.gapHours).toBe(36);
    expect(plans.kizilsu.adjustment.improvement.hours).toBe(36);
  });

  test('units are the warning units of each jurisdiction, regiments included for Ili', () => {
    expect(plans.kizilsu.unitIds).toEqual(['653001', '653022', '653023', '653024']);
    expect(plans.ili.unitIds).toHaveLength(29);
    expect(plans.ili.unitIds).toContain('xpcc4-r66');
  });

  test('grading cites the right section; Ili says its numbering is reconstructed', () => {
    expect(plans.kizilsu.grading.map((rule) => rule.section)).toEqual([
      '3.3.1 预警分级',
      '3.3.1 预警分级',
      '3.3.1 预警分级',
    ]);
    expect(plans.ili.grading[0]!.section).toBe('3.3.2 预警分级标准');
    expect(plans.ili.sectionNumbering).toBe('reconstructed');
    expect(plans.kizilsu.sectionNumbering).toBe('printed');
    expect(plans.ili.heavyDay).toMatchObject({ pm25Above: 115, aqiAbove: 200, section: '1.3 术语和定义' });
    expect(plans.kizilsu.heavyDay).toBeNull();
  });

  test('measures are cumulative: each level adds to the one below (4.3.2–4.3.4)', () => {
    // Kizilsu: yellow 5 health + 3 advocacy + 4 mandatory; orange adds 3 + 3 + 2; red adds 3 + 2 + 2.
    expect(measuresAt(plans.kizilsu, 'yellow')).toHaveLength(12);
    expect(measuresAt(plans.kizilsu, 'orange')).toHaveLength(20);
    expect(measuresAt(plans.kizilsu, 'red')).toHaveLength(27);
    const redMandatory = measuresAt(plans.ili, 'red').filter((measure) => measure.group === 'mandatory');
    expect(new Set(redMandatory.map((measure) => measure.category))).toEqual(
      new Set(['industrial', 'mobile', 'dust', 'other']),
    );
    const dust = plans.kizilsu.measures.find((measure) => measure.category === 'dust')!;
    expect(dust.zh).toContain('砖厂、砂石场、白灰场停止露天作业');
    expect(dust.responsibleUnits).toContain('自治州住房和城乡建设局');
  });

  test('reduction targets: 10/20/30 %, SO2 and NOx traded, A-grade and guarantee-class exempt', () => {
    for (const plan of Object.values(plans)) {
      expect(plan.reductionTargets.percent).toEqual({ yellow: 10, orange: 20, red: 30 });
      expect(plan.reductionTargets.so2NoxTradeOff).toBe(true);
      expect(plan.reductionTargets.exemptFromToppingUp).toEqual(['grade-a', 'guarantee']);
    }
  });

  test('member units carry their annex 1 duties', () => {
    expect(plans.kizilsu.memberUnits).toHaveLength(18);
    expect(plans.ili.memberUnits).toHaveLength(19);
    expect(plans.ili.memberUnits[2]).toMatchObject({ section: '附件1 四、3' });
    expect(plans.ili.memberUnits[2]!.nameZh).toContain('纪委监委');
  });

  test('a plan file with a missing approval chain is refused at load', () => {
    const broken = { ...plans.kizilsu, approval: { yellow: plans.kizilsu.approval.yellow } };
    expect(planSchema.safeParse(broken).success).toBe(false);
    expect(planById('ili-2023')).toBe(plans.ili);
  });
});
