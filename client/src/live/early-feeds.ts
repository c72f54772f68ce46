import type { Jurisdiction } from '../../../shared/units/schema';
import { LiveFeed } from './live-feed';

const opened = new Map<Jurisdiction, LiveFeed>();
const quiet = { onState: () => {}, onStatus: () => {}, onOffice: () => {} };

/**
 * Opens the live feeds while the view that reads them is still loading (issue 16: the wall's cold start
 * waited for the 1.9 MB map chunk before it asked for the state). The view takes them over (takeFeed).
 */
export function openFeeds(jurisdictions: readonly Jurisdiction[]): void {
  for (const jurisdiction of jurisdictions)
    if (!opened.has(jurisdiction)) opened.set(jurisdiction, new LiveFeed(jurisdiction, quiet));
}

/** The feed opened early for a jurisdiction, handed over once (then the view owns and closes it). */
export function takeFeed(jurisdiction: Jurisdiction): LiveFeed | undefined {
  const feed = opened.get(jurisdiction);
  opened.delete(jurisdiction);
  return feed;
}
