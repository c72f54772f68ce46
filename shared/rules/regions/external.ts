import type { WarningLevel } from '../../levels';
import type { Explanation } from '../../state/schema';
import { toBeijingIso } from '../../time';
import { withArticle } from '../format';
import type { ExternalRegionalWarning } from './schema';

const levelZh = { yellow: '黄色', orange: '橙色', red: '红色' } as const;

/**
 * Kizilsu has no regional rule of its own: when the autonomous region issues a regional warning, the
 * prefecture responds at no lower level (Kizilsu plan 3.3.2 预警启动). Only units of this jurisdiction
 * that the warning names get the floor; it applies from the time it was issued.
 */
export function externalRegionalFloor(
  warning: ExternalRegionalWarning,
  jurisdictionUnitIds: readonly string[],
  now: number,
): { floorByUnit: Map<string, WarningLevel>; explanation: Explanation } {
  const named = new Set(warning.memberIds);
  const members = now >= warning.issuedAt ? jurisdictionUnitIds.filter((id) => named.has(id)) : [];
  const issued = toBeijingIso(warning.issuedAt);
  return {
    floorByUnit: new Map(members.map((id) => [id, warning.level] as const)),
    explanation: {
      zh: `自治区于 ${issued} 启动${levelZh[warning.level]}区域预警，${members.join('、') || '（本辖区无单位在内）'}启动不低于${levelZh[warning.level]}预警级别的应急响应。`,
      en: `The autonomous region issued ${withArticle(warning.level)} regional warning at ${issued}; ${members.join(', ') || 'no unit of this jurisdiction is named'} respond at no lower than ${warning.level}.`,
      citations: ['3.3.2 预警启动'],
    },
  };
}
