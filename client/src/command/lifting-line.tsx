import { useQuery } from '@tanstack/react-query';
import type { UnitListing } from '../../../shared/api/responses';
import { levelRank } from '../../../shared/levels';
import type { Warning } from '../../../shared/rules';
import { HOUR } from '../../../shared/time';
import { queries } from '../api/queries';
import { useLanguage } from '../i18n/language';
import { explained, namesOf, when } from './words';

/**
 * Lowering or lifting (级别调整和解除, 36 h) on an issued warning's card, computed by the server on the
 * engine's series (GET /api/warnings/:id/outlook): the condition now, the lift countdown as far as the
 * forecast shows, what is missing when the forecast is too short, and which members lift together.
 */
export function LiftingLine({
  warning,
  now,
  units,
}: {
  warning: Warning;
  now: number;
  units: ReadonlyMap<string, UnitListing>;
}) {
  const { language, t } = useLanguage();
  const answer = useQuery(queries.outlook(warning.id, now)).data;
  if (!answer?.outlook) return null;
  const { outlook } = answer;
  const check = outlook.now;
  const needsUntil = now + (outlook.hoursNeeded - 1) * HOUR;
  const short = outlook.coveredUntil !== null && outlook.coveredUntil < needsUntil;
  const stillOwn = answer.members.filter((member) => levelRank(member.recommendedLevel) > 0);
  return (
    <div
      className={check.met ? 'lifting met' : 'lifting'}
      data-testid="lifting-check"
      data-met={String(check.met)}
      data-to-level={check.toLevel}
      data-liftable-at={outlook.liftableAt ?? ''}
      role={check.met ? 'alert' : undefined}
    >
      {check.met && (
        <strong>
          {t(check.toLevel === 'none' ? 'liftingMet' : 'loweringMet')}
          {check.cleanFrom !== null && ` (${when(check.cleanFrom)})`}:{' '}
        </strong>
      )}
      {explained(language, check.explanation)}
      {!check.met && (
        <p data-testid="lift-countdown">
          {outlook.liftableAt !== null
            ? outlook.toLevel === 'none'
              ? t('liftableAt', when(outlook.liftableAt), Math.round((outlook.liftableAt - now) / HOUR))
              : t(
                  'lowerableAt',
                  when(outlook.liftableAt),
                  Math.round((outlook.liftableAt - now) / HOUR),
                  t(outlook.toLevel ?? 'none'),
                )
            : short || outlook.coveredUntil === null
              ? t(
                  'forecastShort',
                  outlook.coveredUntil === null ? '—' : when(outlook.coveredUntil),
                  outlook.hoursNeeded,
                )
              : t('notWithinForecast', when(outlook.coveredUntil), outlook.hoursNeeded)}
        </p>
      )}
      {warning.target.kind === 'region' && (
        <p className="hint">
          {t('liftTogether', namesOf(language, units, warning.target.members))}
          {stillOwn.length > 0 && (
            <>
              {' '}
              {t(
                'stillOwnLevel',
                namesOf(
                  language,
                  units,
                  stillOwn.map((member) => member.unitId),
                ),
              )}
            </>
          )}
        </p>
      )}
    </div>
  );
}
