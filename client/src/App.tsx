import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { offlineStyle } from './map/baseStyle';
import { SituationMap } from './map/SituationMap';
import { useConnection } from './useConnection';

const connectionLabels = { connecting: '连接中…', connected: '已连接', disconnected: '连接已断开' } as const;

export function App() {
  const container = useRef<HTMLDivElement>(null);
  const { state } = useConnection();
  const [attribution, setAttribution] = useState('');

  useEffect(() => {
    let map: SituationMap | null = null;
    let cancelled = false;
    void (async () => {
      const config = (await (await fetch('/api/config')).json()) as { basemapStyleUrl: string | null };
      const boundaries = (await (await fetch('/api/boundaries')).json()) as FeatureCollection & {
        attribution: string;
      };
      if (cancelled || !container.current) return;
      map = new SituationMap(container.current, config.basemapStyleUrl ?? offlineStyle);
      map.setBoundaries(boundaries);
      setAttribution(boundaries.attribution);
    })();
    return () => {
      cancelled = true;
      map?.destroy();
    };
  }, []);

  return (
    <>
      <div ref={container} className="map" data-testid="map" />
      <div className="status-bar">
        <strong>天山空气 · 重污染天气应急</strong>
        <span className="connection" data-testid="connection" data-state={state}>
          {connectionLabels[state]}
        </span>
      </div>
      <div className="attribution">{attribution}</div>
    </>
  );
}
