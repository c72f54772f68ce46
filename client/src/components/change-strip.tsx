import type { Jurisdiction } from '../../../shared/units/schema';
import type { Language } from '../i18n/dictionary';
import { useLanguage } from '../i18n/language';
import { unitNameById } from '../i18n/names';
import { beijingMinute } from '../time/beijing';
import type { Change } from '../views/changes';

type Translate = ReturnType<typeof useLanguage>['t'];

function targetName(change: Extract<Change, { target: unknown }>, language: Language, t: Translate): string {
  const name = (id: string) => unitNameById(language, id);
  return change.target.kind === 'unit'
    ? name(change.target.unitId)
    : `${t('regionalWarning')}${t('openBracket')}${change.target.members.map(name).join(t('listSeparator'))}${t('closeBracket')}`;
}

function sentence(change: Change, language: Language, t: Translate): string {
  switch (change.kind) {
    case 'issued':
      return t('changeIssued', targetName(change, language, t), change.level);
    case 'raised':
      return t('changeRaised', targetName(change, language, t), change.level);
    case 'lowered':
      return t('changeLowered', targetName(change, language, t), change.level);
    case 'lifted':
      return t('changeLifted', targetName(change, language, t));
    case 'external-set':
      return t('changeExternalSet', change.level);
    case 'external-lifted':
      return t('changeExternalLifted');
    case 'station-stale':
      return t('changeStationStale', change.station);
    case 'station-back':
      return t('changeStationBack', change.station);
    case 'clock-back':
      return t('changeClockBack', t(change.jurisdiction));
  }
}

/** The shown prefecture's latest changes, newest first, each with its time on that prefecture's clock (issue 16). */
export function ChangeStrip({
  changes,
  jurisdiction,
}: {
  changes: readonly Change[];
  jurisdiction: Jurisdiction;
}) {
  const { t, language } = useLanguage();
  const shown = changes.filter((change) => change.jurisdiction === jurisdiction);
  return (
    <section className="change-strip" data-testid="changes" aria-live="polite">
      <h2>
        {t('whatChanged')}
        {t('openBracket')}
        {t(jurisdiction)}
        {t('closeBracket')}
      </h2>
      {shown.length === 0 ? (
        <p>{t('noChanges')}</p>
      ) : (
        <ol>
          {shown.map((change) => {
            const text = sentence(change, language, t);
            return (
              <li key={`${change.at}|${text}`} data-kind={change.kind}>
                <time>{beijingMinute(change.at)}</time> {text}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
