import { targetOfKey } from '../../../shared/rules/lifecycle/state';
import type { JurisdictionState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { useLanguage } from '../i18n/language';
import { unitNameById } from '../i18n/names';
import { beijingMinute } from '../time/beijing';
import { LevelBadge } from './level-badge';

/**
 * What the plans' §7 says is due and nobody has done yet (conditions met but no warning started, raised,
 * lowered or lifted), with how long: "no warning" on the header is then a decision waiting, not calm air.
 */
export function DecisionsDue({ states }: { states: readonly JurisdictionState[] }) {
  const { t, language } = useLanguage();
  const flags = states.flatMap((state) => state.compliance.map((flag) => ({ flag, now: state.now })));
  const name = (id: string) => unitNameById(language, id);
  return (
    <section
      className={`decisions-due${flags.length > 0 ? ' due' : ''}`}
      data-testid="decisions-due"
      data-count={flags.length}
    >
      <h2>{t('decisionsDue')}</h2>
      {flags.length === 0 ? (
        <p>{t('noDecisionsDue')}</p>
      ) : (
        <ul>
          {flags.map(({ flag, now }) => {
            const target = targetOfKey(flag.targetKey);
            const hours = Math.round((now - flag.since) / HOUR);
            const since = beijingMinute(flag.since);
            return (
              <li key={`${flag.kind}-${flag.targetKey}`} data-kind={flag.kind} data-target={flag.targetKey}>
                <LevelBadge level={flag.toLevel ?? flag.level} /> <strong>{t(`flag-${flag.kind}`)}</strong>
                <span className="target">
                  {target.kind === 'region'
                    ? t('dueRegion', name(target.members[0]!), target.members.length)
                    : name(target.members[0]!)}
                </span>
                <small>{hours === 0 ? t('dueJustNow', since) : t('flagFor', hours, since)}</small>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
