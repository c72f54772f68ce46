import { plans } from '../../shared/plans';
import {
  type Actor,
  actionRefusal,
  applyWarningEvent,
  type Guard,
  guardsFor,
  type Refusal,
  type Warning,
  type WarningAction,
  type WarningBook,
  type WarningEvent,
  warningEventSchema,
} from '../../shared/rules';
import type { Jurisdiction } from '../../shared/units/schema';
import type { NowEvaluation } from '../engine/jurisdiction-state';
import type { Store, StoredEvent } from '../store/types';
import {
  type ActionBody,
  type ExistingAction,
  eventForAction,
  levelOf,
  type ProposeBody,
  proposeEvent,
} from './actions';
import { bookOf } from './book';
import { evidenceFor } from './evidence';
import { packetFor } from './packets';

export type WarningContext = {
  store: Store;
  /** The engine's evaluation at now for a jurisdiction: the evidence the guards and packets read. */
  evaluation: (jurisdiction: Jurisdiction) => NowEvaluation;
  now: (jurisdiction: Jurisdiction) => number;
};

export type ActionRequest = {
  jurisdiction: Jurisdiction;
  actor: Actor;
  /** The account's prefecture (null: both), for the shared check of who may act. */
  accountJurisdiction: Jurisdiction | null;
  /** Who the audit names. */
  auditActor: string;
  /** Check everything, store nothing (docs/API.md `?dryRun=true`). */
  dryRun: boolean;
} & (
  | { action: 'propose'; body: ProposeBody }
  | { action: ExistingAction; warningId: string; body: ActionBody }
);

export type GuardAnswer = { id: Guard['id']; explanation: Guard['explanation'] };

/** What an action came to: an error answer (status and body), or the event stored (or only checked). */
export type ActionResult =
  | { ok: false; status: 400 | 403 | 404 | 409; body: { error: string; [detail: string]: unknown } }
  | {
      ok: true;
      /** 201 for a new proposal, 200 otherwise (and for a proposal answered again by its idempotency key). */
      status: 200 | 201;
      stored: StoredEvent | null;
      event: WarningEvent;
      warning: Warning | null;
      guards: GuardAnswer[];
      dryRun: boolean;
      /** True when this request stored the event (not a dry run, not a repeated proposal). */
      fresh: boolean;
    };

function refused(reason: Refusal): ActionResult {
  return {
    ok: false,
    status: reason.forbidden ? 403 : 409,
    body: { error: reason.en, code: reason.code, zh: reason.zh, en: reason.en },
  };
}

/** A proposal sent again with the same idempotency key by the same account: the warning it made. */
function repeated(store: Store, book: WarningBook, request: ActionRequest): ActionResult | null {
  if (request.action !== 'propose' || !request.body.warningId) return null;
  const key = request.body.warningId;
  const earlier = store.events(request.jurisdiction).find((stored) => {
    const parsed = warningEventSchema.safeParse(stored.payload);
    return (
      parsed.success &&
      parsed.data.type === 'propose' &&
      parsed.data.idempotencyKey === key &&
      parsed.data.actor.userId === request.actor.userId
    );
  });
  if (!earlier) return null;
  const event = warningEventSchema.parse(earlier.payload);
  const warning = 'warningId' in event ? (book.warnings[event.warningId] ?? null) : null;
  return {
    ok: true,
    status: 200,
    stored: earlier,
    event,
    warning,
    guards: [],
    dryRun: request.dryRun,
    fresh: false,
  };
}

/**
 * One warning action, checked in the order an answer should explain it: who may act (shared actions.ts:
 * 403 / 409), the event against the schema that stores it (400 naming the field: a 2xx always takes
 * effect), the plan guards (409 `guards` unless overridden with a reason; a dry run answers them with 200), the
 * fold (403 / 409); then
 * the event, its audit entry and, when it puts a level in force or lifts one, its decision packet, in one
 * transaction. Refusals are audited; malformed requests and dry runs write nothing.
 */
