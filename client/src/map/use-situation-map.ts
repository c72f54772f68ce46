import { type RefObject, useEffect, useRef, useState } from 'react';
import { queries } from '../api/queries';
import { listedOnPage, queryClient } from '../api/query-client';
import { offlineStyle } from './base-style';
import { SituationMap, type SituationMapOptions } from './situation-map';
import { exposeTestHook } from './test-hook';

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
    Promise.all([
      queryClient.fetchQuery(queries.config()),
      queryClient.fetchQuery(queries.boundaries()),
    ]).then(([config, boundaries]) => {
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
    }, listedOnPage);
    return () => {
      cancelled = true;
      created?.destroy();
    };
  }, [container]);
  return { map, attribution };
}
