import { targetOfKey } from '../../../shared/rules/lifecycle/state';
import type { ComplianceFlagState, JurisdictionState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { useLanguage } from '../i18n/language';
import { unitNameById } from '../i18n/names';
import { LevelBadge } from './level-badge';

type Due = { flag: ComplianceFlagState; now: number };

/** Flags grouped by what is due, in the order they first appear: one heading per kind, one line per target. */
function byKind(flags: readonly Due[]): [ComplianceFlagState['kind'], Due[]][] {
  const groups = new Map<ComplianceFlagState['kind'], Due[]>();
  for (const due of flags) {
    const group = groups.get(due.flag.kind);
    if (group) group.push(due);
    else groups.set(due.flag.kind, [due]);
  }
  return [...groups];
}

/**
 * What the plans' §7 says is due and nobody has done yet (conditions met but no warning started, raised,
 * lowered or lifted), with how long: "no warning" on the header is then a decision waiting, not calm air.
 * One line per target, so that a peak's half-dozen decisions leave the stale stations and the legend on
 * the screen.
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
      <h2>
        {t('decisionsDue')}
        {flags.length > 0 && <span className="count">{t('itemCount', flags.length)}</span>}
      </h2>
      {flags.length === 0 ? (
        <p>{t('noDecisionsDue')}</p>
      ) : (
        byKind(flags).map(([kind, entries]) => (
          <div key={kind} className="due-kind">
            <h3>{t(`flag-${kind}`)}</h3>
            <ul>
              {entries.map(({ flag, now }) => {
                const target = targetOfKey(flag.targetKey);
                const hours = Math.round((now - flag.since) / HOUR);
                return (
                  <li key={flag.targetKey} data-kind={flag.kind} data-target={flag.targetKey}>
                    <LevelBadge level={flag.toLevel ?? flag.level} />{' '}
                    <strong className="target">
                      {target.kind === 'region'
                        ? t('dueRegion', name(target.members[0]!), target.members.length)
                        : name(target.members[0]!)}
                    </strong>{' '}
                    <small>{hours === 0 ? t('dueJustNow') : t('dueFor', hours)}</small>
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
