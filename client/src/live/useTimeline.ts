import { useCallback, useEffect, useState } from 'react';
import { HOUR } from '../../../shared/time';

/** How far back the slider reaches (the side panel's 72 h). */
export const pastHours = 72;
const playIntervalMs = 1000;

export type Timeline = {
  /** The chosen hour end, or null when following now (LIVE). */
  selected: number | null;
  playing: boolean;
  select: (at: number | null) => void;
  step: (hours: number) => void;
  play: () => void;
  pause: () => void;
};

/** The time slider's state: a chosen past hour or LIVE; playing advances an hour a second until now. */
export function useTimeline(liveNow: number | null): Timeline {
  const [selected, setSelected] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);

  const select = useCallback(
    (at: number | null) => {
      if (at === null || liveNow === null || at >= liveNow) setSelected(null);
      else setSelected(Math.max(at, liveNow - pastHours * HOUR));
    },
    [liveNow],
  );
  const step = useCallback(
    (hours: number) => {
      if (liveNow === null) return;
      select((selected ?? liveNow) + hours * HOUR);
    },
    [liveNow, selected, select],
  );

  useEffect(() => {
    if (!playing) return;
    if (selected === null) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => step(1), playIntervalMs);
    return () => clearTimeout(timer);
  }, [playing, selected, step]);

  return {
    selected,
    playing,
    select,
    step,
    play: () => {
      if (selected === null && liveNow !== null) setSelected(liveNow - pastHours * HOUR);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
  };
}
