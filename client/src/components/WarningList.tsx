import { unitById } from '../../../geo/units';
import type { WarningState } from '../../../shared/state/schema';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';
import { LevelBadge } from './LevelBadge';

/** Open warnings with their targets and issue (or proposal) times; statuses spelled out. */
export function WarningList({ warnings }: { warnings: readonly WarningState[] }) {
  const { t, language } = useLanguage();
  const name = (id: string) => {
    const unit = unitById.get(id);
    return unit ? (language === 'zh' ? unit.nameZh : unit.nameEn) : id;
  };
  return (
    <section className="warning-list" data-testid="warning-list">
      <h2>{t('activeWarnings')}</h2>
      {warnings.length === 0 ? (
        <p>{t('noWarnings')}</p>
      ) : (
        <ol>
          {warnings.map((warning) => (
            <li key={warning.id}>
              <LevelBadge level={warning.level === 'none' ? warning.proposedLevel : warning.level} />
              <span className="target">
                {warning.target.kind === 'unit'
                  ? name(warning.target.unitId)
                  : `${t('regionalWarning')}: ${warning.target.members.map(name).join('、')}`}
              </span>
              <span className="time">
                {warning.issuedAt !== null
                  ? `${t('issuedAt')} ${beijingMinute(warning.issuedAt)}`
                  : `${t('proposedAt')} ${beijingMinute(warning.proposedAt)} (${warning.status})`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
