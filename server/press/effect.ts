import { accountReductions, type ReductionAccount } from '../../geo/emissions/account';
import { compliance } from '../../geo/layers/enterprise-check';
import type { LevelSegment } from '../../shared/documents/facts';
import { type DocumentLanguage, word } from '../../shared/documents/words';
import { levelRank } from '../../shared/levels';
import { plans } from '../../shared/plans';
import type { IssuedLevel } from '../../shared/plans/schema';
import type { Warning } from '../../shared/rules/lifecycle/state';
import type { Jurisdiction } from '../../shared/units/schema';
import { currentLayer } from '../layers/layers';
import type { Store } from '../store/types';
import { targetUnitIds } from './warning';

/** The emission-reduction account of the warning's units at a level (plans 4.3.1: 10/20/30 % at III/II/I). */
export function reductionAccount(
  store: Store,
  jurisdiction: Jurisdiction,
  unitIds: readonly string[],
  level: IssuedLevel,
): ReductionAccount {
  return accountReductions({
    enterprises: currentLayer(store, jurisdiction, 'enterprise').records,
    level,
    unitIds,
    targets: plans[jurisdiction].reductionTargets,
  });
}

export function highestSegment(segments: readonly LevelSegment[]): LevelSegment {
  return segments.reduce((top, segment) => (levelRank(segment.level) > levelRank(top.level) ? segment : top));
}

/**
 * How the enterprises of the warning's units carried out their measure at the highest level held: latest
 * checks of this exercise counted when made after that level took effect (geo/layers/enterprise-check),
 * and, with `until`, recorded by then (a past day's report counts what was known at its end).
 */
export function checksAt(
  store: Store,
  jurisdiction: Jurisdiction,
  warning: Warning,
  segment: LevelSegment,
  until?: number,
) {
  const unitIds = new Set(targetUnitIds(warning));
  const checks = new Map(
    store.latestEnterpriseChecks(jurisdiction, until).map((check) => [check.enterpriseId, check]),
  );
  const statuses = currentLayer(store, jurisdiction, 'enterprise')
    .records.filter((enterprise) => unitIds.has(enterprise.unitId))
    .map((enterprise) => ({
      enterprise,
      result: compliance(
        enterprise.measures[segment.level],
        checks.get(enterprise.id) ?? null,
        segment.level,
        segment.from,
      ),
    }))
    .filter(({ result }) => result.status !== 'not-required');
  return {
    statuses,
    total: statuses.length,
    checked: statuses.filter(({ result }) => result.status !== 'unchecked').length,
    complying: statuses.filter(({ result }) => result.status === 'complying').length,
  };
}

/** The enterprises that did not carry out their measure, each with why, in the document's language. */
export function failingLines(
  statuses: ReturnType<typeof checksAt>['statuses'],
  language: DocumentLanguage,
): string[] {
  return statuses
    .filter(({ result }) => result.status === 'not-complying')
    .map(({ enterprise, result }) =>
      word(
        language,
        'failingEnterprise',
        enterprise.name,
        language === 'zh' ? result.reasonZh : result.reasonEn,
      ),
    );
}

/** 表3-3's effect cell: the account at the highest level held and the on-site checks. */
export function emissionEffect(
  store: Store,
  jurisdiction: Jurisdiction,
  warning: Warning,
  segments: readonly LevelSegment[],
) {
  const top = highestSegment(segments);
  const account = reductionAccount(store, jurisdiction, targetUnitIds(warning), top.level);
  const { total, checked, complying } = checksAt(store, jurisdiction, warning, top);
  return {
    reduction:
      account.enterprises.length === 0
        ? null
        : {
            targetPercent: account.targetPercent,
            met: account.met,
            groups: account.groups.map((group) => ({ group: group.group, share: group.share })),
          },
    checks: { total, checked, complying },
  };
}
