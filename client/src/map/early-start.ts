import { queries } from '../api/queries';
import { queryClient } from '../api/query-client';
import { openFeeds } from '../live/early-feeds';

/**
 * What a map view needs before it can draw, asked for while its code is still loading (issue 16: the
 * wall's cold start): the map's configuration and boundaries (useSituationMap finds them in the query
 * cache, or in flight) and both prefectures' live feeds (useLive takes them over).
 */
export function startMapData(): void {
  void queryClient.prefetchQuery(queries.config());
  void queryClient.prefetchQuery(queries.boundaries());
  openFeeds(['ili', 'kizilsu']);
}