export function performAction(context: WarningContext, request: ActionRequest): ActionResult {
  const { store } = context;
  const { jurisdiction, actor } = request;
  const plan = plans[jurisdiction];
  const book = bookOf(store, jurisdiction);
  const again = repeated(store, book, request);
  if (again) return again;
  const at = context.now(jurisdiction);
  const warning = request.action === 'propose' ? null : (book.warnings[request.warningId] ?? null);
  if (request.action !== 'propose' && !warning)
    return { ok: false, status: 404, body: { error: `no warning ${request.warningId}`, code: 'no-warning' } };
  const audit = (action: string, detail: Record<string, unknown>) => {
    if (!request.dryRun)
      store.appendAudit({
        at: Date.now(),
        actor: request.auditActor,
        action,
        detail: { jurisdiction, ...detail },
      });
  };
  const acting = { role: actor.role, userId: actor.userId, jurisdiction: request.accountJurisdiction, at };
  const who = actionRefusal(
    plan,
    warning,
    acting,
    request.action as WarningAction,
    levelOf(request.body as ActionBody),
  );
  if (who) {
    audit(`warning.${request.action}.refused`, {
      warningId: warning?.id ?? null,
      error: who.en,
      code: who.code,
    });
    return refused(who);
  }
  const built =
    request.action === 'propose'
      ? proposeEvent(request.body, actor, at)
      : eventForAction(warning!, request.action, request.body, actor, at, jurisdiction);
  const parsed = warningEventSchema.safeParse(built);
  if (!parsed.success)
    return {
      ok: false,
      status: 400,
      body: {
        error: `invalid ${request.action}`,
        issues: parsed.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(body)',
          message: issue.message,
        })),
      },
    };
  let event = parsed.data;
  const subject = request.action === 'propose' ? request.body.target : warning!.target;
  const guards: GuardAnswer[] = guardsFor(
    plan,
    book,
    event,
    evidenceFor(context.evaluation(jurisdiction), subject),
  );
  const override = request.body.overrideGuards;
  // A dry run is a question: the guards it finds are its answer (200), not a refusal; the fold still checks.
  const previewed = request.dryRun && !override && guards.length > 0;
  if (guards.length > 0 && !override && !request.dryRun) {
    audit(`warning.${event.type}.refused`, { event, guards: guards.map((guard) => guard.id) });
    return {
      ok: false,
      status: 409,
      body: {
        error: `refused by the plan's guards: ${guards.map((guard) => guard.id).join(', ')}; send overrideGuards with a reason to proceed`,
        code: 'guards',
        zh: `预案条件不满足：${guards.map((guard) => guard.explanation.zh).join(' ')}如确属特殊情况，请填写理由后越过。`,
        en: `The plan's conditions do not hold: ${guards.map((guard) => guard.explanation.en).join(' ')} To proceed as a special case, give a reason.`,
        guards,
      },
    };
  }
  if (guards.length > 0 && override)
    event = {
      ...event,
      overrideGuards: { reason: override.reason, guards: guards.map((guard) => guard.id) },
    } as WarningEvent;
  const applied = applyWarningEvent(book, event);
  if (!applied.ok) {
    audit(`warning.${event.type}.refused`, { event, error: applied.error, code: applied.refusal.code });
    return refused(applied.refusal);
  }
  const after = 'warningId' in event ? (applied.state.warnings[event.warningId] ?? null) : null;
  const status = request.action === 'propose' && !previewed ? 201 : 200;
  if (request.dryRun)
    return { ok: true, status, stored: null, event, warning: after, guards, dryRun: true, fresh: false };
  const stored = store.transaction(() => {
    const appended = store.appendEvent(jurisdiction, event, event.at);
    const overridden =
      'overrideGuards' in event && event.overrideGuards
        ? {
            override: { by: actor, reason: event.overrideGuards.reason, guards: event.overrideGuards.guards },
          }
        : {};
    store.appendAudit({
      at: Date.now(),
      actor: request.auditActor,
      action: `warning.${event.type}`,
      detail: { jurisdiction, seq: appended.seq, event, ...overridden },
    });
    if (after) {
      const packet = packetFor(context.evaluation(jurisdiction), jurisdiction, appended, after, guards);
      if (packet) store.appendPacket(packet);
    }
    return appended;
  });
  return { ok: true, status, stored, event, warning: after, guards, dryRun: false, fresh: true };
}
