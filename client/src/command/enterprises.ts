import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { EnterpriseAccount } from '../../../geo/emissions/account';
import type { Enterprise } from '../../../geo/layers/enterprise';
import { type Compliance, compliance, type EnterpriseCheck } from '../../../geo/layers/enterprise-check';
import { geojsonRows } from '../../../geo/layers/import/geojson';
import { parseRows } from '../../../geo/layers/import/rows';
import type { IssuedLevel } from '../../../shared/plans';
import type { WarningBook } from '../../../shared/rules';
import { unitLevelSince } from '../../../shared/rules/level-since';
import type { Jurisdiction } from '../../../shared/units/schema';
import { queries } from '../api/queries';
import { queryClient } from '../api/query-client';

export type EnterpriseLayer = {
  enterprises: Enterprise[];
  label: string | null;
  source: string;
  version: number;
};

/**
 * The emission-reduction list of a prefecture (GET /api/layers/enterprise), read back into records with the
 * import's own parser: the layer's properties are named as the import columns. Null while loading.
 */
export function useEnterpriseLayer(jurisdiction: Jurisdiction): EnterpriseLayer | null {
  const layer = useQuery(queries.layer('enterprise', jurisdiction)).data;
  return useMemo(() => {
    if (!layer) return null;
    const { rows } = geojsonRows('enterprise', JSON.stringify(layer.geojson));
    const parsed = parseRows('enterprise', rows);
    return {
      enterprises: parsed.records.map((entry) => entry.record as Enterprise),
      label: layer.geojson.label ?? null,
      source: layer.source,
      version: layer.version,
    };
  }, [layer]);
}

export type CheckedEnterprise = EnterpriseAccount & { check: EnterpriseCheck | null; compliance: Compliance };

/**
 * The enterprises of one level's area with their compliance (issue 8): the level's measure, checked from
 * when the unit's current level began (a raise or a lowering starts it anew).
 */
export function checkedEnterprises(
  accounts: readonly EnterpriseAccount[],
  level: IssuedLevel,
  checks: ReadonlyMap<string, EnterpriseCheck> | null,
  book: WarningBook | null,
  now: number,
): CheckedEnterprise[] {
  return accounts.map((account) => {
    const check = checks?.get(account.id) ?? null;
    const since = book ? unitLevelSince(book, account.unitId, now).since : Number.POSITIVE_INFINITY;
    return { ...account, check, compliance: compliance(account.measure, check, level, since) };
  });
}

/** The latest checks, read again whenever `changes` moves (the office recorded one; see useLive). */
export function useEnterpriseChecks(jurisdiction: Jurisdiction, changes: number) {
  const checks = useQuery(queries.enterpriseChecks(jurisdiction));
  useEffect(() => {
    void changes;
    void queryClient.invalidateQueries({ queryKey: ['enterprise-checks', jurisdiction] });
  }, [jurisdiction, changes]);
  const byId = useMemo(
    () => (checks.data ? new Map(checks.data.checks.map((check) => [check.enterpriseId, check])) : null),
    [checks.data],
  );
  return { checks: byId, error: checks.error };
}
