import './snapshot.css';
import { useEffect, useRef, useState } from 'react';
import { type SnapshotInput, snapshotInputSchema } from '../../../shared/documents/snapshot';
import type { JurisdictionState } from '../../../shared/state/schema';
import { Legend } from '../components/legend';
import { LevelBadge } from '../components/level-badge';
import { LanguageProvider } from '../i18n/language';
import type { SituationMap } from '../map/situation-map';
import { useSituationMap } from '../map/use-situation-map';
import { kmPerDegreeLongitude, scaleBar } from '../press/scale-bar';
import { unitsOf } from './wall-views';

declare global {
  interface Window {
    /** The server's headless Chromium drives this page (server/press/snapshot.ts). */
    __snapshot?: { render: (input: unknown) => Promise<void> };
  }
}

const layers = { stations: true, enterprises: false, dieselZones: false, dustSources: false };

/** The other prefecture keeps its geometry but shows no values: a picture carries one data time only. */
function blank(state: JurisdictionState): JurisdictionState {
  return {
    ...state,
    regions: [],
    warnings: [],
    compliance: [],
    units: state.units.map((unit) => ({ ...unit, hourlyAqi: null, dailyAqi: null, primaryPollutants: [] })),
    stations: state.stations.map((station) => ({ ...station, hourlyAqi: null })),
  };
}

type Bar = { km: number; pixels: number } | null;

/** The scale at the middle of the jurisdiction, once the view is fitted to it. */
function barFor(map: SituationMap, bounds: [number, number, number, number]): Bar {
  const latitude = (bounds[1] + bounds[3]) / 2;
  const longitude = (bounds[0] + bounds[2]) / 2;
  const [x0] = map.project(longitude, latitude);
  const [x1] = map.project(longitude + 1, latitude);
  return scaleBar((x1 - x0) / kmPerDegreeLongitude(latitude), 180);
}

function ScaleAndNorth({ bar }: { bar: Bar }) {
  return (
    <div className="snapshot-scale" data-testid="snapshot-scale">
      <svg className="north" viewBox="0 0 40 56" aria-label="N">
        <polygon points="20,2 34,40 20,32 6,40" fill="#e8edf2" stroke="#10151c" strokeWidth="2" />
        <text x="20" y="54" textAnchor="middle" fill="#e8edf2" fontSize="14" fontWeight="bold">
          N
        </text>
      </svg>
      {bar && (
        <div className="bar">
          <div className="line" style={{ width: bar.pixels }} />
          <span>{bar.km} km</span>
        </div>
      )}
    </div>
  );
}

/**
 * One briefing picture for the server (GET /api/snapshot, /api/playback): the wall's map object with title,
 * data time, legend, warnings in force, scale bar, north arrow, sources and the marks. The server calls
 * window.__snapshot.render(input); it resolves only once the map and its layers are idle.
 */
export function SnapshotView() {
  const container = useRef<HTMLDivElement>(null);
  const { map, attribution } = useSituationMap(container, { wall: true });
  const [input, setInput] = useState<SnapshotInput | null>(null);
  const committed = useRef<(() => void) | null>(null);
  const previous = useRef<JurisdictionState | null>(null);
  const [bar, setBar] = useState<Bar>(null);

  useEffect(() => {
    if (!map) return;
    window.__snapshot = {
      render: (raw) =>
        new Promise<void>((resolve) => {
          const next = snapshotInputSchema.parse(raw);
          committed.current = resolve;
          setInput(next);
        }).then(async () => {
          await document.fonts.ready;
          await map.settled();
        }),
    };
  }, [map]);

  useEffect(() => {
    if (!map || !input) return;
    map.setLanguage(input.language);
    const states = [input.state];
    const other = previous.current;
    if (other && other.jurisdiction !== input.jurisdiction) states.push(blank(other));
    previous.current = input.state;
    map.setStates(states);
    const bounds = map.boundsOf(unitsOf(input.jurisdiction));
    if (bounds) {
      map.fit(bounds, false);
      setBar(barFor(map, bounds));
    }
    const resolve = committed.current;
    committed.current = null;
    resolve?.();
  }, [map, input]);

  return (
    <LanguageProvider fixed={input?.language ?? 'zh'}>
      <div className="snapshot" data-testid="snapshot-page" data-ready={input ? 'yes' : 'no'}>
        <header className="snapshot-title">
          <h1>{input?.title}</h1>
          <span className="snapshot-time">{input?.dataTime}</span>
        </header>
        {input?.exercise && <div className="snapshot-exercise">{input.exercise}</div>}
        <div className="snapshot-body">
          <div ref={container} className="snapshot-map" data-testid="map">
            {input?.clock && <div className="snapshot-clock">{input.clock}</div>}
            {input && <ScaleAndNorth bar={bar} />}
          </div>
          <aside className="snapshot-side">
            {/* The warnings first: at 800×600 the legend fills the side, and what is cut off at the
                bottom must not be the warnings the picture is sent for. */}
            <section className="snapshot-warnings">
              <h2>{input?.warningsHeading}</h2>
              {input && input.warnings.length === 0 && <p>{input.noWarnings}</p>}
              <ul>
                {input?.warnings.map((warning) => (
                  <li key={warning.text}>
                    <LevelBadge level={warning.level} /> {warning.text}
                  </li>
                ))}
              </ul>
            </section>
            <Legend metric="hourly" visible={layers} sampleLabel={null} />
          </aside>
        </div>
        <footer className="snapshot-footer">
          {input?.footer.map((line) => (
            <span key={line}>{line}</span>
          ))}
          <span>{attribution}</span>
        </footer>
      </div>
    </LanguageProvider>
  );
}
