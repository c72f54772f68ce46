import { useEffect, useMemo, useRef, useState } from 'react';
import type { Jurisdiction } from '../../../shared/units/schema';
import { useLanguage } from '../i18n/language';
import { useSituationMap } from '../map/useSituationMap';
import { downloadBriefingImage, downloadNoticeDocument } from '../press/download';
import { adviceLine, notice } from './notice';
import { useDisplayedStates } from './useDisplayedStates';
import { unitsOf } from './wallViews';

/** For the press office: a briefing image (title, map, legend, sources) and the notice as Word, both keyboard reachable. */
export function PressView() {
  const container = useRef<HTMLDivElement>(null);
  const { t, language, toggle } = useLanguage();
  const { map, attribution } = useSituationMap(container, { preserveDrawingBuffer: true, language });
  const { shown } = useDisplayedStates(map);
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>('ili');
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => map?.setLanguage(language), [map, language]);
  useEffect(() => {
    const bounds = map?.boundsOf(unitsOf(jurisdiction));
    if (map && bounds) map.fit(bounds, false);
  }, [map, jurisdiction]);
  const state = shown.find((candidate) => candidate.jurisdiction === jurisdiction);
  const written = useMemo(() => (state ? notice(state, language) : null), [state, language]);

  function download(save: typeof downloadBriefingImage): void {
    const mapCanvas = map?.canvas();
    if (!mapCanvas || !state || !written) return;
    setFailure(null);
    save({ mapCanvas, state, notice: written, language, attribution }).catch((error: Error) =>
      setFailure(error.message),
    );
  }

  return (
    <div className="view press-view">
      <header className="press-header">
        <h1>{t('title')}</h1>
        <select
          value={jurisdiction}
          onChange={(event) => setJurisdiction(event.target.value as Jurisdiction)}
          aria-label={t('jurisdiction')}
        >
          <option value="ili">{t('ili')}</option>
          <option value="kizilsu">{t('kizilsu')}</option>
        </select>
        <button
          type="button"
          onClick={() => download(downloadBriefingImage)}
          disabled={!written}
          data-testid="snapshot"
        >
          {t('snapshot')}
        </button>
        <button
          type="button"
          onClick={() => download(downloadNoticeDocument)}
          disabled={!written}
          data-testid="notice-word"
        >
          {t('downloadNotice')}
        </button>
        <button type="button" onClick={toggle}>
          {t('language')}
        </button>
      </header>
      <div ref={container} className="map" data-testid="map" />
      <section className="notice" data-testid="notice">
        <h2>{t('notice')}</h2>
        {failure && <p role="alert">{failure}</p>}
        {written ? (
          written.paragraphs.map((paragraph) => <p key={paragraph}>{paragraph}</p>)
        ) : (
          <p>{t('loading')}</p>
        )}
        {written?.adviceIntro && (
          <>
            <h3>{t('publicAdvice')}</h3>
            <p>{written.adviceIntro}</p>
            <ul className="notice-advice" data-testid="notice-advice">
              {written.advice.map((item) => (
                <li key={item.text}>{adviceLine(item, language)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
