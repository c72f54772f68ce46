import { useEffect, useMemo } from 'react';
import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { usePastStates } from '../live/pastState';
import { useLive } from '../live/useLive';
import { type Timeline, useTimeline } from '../live/useTimeline';
import type { SituationMap } from '../map/SituationMap';

const both: readonly Jurisdiction[] = ['ili', 'kizilsu'];

/** Live states, the timeline over them, and what is on screen (a past hour or now), fed to the map. */
export function useDisplayedStates(map: SituationMap | null) {
  const { states: live, status } = useLive(both);
  const liveList = useMemo(() => Object.values(live), [live]);
  const liveNow = liveList.length > 0 ? Math.max(...liveList.map((state) => state.now)) : null;
  const timeline: Timeline = useTimeline(liveNow);
  const past = usePastStates(both, timeline.selected);
  const shown: JurisdictionState[] = useMemo(
    () => (timeline.selected !== null && past ? Object.values(past) : liveList),
    [timeline.selected, past, liveList],
  );
  useEffect(() => {
    if (map && shown.length > 0) map.setStates(shown);
  }, [map, shown]);
  return { shown, status, timeline, liveNow };
}
