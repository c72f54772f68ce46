import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { plans } from '../../shared/plans';
import { type Actor, approvedLevel, warningActions, warningEventSchema } from '../../shared/rules';
import { liftingOutlook } from '../../shared/rules/lifecycle/outlook';
import { recommendationCover } from '../../shared/rules/regions/cover';
import { type Jurisdiction, jurisdictionSchema } from '../../shared/units/schema';
import { officeRecordsAccess } from '../auth/access';
import { actorName, readOnlyRoles } from '../auth/principal';
import type { NowEvaluation } from '../engine/jurisdiction-state';
import type { Store, StoredEvent } from '../store/types';
import {
  actionSchema,
  confirmDustEvent,
  confirmDustSchema,
  type ExistingAction,
  proposeSchema,
} from '../warnings/actions';
import { bookOf, jurisdictionOfWarning } from '../warnings/book';
import { evidenceFor, membersOf } from '../warnings/evidence';
import { type ActionResult, performAction } from '../warnings/perform';
import { recordWarningEvent } from '../warnings/record';
import { HttpError, parseOr400 } from './errors';
import { enforce, requireJurisdiction, requirePrincipal } from './guards';
import { readablePacket, readablePackets } from './packets';

export type WarningOptions = {
  store: Store;
  /** The instant events are stamped with: the engine's now for the jurisdiction (CLOCK=data follows the data). */
  now: (jurisdiction: Jurisdiction) => number;
  /** The engine's evaluation at now: the evidence guards, packets and alternative covers read. */
  evaluation: (jurisdiction: Jurisdiction) => NowEvaluation;
  /** After an event is stored: the engine re-folds and the live module sends it (engine.eventsAppended). */
  appended: (events: StoredEvent[]) => void;
};

/** Warning actions for signed-in command and office accounts; press and the wall are read-only (403). */
function actorOf(
  request: Request,
  jurisdiction: Jurisdiction,
): { actor: Actor; name: string; accountJurisdiction: Jurisdiction | null } {
  const principal = requirePrincipal(request);
  if (principal.kind === 'feeder') throw new HttpError(403, { error: 'API keys may not act on warnings' });
  if (readOnlyRoles.includes(principal.account.role)) {
    throw new HttpError(403, {
      error: `role ${principal.account.role} is read-only for warnings`,
      code: 'read-only',
      zh: '本角色只能查看预警',
      en: `the ${principal.account.role} role may only read warnings`,
    });
  }
  requireJurisdiction(principal, jurisdiction);
  return {
    actor: { userId: principal.account.username, role: principal.account.role },
    name: actorName(principal),
    accountJurisdiction: principal.account.jurisdiction,
  };
}

const dryRunSchema = z.object({ dryRun: z.enum(['true', 'false']).optional() });

