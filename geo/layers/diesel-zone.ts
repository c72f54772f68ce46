import { cleanCoords } from '@turf/clean-coords';
import { kinks } from '@turf/kinks';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { levelRank, type WarningLevel } from '../../shared/levels';
import { BEIJING_OFFSET } from '../../shared/time';
import {
  insideXinjiang,
  outsideXinjiangMessage,
  recordIdSchema,
  syntheticSchema,
  unitIdSchema,
} from './common';

const position = z.tuple([z.number().finite(), z.number().finite()]).rest(z.number());

const ring = z
  .array(position)
  .min(4, { message: 'a ring needs at least 4 positions', abort: true })
  .refine((points) => points[0]![0] === points.at(-1)![0] && points[0]![1] === points.at(-1)![1], {
    message: 'ring is not closed: its last position must repeat the first',
    abort: true,
  })
  .superRefine((points, context) => {
    const outside = points.find(([lon, lat]) => !insideXinjiang(lon, lat));
    if (outside)
      context.addIssue({
        code: 'custom',
        message: `position (${outside[0]}, ${outside[1]}) ${outsideXinjiangMessage}`,
      });
  });

/** A zone whose boundary crosses itself has no well-defined inside: say where it crosses. */
function checkSimple(geometry: Polygon | MultiPolygon, context: z.RefinementCtx): void {
  const crossings = kinks(cleanCoords({ type: 'Feature', properties: {}, geometry })).features;
  const first = crossings[0]?.geometry.coordinates;
  if (first)
    context.addIssue({
      code: 'custom',
      message: `the zone's boundary crosses itself at ${crossings.length} point(s), first at (${first.map((degrees) => Number(degrees.toFixed(6))).join(', ')})`,
    });
}

export const zoneGeometrySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
  ])
  .superRefine((geometry, context) => checkSimple(geometry as Polygon | MultiPolygon, context));
export type ZoneGeometry = z.infer<typeof zoneGeometrySchema>;

/** A daily time window, e.g. "07:00-22:00"; "22:00-06:00" runs over midnight, "00:00-24:00" is all day. */
export const timeWindowSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
    message: 'time window must look like 07:00-22:00',
  })
  .refine((window) => window.slice(0, 5) !== window.slice(6), {
    message: 'time window starts and ends at the same time',
  });

/** A diesel-vehicle restriction zone drawn by a local government (plans 4.3.1.2: 特定区域内禁行柴油车辆). */
export const dieselZoneSchema = z.object({
  id: recordIdSchema,
  name: z.string().trim().min(1),
  unitId: unitIdSchema,
  geometry: zoneGeometrySchema,
  /** The lowest warning level at which the zone applies; it applies at every level above too. */
  fromLevel: z.enum(['yellow', 'orange', 'red']),
  timeWindows: z.array(timeWindowSchema).min(1),
  synthetic: syntheticSchema,
});
export type DieselZone = z.infer<typeof dieselZoneSchema>;

function minutesOfDay(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** Plans 4.3.1.2: a zone restricts diesel trucks from its level upward, inside its daily (Beijing) time windows. */
export function zoneActive(
  zone: Pick<DieselZone, 'fromLevel' | 'timeWindows'>,
  level: WarningLevel,
  now: number,
): boolean {
  if (levelRank(level) < levelRank(zone.fromLevel)) return false;
  const minute = Math.floor(((now + BEIJING_OFFSET) % 86_400_000) / 60_000);
  return zone.timeWindows.some((window) => {
    const start = minutesOfDay(window.slice(0, 5));
    const end = minutesOfDay(window.slice(6));
    return start < end ? minute >= start && minute < end : minute >= start || minute < end;
  });
}
