import { targetOfKey } from '../../../shared/rules/lifecycle/state';
import type { ComplianceFlagState, JurisdictionState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { useLanguage } from '../i18n/language';
import { unitNameById } from '../i18n/names';
import { beijingDayHour } from '../time/beijing';
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

type Line = {
  key: string;
  level: ComplianceFlagState['level'];
  hours: number;
  since: number;
  targets: string[];
};

/**
 * Targets due at the same level for the same time share a line (the autonomous region's warning makes every
 * Kizilsu unit due at once): a peak's decisions then leave the legend on the screen.
 */
function sameLine(entries: readonly Due[]): Line[] {
  const lines = new Map<string, Line>();
  for (const { flag, now } of entries) {
    const level = flag.toLevel ?? flag.level;
    const hours = Math.round((now - flag.since) / HOUR);
    const key = `${level}@${hours}`;
    const line = lines.get(key);
    if (line) line.targets.push(flag.targetKey);
    else lines.set(key, { key, level, hours, since: flag.since, targets: [flag.targetKey] });
  }
  return [...lines.values()];
}

/**
 * What the plans' §7 says is due and nobody has done yet (conditions met but no warning started, raised,
 * lowered or lifted), with how long: "no warning" on the header is then a decision waiting, not calm air.
 * One line per level and duration, so that a peak's half-dozen decisions leave the stale stations and the
 * legend on the screen.
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
              {sameLine(entries).map((line) => (
                <li key={line.key} data-kind={kind} data-targets={line.targets.join(' ')}>
                  <LevelBadge level={line.level} />{' '}
                  <strong className="target">
                    {line.targets
                      .map((key) => {
                        const target = targetOfKey(key);
                        return target.kind === 'region'
                          ? t('dueRegion', name(target.members[0]!), target.members.length)
                          : name(target.members[0]!);
                      })
                      .join(language === 'zh' ? '、' : ', ')}
                  </strong>{' '}
                  <small>
                    {line.hours === 0
                      ? t('dueJustNow')
                      : t('dueFor', line.hours, beijingDayHour(language, line.since))}
                  </small>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
