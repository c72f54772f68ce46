import { HOUR } from '../../../shared/time';
import { useLanguage } from '../i18n/language';
import { pastHours, type Timeline } from '../live/useTimeline';
import { beijingMinute } from '../time/beijing';

/** Past hours up to now; LIVE when following now. Every control is a real button or range input. */
export function TimeSlider({ timeline, liveNow }: { timeline: Timeline; liveNow: number | null }) {
  const { t } = useLanguage();
  if (liveNow === null) return null;
  const shown = timeline.selected ?? liveNow;
  const live = timeline.selected === null;
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
      <button type="button" onClick={() => timeline.step(1)} aria-label={t('stepForward')} disabled={live}>
        ▶|
      </button>
      <input
        type="range"
        aria-label={t('history')}
        data-testid="time-range"
        min={-pastHours}
        max={0}
        step={1}
        value={Math.round((shown - liveNow) / HOUR)}
        onChange={(event) => timeline.select(liveNow + Number(event.target.value) * HOUR)}
      />
      <output data-testid="time-shown">{beijingMinute(shown)}</output>
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
