import { type CSSProperties, useCallback, useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import type { TimelineState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';

const playIntervalMs = 1000;
/** How far back the slider reaches before the server has said (the side panel's 72 h). */
const pastHours = 72;

type Timeline = {
  /** The chosen hour end, or null when following now (LIVE). */
  selected: number | null;
  playing: boolean;
  select: (at: number | null) => void;
  step: (hours: number) => void;
  play: () => void;
  pause: () => void;
};

/** The hours the slider reaches: the oldest stored hour, now, and the end of the forecast horizon. */
export type HourRange = { oldest: number; now: number; end: number };

/**
 * From the oldest stored hour of any prefecture to the latest forecast window end (issue 7); while the
 * server has not said, the last 72 h. A horizon already behind now leaves now as the end.
 */
export function sliderRange(liveNow: number, timelines: readonly TimelineState[] | null): HourRange {
  if (timelines === null) return { oldest: liveNow - pastHours * HOUR, now: liveNow, end: liveNow };
  const oldest = timelines.flatMap((timeline) => (timeline.oldest === null ? [] : [timeline.oldest]));
  const ends = timelines.flatMap((timeline) => (timeline.forecastEnd === null ? [] : [timeline.forecastEnd]));
  return { oldest: Math.min(liveNow, ...oldest), now: liveNow, end: Math.max(liveNow, ...ends) };
}

/**
 * The now the slider stands at: the latest now of a prefecture with stored hours. Under CLOCK=data a
 * prefecture without any data stands at the wall clock, which would pull the track years past the data
 * there is (only Kizilsu fed: the slider showed today). Every prefecture's when none has data or before the
 * server has said.
 */
export function dataNow(
  live: readonly { jurisdiction: string; now: number }[],
  timelines: readonly TimelineState[] | null,
): number | null {
  const stored = live.filter((state) =>
    timelines?.some((timeline) => timeline.jurisdiction === state.jurisdiction && timeline.oldest !== null),
  );
  const counted = stored.length > 0 ? stored : live;
  return counted.length > 0 ? Math.max(...counted.map((state) => state.now)) : null;
}

/** How much of the stored past the track shows: a year of replay would leave the forecast a sliver. */
const spanChoices = [3, 7, 30, 0] as const;
const spanDaysSchema = z.union(spanChoices.map((days) => z.literal(days)));
type SpanDays = (typeof spanChoices)[number];

/** The part of the range on the track: the last `spanDays` (0 = all stored), always including the chosen hour. */
export function trackRange(range: HourRange, spanDays: number, selected: number | null): HourRange {
  if (spanDays === 0) return range;
  const from = Math.min(range.now - spanDays * 24 * HOUR, selected ?? range.now);
  return { ...range, oldest: Math.max(range.oldest, from) };
}

export function clampHour(at: number, range: HourRange): number {
  return Math.min(Math.max(at, range.oldest), range.end);
}

export type SliderTimeline = Timeline & { range: HourRange | null };

/**
 * The chosen hour, or null when following now (LIVE). Playing advances an hour a second (starting 72 h
 * back from LIVE), passes now into the forecast and stops at the horizon's end, or at now without one.
 */
export function useSliderTimeline(liveNow: number | null, timelines: readonly TimelineState[] | null) {
  const [selected, setSelected] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const bounds = liveNow === null ? null : sliderRange(liveNow, timelines);
  const oldest = bounds?.oldest ?? null;
  const end = bounds?.end ?? null;
  // A new range only when a bound moves, so the play timer is not reset by every render.
  const range = useMemo(
    () => (liveNow === null || oldest === null || end === null ? null : { oldest, now: liveNow, end }),
    [liveNow, oldest, end],
  );
  const select = useCallback(
    (at: number | null) => {
      if (at === null || range === null) setSelected(null);
      else setSelected(clampHour(at, range) === range.now ? null : clampHour(at, range));
    },
    [range],
  );
  const step = useCallback(
    (hours: number) => {
      if (range) select((selected ?? range.now) + hours * HOUR);
    },
    [range, selected, select],
  );
  useEffect(() => {
    if (!playing || range === null) return;
    if ((selected ?? range.now) >= range.end) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => step(1), playIntervalMs);
    return () => clearTimeout(timer);
  }, [playing, selected, step, range]);
  const timeline: SliderTimeline = {
    selected,
    playing,
    select,
    step,
    play: () => {
      if (selected === null && range !== null) select(range.now - pastHours * HOUR);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    range,
  };
  return timeline;
}

/**
 * Stored hours, now and the forecast horizon on one range input; the forecast part of the track is hatched
 * and marked 预报, and so is the time shown there. LIVE when following now. Every control is a real button
 * or range input (keyboard reachable).
 */
export function TimeSlider({ timeline }: { timeline: SliderTimeline }) {
  const { t } = useLanguage();
  const [spanDays, setSpanDays] = useState<SpanDays>(7);
  if (timeline.range === null) return null;
  const range = trackRange(timeline.range, spanDays, timeline.selected);
  const shown = timeline.selected ?? range.now;
  const live = timeline.selected === null;
  const forecast = shown > range.now;
  const span = Math.max(1, range.end - range.oldest);
  const track = { '--now-at': `${((range.now - range.oldest) / span) * 100}%` } as CSSProperties;
  const label = forecast ? `${t('forecast')} ${beijingMinute(shown)}` : beijingMinute(shown);
  return (
    <div className="time-slider" data-testid="time-slider">
      <button type="button" onClick={() => timeline.step(-1)} aria-label={t('stepBack')}>
        ◀
      </button>
      {timeline.playing ? (
        <button type="button" onClick={timeline.pause} aria-label={t('pause')}>
          ❚❚
        </button>
      ) : (
        <button type="button" onClick={timeline.play} aria-label={t('play')}>
          ▶
        </button>
      )}
      <button
        type="button"
        onClick={() => timeline.step(1)}
        aria-label={t('stepForward')}
        disabled={shown >= range.end}
      >
        ▶|
      </button>
      <span className="time-track" style={track}>
        <input
          type="range"
          aria-label={range.end > range.now ? `${t('history')} · ${t('forecast')}` : t('history')}
          aria-valuetext={label}
          data-testid="time-range"
          min={(range.oldest - range.now) / HOUR}
          max={(range.end - range.now) / HOUR}
          step={1}
          value={Math.round((shown - range.now) / HOUR)}
          onChange={(event) => timeline.select(range.now + Number(event.target.value) * HOUR)}
        />
        {range.end > range.now && (
          <span className="forecast-marker" data-testid="forecast-marker" aria-hidden="true">
            {t('forecast')}
          </span>
        )}
      </span>
      <select
        aria-label={t('sliderSpan')}
        data-testid="time-span"
        value={spanDays}
        onChange={(event) => setSpanDays(spanDaysSchema.parse(Number(event.target.value)))}
      >
        {spanChoices.map((days) => (
          <option key={days} value={days}>
            {days === 0 ? t('spanAll') : t('spanPastDays', days)}
          </option>
        ))}
      </select>
      <output data-testid="time-shown" className={forecast ? 'forecast' : undefined}>
        {label}
      </output>
      {live ? (
        <span className="live-badge" data-testid="live-badge">
          ● {t('live')}
        </span>
      ) : (
        <button type="button" onClick={() => timeline.select(null)} data-testid="back-to-live">
          {t('backToLive')}
        </button>
      )}
    </div>
  );
}
