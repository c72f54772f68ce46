import { Router } from 'express';
import { z } from 'zod';
import { isWholeHour, parseInstant } from '../../shared/time';
import { jurisdictionSchema } from '../../shared/units/schema';
import type { Engine } from './engine';

const stateQuerySchema = z.object({
  jurisdiction: jurisdictionSchema,
  /** A past hour end (ISO 8601 with offset) for the time slider; absent = the engine's now. */
  at: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      try {
        const at = parseInstant(value);
        if (isWholeHour(at)) return at;
        context.addIssue({
          code: 'custom',
          message: 'at must be the end of an hour, e.g. 2019-12-12T08:00:00+08:00',
        });
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
      return z.NEVER;
    }),
});

/** GET /api/state?jurisdiction=ili|kizilsu[&at=<iso hour end>] — shared/state/schema.ts JurisdictionState. */
export function stateRouter(engine: Engine): Router {
  const router = Router();
  router.get('/state', (request, response) => {
    const parsed = stateQuerySchema.safeParse(request.query);
    if (!parsed.success) {
      response.status(400).json({
        error: 'invalid query',
        issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
      });
      return;
    }
    const { jurisdiction, at } = parsed.data;
    if (at !== undefined && at > engine.now(jurisdiction)) {
      response
        .status(400)
        .json({ error: 'invalid query', issues: [{ field: 'at', message: 'at is after the engine now' }] });
      return;
    }
    response.json(engine.state(jurisdiction, at));
  });
  return router;
}
