import type { z } from 'zod';
import { insideXinjiang, outsideXinjiangMessage } from './common';

/** Adds an issue on lon when a point record's coordinates are not in Xinjiang (a wrong CRS, usually). */
export function checkPointInXinjiang(record: { lon: number; lat: number }, context: z.RefinementCtx): void {
  if (!insideXinjiang(record.lon, record.lat))
    context.addIssue({
      code: 'custom',
      path: ['lon'],
      message: `point (${record.lon}, ${record.lat}) ${outsideXinjiangMessage}`,
    });
}