export function warningsRouter(options: WarningOptions): Router {
  const { store } = options;
  const router = Router();
  const context = { store, evaluation: options.evaluation, now: options.now };

  const answer = (response: Response, result: ActionResult) => {
    if (!result.ok) {
      response.status(result.status).json(result.body);
      return;
    }
    if (result.stored && result.fresh) options.appended([result.stored]);
    response.status(result.status).json({
      seq: result.stored?.seq ?? null,
      event: result.event,
      warning: result.warning,
      guards: result.guards,
      ...(result.dryRun ? { dryRun: true } : {}),
    });
  };

  router.get('/warnings', (request, response) => {
    const { jurisdiction } = parseOr400(
      z.object({ jurisdiction: jurisdictionSchema }),
      request.query,
      'query',
    );
    enforce(officeRecordsAccess(request.principal ?? null, jurisdiction));
    response.json(bookOf(store, jurisdiction));
  });

  router.post('/warnings/propose', (request, response) => {
    const { dryRun } = parseOr400(dryRunSchema, request.query, 'query');
    const body = parseOr400(proposeSchema, request.body, 'proposal');
    const { actor, name, accountJurisdiction } = actorOf(request, body.jurisdiction);
    const result = performAction(context, {
      action: 'propose',
      jurisdiction: body.jurisdiction,
      actor,
      accountJurisdiction,
      auditActor: name,
      dryRun: dryRun === 'true',
      body,
    });
    answer(response, result);
  });

  router.post('/warnings/confirm-dust', (request, response) => {
    const body = parseOr400(confirmDustSchema, request.body, 'dust confirmation');
    const { actor, name } = actorOf(request, body.jurisdiction);
    const event = confirmDustEvent(body, actor, options.now(body.jurisdiction));
    const parsed = warningEventSchema.safeParse(event);
    if (!parsed.success)
      throw new HttpError(400, {
        error: 'invalid dust confirmation',
        issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
      });
    const stored = recordWarningEvent(store, body.jurisdiction, parsed.data, name);
    options.appended([stored]);
    response.status(201).json({ seq: stored.seq, event: stored.payload, warning: null });
  });

  router.post('/warnings/:id/:action', (request, response) => {
    const action = z.enum(warningActions).exclude(['propose']).safeParse(request.params.action);
    if (!action.success) throw new HttpError(404, { error: `no warning action ${request.params.action}` });
    const { dryRun } = parseOr400(dryRunSchema, request.query, 'query');
    const warningId = String(request.params.id);
    const jurisdiction = jurisdictionOfWarning(store, warningId);
    if (!jurisdiction) throw new HttpError(404, { error: `no warning ${warningId}`, code: 'no-warning' });
    const { actor, name, accountJurisdiction } = actorOf(request, jurisdiction);
    const body = parseOr400(actionSchema(action.data as ExistingAction), request.body, action.data);
    const result = performAction(context, {
      action: action.data as ExistingAction,
      warningId,
      jurisdiction,
      actor,
      accountJurisdiction,
      auditActor: name,
      dryRun: dryRun === 'true',
      body,
    });
    answer(response, result);
  });

  /**
   * What an issued warning's card shows about lifting (issue 15 decision aids): the condition now, when it
   * will hold as far as the forecast shows, which members lift together and each member's own level now.
   */
  router.get('/warnings/:id/outlook', (request, response) => {
    const warningId = String(request.params.id);
    const jurisdiction = jurisdictionOfWarning(store, warningId);
    if (!jurisdiction) throw new HttpError(404, { error: `no warning ${warningId}`, code: 'no-warning' });
    const warning = bookOf(store, jurisdiction).warnings[warningId]!;
    const level = approvedLevel(warning);
    const evaluation = options.evaluation(jurisdiction);
    const evidence = evidenceFor(evaluation, warning.target);
    const outlook =
      level === 'none' || !evidence.series
        ? null
        : liftingOutlook(
            plans[jurisdiction],
            evidence.series,
            level,
            evidence.now,
            warning.segments.at(-1)?.from,
          );
    const members = membersOf(warning.target).map((unitId) => {
      const unit = evaluation.state.units.find((candidate) => candidate.id === unitId);
      return { unitId, recommendedLevel: unit?.recommendedLevel ?? 'none', dailyAqi: unit?.dailyAqi ?? null };
    });
    response.json({ warningId, now: evidence.now, level, outlook, members });
  });

  /** The decision packets of one warning (issue 15): the evidence frozen with each issue, change and lift. */
  router.get('/warnings/:id/packets', (request, response) => {
    requirePrincipal(request);
    const packets = readablePackets(request, store.packets(String(request.params.id))).map(
      ({ id, warningId, outcome, at, frozenAt }) => ({
        id,
        warningId,
        outcome,
        at,
        frozenAt,
      }),
    );
    response.json({ packets });
  });

  router.get('/packets/:id', (request, response) => {
    const packet = readablePacket(request, store);
    response.json({ id: packet.id, ...(packet.body as object) });
  });

  /** The same packet as a file to keep or send on (JSON, named by warning and event). */
  router.get('/packets/:id/export', (request, response) => {
    const packet = readablePacket(request, store);
    response
      .set(
        'content-disposition',
        `attachment; filename="decision-packet-${packet.warningId}-${packet.eventSeq}.json"`,
      )
      .type('application/json')
      .send(JSON.stringify({ id: packet.id, ...(packet.body as object) }, null, 2));
  });

  /**
   * The recommendation with one region the commander chose fixed (DOMAIN.md "Recommendation": every maximal
   * region not chosen is an alternative; the cover is recomputed around it).
   */
  router.get('/recommendation', (request, response) => {
    const query = parseOr400(
      z.object({ jurisdiction: jurisdictionSchema, fix: z.string().min(1).optional() }),
      request.query,
      'query',
    );
    const evaluation = options.evaluation(query.jurisdiction);
    const plan = plans[query.jurisdiction];
    if (!query.fix || plan.regional.kind !== 'contiguous-average' || !evaluation.coverInput) {
      response.json({ recommendation: evaluation.state.recommendation, fixed: null });
      return;
    }
    const fixed = [...(evaluation.regions ?? []), ...evaluation.alternatives].find(
      (region) => region.id === query.fix,
    );
    if (!fixed) throw new HttpError(404, { error: `no maximal region ${query.fix} at now` });
    const cover = recommendationCover({ ...evaluation.coverInput, fixed: [fixed.members] });
    response.json({ recommendation: cover.recommendation, fixed: fixed.id });
  });
  return router;
}
