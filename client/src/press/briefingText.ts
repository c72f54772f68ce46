import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { type Language, translate } from '../i18n/dictionary';
import { beijingMinute } from '../time/beijing';

/** The words around the map in the briefing image and the Word notice. */
export type BriefingText = { title: string; time: string; footer: string[]; simulated: boolean };

/**
 * Title with the prefecture and the data time in Beijing time; footer with the approximate-boundary
 * caveat, the boundary attribution, the source, and the simulated-station caveat when any station is simulated.
 */
export function briefingText(
  state: JurisdictionState,
  language: Language,
  attribution: string,
): BriefingText {
  const place = translate(language, state.jurisdiction);
  const time = beijingMinute(state.now);
  const simulated = state.stations.some((station) => station.simulated);
  return {
    simulated,
    title:
      language === 'zh'
        ? `${place} ${translate(language, 'briefingTitle')}`
        : `${place}: ${translate(language, 'briefingTitle')}`,
    time: language === 'zh' ? `数据时间：北京时间 ${time}` : `Data time: ${time} Beijing time`,
    footer: [
      translate(language, 'approximateBoundary'),
      attribution,
      translate(language, 'briefingSource'),
      ...(simulated ? [translate(language, 'containsSimulated')] : []),
    ],
  };
}

/** tianshan-ili-2019-01-07-12-00.png: the prefecture and the data time in Beijing time. */
export function briefingFileName(jurisdiction: Jurisdiction, now: number, extension: 'png' | 'docx'): string {
  return `tianshan-${jurisdiction}-${beijingMinute(now).replace(/[ :]/g, '-')}.${extension}`;
}
