import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { composeDustAdvisory } from '../../../shared/documents/dust-advisory';
import type { Jurisdiction } from '../../../shared/units/schema';
import { documentQuery, pressQueries } from '../api/press';
import { useLanguage } from '../i18n/language';
import { NoticePreview } from './notice-preview';

/**
 * Sand and dust at the chosen hour: no warning is started (both plans leave it out), so the press office
 * publishes health advice instead (Kizilsu 3.3.1). Shown only when a unit is in dust; units the office has
 * not confirmed yet are named, as the advice should wait for or accompany that confirmation.
 */
export function DustAdvisoryPanel({ jurisdiction, at }: { jurisdiction: Jurisdiction; at: number }) {
  const { t, language } = useLanguage();
  const { data: context } = useQuery(pressQueries.dustAdvisory(jurisdiction, at));
  const advisory = useMemo(
    () => (context ? composeDustAdvisory(context, language) : null),
    [context, language],
  );
  if (!context || !advisory) return null;
  const unconfirmed = context.units.filter((unit) => !unit.confirmed).map((unit) => unit[language]);
  const link = (format: string) =>
    `/api/dust-advisory?${documentQuery({ jurisdiction, format, at, lang: language })}`;
  return (
    <section className="press-dust" data-testid="dust-advisory">
      <h2>{t('dustAdvisory')}</h2>
      {unconfirmed.length > 0 && (
        <p className="notice" data-testid="dust-unconfirmed">
          {t('dustUnconfirmed', unconfirmed.join(language === 'zh' ? '、' : ', '))}
        </p>
      )}
      <NoticePreview notice={advisory} testId="dust-advisory-preview" />
      <p className="press-actions">
        <a href={link('docx')} download data-testid="dust-advisory-docx">
          {t('downloadWord')}
        </a>
        <a href={link('txt')} download data-testid="dust-advisory-txt">
          {t('downloadText')}
        </a>
      </p>
    </section>
  );
}
