import type { Enterprise } from '../../../geo/layers/enterprise';
import {
  type Compliance,
  type EnterpriseCheck,
  enterpriseCompliance,
} from '../../../geo/layers/enterprise-check';
import { unitById } from '../../../geo/units';
import type { WarningLevel } from '../../../shared/levels';
import type { LevelSince } from '../../../shared/rules/level-since';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { EnterpriseChecksResponse } from '../api/enterprise-checks';
import { queries } from '../api/queries';
import { listedOnPage, queryClient } from '../api/query-client';

/** The latest check per enterprise and when each unit's level in force began (GET /api/enterprise-checks). */
export type EnterpriseChecks = {
  /** By checkKey: enterprise ids are unique within a prefecture's list only. */
  checks: Map<string, EnterpriseCheck>;
  levels: Map<string, LevelSince>;
};

export const checkKey = (jurisdiction: Jurisdiction, enterpriseId: string) =>
  `${jurisdiction}/${enterpriseId}`;

export function indexChecks(responses: readonly EnterpriseChecksResponse[]): EnterpriseChecks {
  const all = responses.flatMap((response) => response.checks);
  return {
    checks: new Map(all.map((check) => [checkKey(check.jurisdiction, check.enterpriseId), check])),
    levels: new Map(
      responses.flatMap((response) =>
        response.levels.map(({ unitId, level, since }) => [unitId, { level, since }] as const),
      ),
    ),
  };
}

/**
 * Issue 7: whether the enterprise carries out its measure at the level drawn. A check counts from the start
 * of that level as the server knows it; when the server's level differs (a past hour, or a change since
 * the checks were read) the start is unknown and no check counts.
 */
export function complianceOf(
  enterprise: Enterprise,
  level: WarningLevel,
  checks: EnterpriseChecks | null,
): Compliance {
  const jurisdiction = unitById.get(enterprise.unitId)?.jurisdiction;
  const check = jurisdiction ? checks?.checks.get(checkKey(jurisdiction, enterprise.id)) : undefined;
  const live = checks?.levels.get(enterprise.unitId);
  return enterpriseCompliance(enterprise, level, live?.level === level ? live.since : null, check ?? null);
}

/**
 * Both prefectures' checks while the enterprise layer is shown: fetched when it is first shown and again
 * whenever the office records one (`changed`, from the live feed's office-change events).
 */
export class ChecksFeed {
  private shown = false;

  constructor(private readonly received: (checks: EnterpriseChecks) => void) {}

  show(shown: boolean): void {
    const first = shown && !this.shown;
    this.shown = shown;
    if (first) this.fetch();
  }

  changed(): void {
    if (this.shown) this.fetch();
  }

  stop(): void {
    this.shown = false;
  }

  private fetch(): void {
    // Signed-out pages may not read checks (null): the rings then say "not yet checked", all they can know.
    // A failure is listed on the page by the request cache (client/src/api).
    const both = (['ili', 'kizilsu'] as const).map((jurisdiction) =>
      queryClient.fetchQuery({ ...queries.enterpriseChecks(jurisdiction), staleTime: 0 }),
    );
    Promise.all(both).then((responses) => {
      if (this.shown) this.received(indexChecks(responses.flatMap((response) => response ?? [])));
    }, listedOnPage);
  }
}
