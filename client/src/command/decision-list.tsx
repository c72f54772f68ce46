import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UnitListing } from '../../../shared/api/responses';
import { levelRank } from '../../../shared/levels';
import type { Plan } from '../../../shared/plans';
import { recommendationExplanation } from '../../../shared/rules/compliance';
import { latestIssueTime } from '../../../shared/rules/lifecycle/guards';
import { targetOfKey } from '../../../shared/rules/lifecycle/state';
import type { JurisdictionState, RecommendationEntry, UnitState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { queries } from '../api/queries';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import { type Coverage, entryHeading } from './entry-heading';
import { Evidence } from './evidence';
import type { Draft } from './propose-form';
import { explained, marks, namesOf, when } from './words';

/** A unit's row in the state (undefined for a unit the state does not hold). */
function unitOf(state: JurisdictionState, unitId: string | undefined): UnitState | undefined {
  return state.units.find((unit) => unit.id === unitId);
}

/** Whether the warnings already answer an entry: in force, issued, under approval, or in force lower (raise). */
function coverageOf(
  entry: RecommendationEntry,
  state: JurisdictionState,
): { kind: Coverage; warningId?: string } {
  const rank = levelRank(entry.level);
  const members = new Set(entry.members);
  const issued = (id: string) => unitOf(state, id)?.issuedLevel ?? 'none';
  if (entry.members.every((id) => levelRank(issued(id)) >= rank)) return { kind: 'in-force' };
  const holds = state.warnings.filter((warning) => {
    const targets = warning.target.kind === 'unit' ? [warning.target.unitId] : warning.target.members;
    return [...members].every((id) => targets.includes(id));
  });
  const atLevel = holds.find((warning) => levelRank(warning.proposedLevel) >= rank);
  if (atLevel)
    return {
      kind: atLevel.status === 'issued' ? 'issued' : atLevel.status === 'active' ? 'in-force' : 'pending',
      warningId: atLevel.id,
    };
  const lower = holds.find((warning) => warning.status === 'active' || warning.status === 'issued');
  return lower ? { kind: 'raise', warningId: lower.id } : { kind: null };
}

/**
 * When the entry's level holds from now to the forecast's end: its region's first and last window end, or
 * its unit's while the unit's own grading gives the entry's level (not a floor above it). Undefined when
 * the state does not say.
 */
function holdingOf(
  entry: RecommendationEntry,
  state: JurisdictionState,
): { first: number; last: number } | undefined {
  const unit = unitOf(state, entry.unitId);
  const subject =
    entry.kind === 'region'
      ? state.regions.find((candidate) => candidate.id === entry.regionId)
      : unit?.recommendedLevel === entry.level
        ? unit
        : undefined;
  const first = subject?.firstWindowEnd;
  if (first === undefined || first === null) return undefined;
  return { first, last: subject?.lastWindowEnd ?? first };
}

function Entry({
  entry,
  index,
  state,
  plan,
  units,
  onDraft,
}: {
  entry: RecommendationEntry;
  index: number;
  state: JurisdictionState;
  plan: Plan;
  units: ReadonlyMap<string, UnitListing>;
  onDraft: ((draft: Draft) => void) | null;
}) {
  const { language, t } = useLanguage();
  const [open, setOpen] = useState(false);
  const coverage = coverageOf(entry, state);
  const level = entry.level;
  const holding = holdingOf(entry, state);
  // Never before now: a level that already holds starts at the data time.
  const effective = Math.max(state.now, holding?.first ?? state.now);
  const floor = entry.kind === 'unit' ? (unitOf(state, entry.unitId)?.regionFloor ?? 'none') : 'none';
  const latest = latestIssueTime(plan, level, holding?.first ?? state.now, entry.kind === 'region', floor);
  const title = entryHeading(language, coverage.kind, entry, namesOf(language, units, entry.members));
  // A warning that answers the entry has its own start: the proposal's timing no longer applies.
  const toPropose = coverage.kind === null || coverage.kind === 'raise';
  // One parenthesis for what qualifies the start: from the forecast, and met in that hour only.
  const startNotes = [
    ...(effective > state.now ? [t('fromForecast')] : []),
    ...(holding && holding.last <= effective ? [t('thatHourOnly')] : []),
  ];
  const average = entry.averageDailyAqi === null ? 'NA' : String(entry.averageDailyAqi);
  const explanation = recommendationExplanation(plan, state, entry);
  return (
    <li
      className={`decision ${coverage.kind ? `covered-${coverage.kind}` : 'due'}`}
      data-testid="recommendation-entry"
      data-kind={entry.kind}
      data-level={level}
      data-members={entry.members.join(',')}
      data-covered={coverage.kind ?? 'no'}
      data-primary={index === 0 ? 'true' : undefined}
      // The rank as a number of its own: a list's counter is not always renumbered as entries come and go.
      value={index + 1}
    >
      <div className="decision-head">
        <LevelBadge level={level} /> <strong className="decision-title">{title}</strong>
      </div>
      {entry.kind === 'region' && (
        <p className="decision-members">
          {t('memberList')}
          {marks(language).colon}
          {namesOf(language, units, entry.members)}
        </p>
      )}
      <p className="decision-facts">
        {entry.kind === 'region' ? t('meanDailyAqi', average) : t('dailyAqiOf', average)}
        {holding && toPropose && (
          <span data-testid="effective" data-at={effective}>
            {' · '}
            {t('effectiveFrom')} {when(effective)}
            {startNotes.length > 0 &&
              `${marks(language).open}${startNotes.join(marks(language).comma)}${marks(language).close}`}
            {holding.last > effective && (
              <>
                {' · '}
                {t('holdsUntil')} {when(holding.last)}
              </>
            )}
          </span>
        )}
        {latest !== null &&
          coverage.kind === null &&
          (latest > state.now ? (
            <> · {t('leadLeft', Math.round((latest - state.now) / HOUR))}</>
          ) : (
            <span className="late"> · {t('leadPassed', plan.leadTime.hours)}</span>
          ))}
      </p>
      {coverage.kind && coverage.kind !== 'raise' && (
        <p className="decision-covered" data-testid="covered">
          {t(
            coverage.kind === 'in-force'
              ? 'coveredInForce'
              : coverage.kind === 'issued'
                ? 'coveredIssued'
                : 'coveredPending',
          )}
        </p>
      )}
      <div className="decision-buttons">
        {onDraft && coverage.kind === null && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              onDraft({
                kind: entry.kind,
                unitId: entry.unitId,
                members: entry.members,
                level,
                effectiveAt: effective,
                reason: explanation ? explained(language, explanation) : '',
              })
            }
          >
            {t('openProposal')}
          </button>
        )}
        {coverage.kind === 'raise' && coverage.warningId && (
          <a href={`#warning-${coverage.warningId}`}>{t('openWarnings')}</a>
        )}
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('hideEvidence') : t('showEvidence')}
        </button>
      </div>
      {open && <Evidence entry={entry} state={state} plan={plan} units={units} />}
    </li>
  );
}

