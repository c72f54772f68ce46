import { type RefObject, useEffect, useRef, useState } from 'react';
import { offlineStyle } from './baseStyle';
import type { BoundaryCollection } from './geometry';
import { SituationMap, type SituationMapOptions } from './SituationMap';
import { exposeTestHook } from './testHook';

/** Creates the map once for a container, loads the boundaries once, and hands the object to the view. */
export function useSituationMap(
  container: RefObject<HTMLDivElement | null>,
  options: SituationMapOptions,
): { map: SituationMap | null; attribution: string } {
  const [map, setMap] = useState<SituationMap | null>(null);
  const [attribution, setAttribution] = useState('');
  const optionsRef = useRef(options);
  useEffect(() => {
    let created: SituationMap | null = null;
    let cancelled = false;
    void (async () => {
      const [config, boundaries] = await Promise.all([
        fetch('/api/config').then(
          (response) => response.json() as Promise<{ basemapStyleUrl: string | null }>,
        ),
        fetch('/api/boundaries').then((response) => response.json() as Promise<BoundaryCollection>),
      ]);
      if (cancelled || !container.current) return;
      created = new SituationMap(
        container.current,
        config.basemapStyleUrl ?? offlineStyle,
        optionsRef.current,
      );
      created.setBoundaries(boundaries);
      exposeTestHook(created);
      setAttribution(boundaries.attribution);
      setMap(created);
    })();
    return () => {
      cancelled = true;
      created?.destroy();
    };
  }, [container]);
  return { map, attribution };
}
