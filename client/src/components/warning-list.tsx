import { levelRank } from '../../../shared/levels';
import type { IssuedLevel } from '../../../shared/plans/schema';
import { unitInForce } from '../../../shared/state/in-force';
import type { JurisdictionState } from '../../../shared/state/schema';
import { useLanguage } from '../i18n/language';
import { unitNameById } from '../i18n/names';
import { beijingMinute } from '../time/beijing';
import { LevelBadge } from './level-badge';

/** The autonomous region's warning on a prefecture (Kizilsu 3.3.2): its level, units, and the response. */
function externalWarning(state: JurisdictionState) {
  const entries = state.units.map((unit) => ({ unit, inForce: unitInForce(state.jurisdiction, unit) }));
  const under = entries.filter(({ inForce }) => inForce.external !== 'none');
  if (under.length === 0) return null;
  const level = under.reduce<IssuedLevel>(
    (highest, { inForce }) =>
      levelRank(inForce.external) > levelRank(highest) ? (inForce.external as IssuedLevel) : highest,
    'yellow',
  );
  const due = under.filter(({ inForce }) => inForce.responseDue).map(({ unit }) => unit.id);
  return { level, members: under.map(({ unit }) => unit.id), due };
}

/**
 * Every warning in force on what the view shows (issue 16): the prefectures' own (and proposals, with
 * their status), and the autonomous region's regional warning, with whether the prefecture has responded.
 */
export function WarningList({ states }: { states: readonly JurisdictionState[] }) {
  const { t, language } = useLanguage();
  const name = (id: string) => unitNameById(language, id);
  const warnings = states.flatMap((state) => state.warnings);
  const externals = states.flatMap((state) => externalWarning(state) ?? []);
  return (
    <section className="warning-list" data-testid="warning-list">
      <h2>{t('activeWarnings')}</h2>
      {warnings.length === 0 && externals.length === 0 ? (
        <p>{t('noWarnings')}</p>
      ) : (
        <ol>
          {externals.map((external) => (
            <li key="external" data-testid="external-warning" data-level={external.level}>
              <LevelBadge level={external.level} />
              <span className="target">{t('externalWarning', external.level)}</span>
              <span className="target">{external.members.map(name).join(t('listSeparator'))}</span>
              <span
                className={`response${external.due.length > 0 ? ' due' : ''}`}
                data-testid="external-response"
              >
                {external.due.length === 0
                  ? t('responseStarted', external.level)
                  : external.due.length === external.members.length
                    ? t('responseNotStarted', external.level)
                    : `${t('responseNotStarted', external.level)}${t('colon')}${external.due.map(name).join(t('listSeparator'))}`}
              </span>
              <span className="time">{t('externalCitation')}</span>
            </li>
          ))}
          {warnings.map((warning) => (
            <li key={warning.id} data-level={warning.level}>
              <LevelBadge level={warning.level === 'none' ? warning.proposedLevel : warning.level} />
              <span className="target">
                {warning.target.kind === 'unit'
                  ? name(warning.target.unitId)
                  : `${t('regionalWarning')}${t('colon')}${t('dueRegion', name(warning.target.members[0]!), warning.target.members.length)}`}
              </span>
              <span className="time">
                {warning.issuedAt === null
                  ? `${t('proposedAt')} ${beijingMinute(warning.proposedAt)} (${t(`status-${warning.status}`)})`
                  : // Issued ahead of its effective hour: listed, but not as if it were in force yet.
                    `${t('issuedAt')} ${beijingMinute(warning.issuedAt)}${warning.status === 'issued' ? ` (${t('status-issued')})` : ''}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