/**
 * The top of the console (issue 15 item 1): the recommended actions for the prefecture, most urgent first,
 * each as the action to take, exactly state.recommendation (the engine's cover, DOMAIN.md "Recommendation");
 * the maximal regions it did not choose are alternatives below, never listed as equals.
 */
export function DecisionList({
  state,
  plan,
  units,
  onDraft,
}: {
  state: JurisdictionState;
  plan: Plan;
  units: ReadonlyMap<string, UnitListing>;
  onDraft: ((draft: Draft) => void) | null;
}) {
  const { language, t } = useLanguage();
  const [fix, setFix] = useState<string | null>(null);
  const fixed = useQuery({
    ...queries.recommendation(state.jurisdiction, fix ?? '', state.now),
    enabled: fix !== null,
  });
  const entries = fix !== null && fixed.data ? fixed.data.recommendation : state.recommendation;
  const unconfirmedDust = state.compliance
    .filter((flag) => flag.kind === 'dust-unconfirmed')
    .flatMap((flag) => targetOfKey(flag.targetKey).members);
  const chosen = new Set(entries.flatMap((entry) => (entry.regionId ? [entry.regionId] : [])));
  const alternatives = state.regions.filter((region) => !chosen.has(region.id));
  return (
    <section
      className="command-panel decide"
      aria-labelledby="decide-title"
      data-testid="decide"
      data-now={state.now}
      data-fixed={fix ?? ''}
    >
      <h2 id="decide-title">{t('decideNow')}</h2>
      <p className="hint">{t('decideHint')}</p>
      {fix !== null && (
        <p className="notice ok">
          {t('fixedRegion')} {namesOf(language, units, fix.replace(/^region:/, '').split('+'))}{' '}
          <button type="button" onClick={() => setFix(null)}>
            {t('backToEngine')}
          </button>
        </p>
      )}
      {unconfirmedDust.length > 0 && (
        <p className="notice" data-testid="dust-left-out">
          {t('dustLeftOut', namesOf(language, units, unconfirmedDust))}
        </p>
      )}
      {entries.length === 0 ? (
        <p data-testid="nothing-to-decide">{t('nothingToDecide')}</p>
      ) : (
        <ol className="decision-list" data-testid="recommendation">
          {entries.map((entry, index) => (
            <Entry
              key={`${entry.kind}:${entry.regionId ?? entry.unitId}`}
              entry={entry}
              index={index}
              state={state}
              plan={plan}
              units={units}
              onDraft={onDraft}
            />
          ))}
        </ol>
      )}
      {alternatives.length > 0 && (
        <details className="alternatives" data-testid="alternatives">
          <summary>{t('alternatives', alternatives.length)}</summary>
          <ul>
            {alternatives.map((region) => (
              <li key={region.id} data-testid="alternative" data-members={region.members.join(',')}>
                <LevelBadge level={region.level} /> {namesOf(language, units, region.members)}{' '}
                <button type="button" onClick={() => setFix(region.id)}>
                  {t('useInstead')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
