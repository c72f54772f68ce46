import { useEffect, useRef, useState } from 'react';
import type { Jurisdiction } from '../../../shared/units/schema';
import { useLanguage } from '../i18n/language';
import { useSituationMap } from '../map/useSituationMap';
import { beijingMinute } from '../time/beijing';
import { noticeText } from './notice';
import { useDisplayedStates } from './useDisplayedStates';
import { unitsOf } from './wallViews';

/** For the press office: the map as a PNG and a notice written from the state, both keyboard reachable. */
export function PressView() {
  const container = useRef<HTMLDivElement>(null);
  const { t, language, toggle } = useLanguage();
  const { map } = useSituationMap(container, { preserveDrawingBuffer: true, language });
  const { shown } = useDisplayedStates(map);
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>('ili');
  useEffect(() => map?.setLanguage(language), [map, language]);
  useEffect(() => {
    const bounds = map?.boundsOf(unitsOf(jurisdiction));
    if (map && bounds) map.fit(bounds, false);
  }, [map, jurisdiction]);
  const state = shown.find((candidate) => candidate.jurisdiction === jurisdiction);

  function download(): void {
    const canvas = map?.canvas();
    if (!canvas || !state) return;
    const link = document.createElement('a');
    link.download = `tianshan-${jurisdiction}-${beijingMinute(state.now).replace(/[ :]/g, '-')}.png`;
    link.href = canvas.toDataURL('image/png');
    link.click();
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
        <button type="button" onClick={download} data-testid="snapshot">
          {t('snapshot')}
        </button>
        <button type="button" onClick={toggle}>
          {t('language')}
        </button>
      </header>
      <div ref={container} className="map" data-testid="map" />
      <section className="notice" data-testid="notice">
        <h2>{t('notice')}</h2>
        <p>{state ? noticeText(state, language) : t('loading')}</p>
      </section>
    </div>
  );
}
