import type { IssuedLevel, Plan } from '../../plans/schema';
import type { WarningEventType } from './schema';

/** The plan section an event acts under, for clients that do not pick one themselves. */
export function eventCitation(plan: Plan, type: WarningEventType, level: IssuedLevel = 'yellow'): string {
  switch (type) {
    case 'propose':
    case 'sign':
    case 'reject':
      return plan.approval[level].section;
    case 'change':
      return plan.adjustment.followsIssuing.section;
    case 'lift':
      return plan.lifting.section;
    case 'cancel':
      return plan.adjustment.improvement.section;
    case 'override':
      return plan.regional.kind === 'contiguous-average'
        ? plan.regional.override.section
        : plan.regional.section;
    case 'confirm-dust':
      return plan.dust.section;
  }
}
