import type { Emissions, Pollutant } from '../layers/enterprise';

/**
 * The quantities a target is checked on. Plans 4.3.1(1) let SO2 and NOx be traded off, "但二者比例之和不得低于
 * 上述总体要求": we read it as the combined share (ΔSO2+ΔNOx)/(SO2+NOx) reaching the target. The literal
 * sum of the two percentages would let a pollutant with negligible emissions carry the whole requirement
 * and is undefined when one is zero; the individual shares are still reported beside it.
 */
export type PollutantGroup = 'so2+nox' | 'so2' | 'nox' | 'pm' | 'vocs';

export function pollutantGroups(
  so2NoxTradeOff: boolean,
): { group: PollutantGroup; pollutants: Pollutant[] }[] {
  const acidic: { group: PollutantGroup; pollutants: Pollutant[] }[] = so2NoxTradeOff
    ? [{ group: 'so2+nox', pollutants: ['so2', 'nox'] }]
    : [
        { group: 'so2', pollutants: ['so2'] },
        { group: 'nox', pollutants: ['nox'] },
      ];
  return [...acidic, { group: 'pm', pollutants: ['pm'] }, { group: 'vocs', pollutants: ['vocs'] }];
}

export function groupTotal(emissions: Emissions, pollutants: readonly Pollutant[]): number {
  return pollutants.reduce((sum, pollutant) => sum + emissions[pollutant], 0);
}
