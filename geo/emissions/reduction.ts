import type { Emissions, Enterprise, ResponseLevel } from '../layers/enterprise';
import { stackShare } from '../layers/measure';

/**
 * What an enterprise's measure at a level takes off its stacks, per pollutant, in t/a: the annual emission
 * times the share the measure removes (cut %, stop 100 %, staggered its stated %, transport 0). Rates, not
 * masses: over any response period the share of the total is the same, and the target is a share.
 */
export function enterpriseReduction(enterprise: Enterprise, level: ResponseLevel): Emissions {
  const share = stackShare(enterprise.measures[level]);
  const { so2, nox, pm, vocs } = enterprise.emissions;
  return { so2: so2 * share, nox: nox * share, pm: pm * share, vocs: vocs * share };
}

export const noEmissions: Emissions = { so2: 0, nox: 0, pm: 0, vocs: 0 };

export function addEmissions(a: Emissions, b: Emissions): Emissions {
  return { so2: a.so2 + b.so2, nox: a.nox + b.nox, pm: a.pm + b.pm, vocs: a.vocs + b.vocs };
}
