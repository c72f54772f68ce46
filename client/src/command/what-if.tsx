import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { UnitListing } from '../../../shared/api/responses';
import type { Plan } from '../../../shared/plans';
import type { DailySeries } from '../../../shared/rules';
import type { JurisdictionState } from '../../../shared/state/schema';
import { queries } from '../api/queries';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import { dailySeriesOf, whatIf } from './evaluation';
import { explained, nameOf, namesOf, when } from './words';

type Props = {
  plan: Plan;
  state: JurisdictionState;
  units: ReadonlyMap<string, UnitListing>;
  selected: readonly string[];
  onToggle: (unitId: string) => void;
  onPropose: (() => void) | null;
};

/**
 * Ili 3.3.3 what-if: a region of exactly the selected units (map clicks or the checklist), graded on the
 * members' averaged series, against the recommended regions. Only the selected units' series are asked.
 */
export function WhatIf({ plan, state, units, selected, onToggle, onPropose }: Props) {
  const { language, t } = useLanguage();
  const answers = useQueries({
    queries: selected.map((id) => queries.series(state.jurisdiction, { kind: 'unit', id }, state.now)),
  });
  const key = answers.map((answer) => answer.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answers change only when their update times do.
  const seriesByUnit = useMemo(
    () =>
      new Map<string, DailySeries>(
        answers.flatMap((answer) =>
          answer.data ? [[answer.data.id, dailySeriesOf(answer.data)] as const] : [],
        ),
      ),
    [key],
  );
  const result = useMemo(
    () => whatIf(plan, selected, seriesByUnit, units, state.now),
    [plan, selected, seriesByUnit, units, state.now],
  );
  const sortedKey = [...selected].sort().join(',');
  const regions = state.recommendation.filter((entry) => entry.kind === 'region');
  const same = regions.find((entry) => [...entry.members].sort().join(',') === sortedKey);
  const overlapping = regions.filter((entry) => entry.members.some((id) => selected.includes(id)));
  const evaluation = result.evaluation;
  return (
    <section className="command-panel" aria-labelledby="whatif-title" data-testid="whatif">
      <h2 id="whatif-title">{t('whatIfTitle')}</h2>
      <p className="hint">{t('whatIfHint')}</p>
      <fieldset className="unit-checklist">
        <legend>{t('units')}</legend>
        {plan.unitIds.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              name="whatif-unit"
              value={id}
              checked={selected.includes(id)}
              onChange={() => onToggle(id)}
            />
            {nameOf(language, units, id)}
          </label>
        ))}
      </fieldset>
      {selected.length > 0 && (
        <div data-testid="whatif-result" data-level={evaluation?.recommendedLevel ?? 'none'}>
          <p>
            {t('selectedCount', selected.length)}
            <span data-testid="whatif-contiguous">
              {result.contiguous ? t('contiguous') : t('notContiguous')}
            </span>
            {', '}
            <span>{result.enoughUnits ? t('enoughUnits') : t('tooFewUnits')}</span>
          </p>
          <p>
            {t('averagedLevel')}
            <LevelBadge level={evaluation?.recommendedLevel ?? 'none'} />
            {evaluation?.episode &&
              ` ${when(evaluation.episode.firstWindowEnd)} – ${when(evaluation.episode.lastWindowEnd)}`}
            {!evaluation && t('aUnitLacksData')}
          </p>
          {result.contiguous && result.enoughUnits && evaluation && evaluation.recommendedLevel !== 'none' ? (
            <p data-testid="whatif-qualifies">{t('mayFormRegion')}</p>
          ) : (
            <p>{t('noRegion')}</p>
          )}
          <p data-testid="whatif-compare">
            {same
              ? t('sameAsRecommended')
              : overlapping.length > 0
                ? t(
                    'overlapsRecommended',
                    overlapping.map((entry) => namesOf(language, units, entry.members)).join('; '),
                  )
                : t('noRecommendedRegion')}
          </p>
          {evaluation && <p>{explained(language, evaluation.explanation)}</p>}
          {onPropose && result.contiguous && result.enoughUnits && (
            <button type="button" onClick={onPropose}>
              {t('draftRegion')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
