import type { Session, UnitListing } from '../../../shared/api/responses';
import { plans } from '../../../shared/plans';
import { mayConfirmDust } from '../../../shared/rules/lifecycle/actions';
import { targetOfKey } from '../../../shared/rules/lifecycle/state';
import type { JurisdictionState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import { DustConfirmation } from './dust-confirmation';
import { cited, explained, nameOf, namesOf, when } from './words';

/**
 * Plan §7 accountability flags, from the same state as the decisions: a region is flagged only when it is
 * one the recommendation chose (shared/rules/compliance.ts reads the cover), so the two never contradict.
 */
export function Compliance({
  state,
  units,
  session,
}: {
  state: JurisdictionState;
  units: ReadonlyMap<string, UnitListing>;
  session: Session;
}) {
  const { language, t } = useLanguage();
  const flags = state.compliance;
  const plan = plans[state.jurisdiction];
  const confirmsDust = mayConfirmDust(plan, session.account.role);
  const targetName = (key: string) => {
    const target = targetOfKey(key);
    if (target.kind === 'unit') return nameOf(language, units, target.members[0]!);
    return `${t('region')} ${namesOf(language, units, target.members)}`;
  };
  if (flags.length === 0)
    return (
      <section className="compliance ok" data-testid="compliance" aria-live="polite">
        {t('complianceOk')}
      </section>
    );
  return (
    <section className="compliance alert" data-testid="compliance" role="alert">
      <h2>{t('complianceTitle', flags.length)}</h2>
      <ul>
        {flags.map((flag) => (
          <li
            key={`${flag.kind}-${flag.targetKey}-${flag.level}`}
            data-testid="compliance-flag"
            data-kind={flag.kind}
            data-target={flag.targetKey}
          >
            <strong>{t(`flag-${flag.kind}`)}</strong> {targetName(flag.targetKey)}{' '}
            <LevelBadge level={flag.toLevel ?? flag.level} />{' '}
            {t('flagFor', Math.round((state.now - flag.since) / HOUR), when(flag.since))}
            <details>
              <summary>{t('why')}</summary>
              {explained(language, flag.explanation)} [
              {flag.explanation.citations.map((section) => cited(language, section)).join('; ')}]
            </details>
            {flag.kind === 'dust-unconfirmed' && flag.dustPeriod && confirmsDust && (
              <DustConfirmation
                plan={plan}
                jurisdiction={state.jurisdiction}
                unitId={targetOfKey(flag.targetKey).members[0]!}
                period={flag.dustPeriod}
                csrfToken={session.csrfToken}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
