import type { WarningLevel } from '../../levels';
import type { ApprovalStep, IssuedLevel } from '../../plans/schema';
import type { Period } from '../dust';
import type { Actor, GuardOverride, WarningEventType, WarningTarget } from './schema';

export type Signature = { userId: string; role: Actor['role']; at: number; reason: string };

/** An issue or a level change waiting for its chain (the chain of the level it leads to). */
export type PendingApproval = {
  kind: 'issue' | 'raise' | 'lower';
  level: IssuedLevel;
  effectiveAt: number;
  steps: ApprovalStep[];
  signatures: Signature[];
  requestedAt: number;
};

export type HistoryEntry = {
  type: WarningEventType;
  outcome:
    | 'proposed'
    | 'signed'
    | 'issued'
    | 'rejected'
    | 'change-proposed'
    | 'raised'
    | 'lowered'
    | 'change-rejected'
    | 'lifted'
    | 'cancelled'
    | 'overridden'
    | 'dust-confirmed';
  at: number;
  actor: Actor;
  reason: string;
  citation: string;
  level: WarningLevel | null;
  /** The plan guards this step overrode (特殊情况) and why; the actor above gave it. */
  overrideGuards: GuardOverride | null;
};

export type Warning = {
  id: string;
  /** Warnings merged under the 36 h rule share an episode id (the first warning's id). */
  episodeId: string;
  mergedFrom: string | null;
  target: WarningTarget;
  status: 'proposed' | 'under-approval' | 'issued' | 'rejected' | 'cancelled' | 'lifted';
  proposedLevel: IssuedLevel;
  proposedAt: number;
  issuedAt: number | null;
  liftedAt: number | null;
  /** Levels in force once approved, each from its effective time (read with levelInForce). */
  segments: { level: IssuedLevel; from: number }[];
  pending: PendingApproval | null;
  /** Set at issue: the lead the plan asks and the lead given; `short` warns the commander. */
  leadTime: { requiredHours: number; actualHours: number; short: boolean; citation: string } | null;
  history: HistoryEntry[];
};

export type Override = {
  unitId: string;
  warningId: string;
  level: WarningLevel;
  at: number;
  actor: Actor;
  reason: string;
  citation: string;
};

export type DustConfirmation = Period & {
  unitId: string;
  at: number;
  actor: Actor;
  reason: string;
  citation: string;
};

/** Everything the fold knows for one jurisdiction's plan. */
export type WarningBook = {
  planId: string;
  warnings: Record<string, Warning>;
  overrides: Override[];
  dust: DustConfirmation[];
  /** Time of the last accepted event; events must not go back in time. */
  lastEventAt: number | null;
};

export function emptyBook(planId: string): WarningBook {
  return { planId, warnings: {}, overrides: [], dust: [], lastEventAt: null };
}

export function targetKey(target: WarningTarget): string {
  return target.kind === 'unit' ? `unit:${target.unitId}` : `region:${target.regionId}`;
}

/**
 * What a target key names, for screens that show a compliance flag: a unit, or a region by its members
 * (a found region's id is `region:` and its members joined by `+`, shared/rules/regions).
 */
export function targetOfKey(key: string): { kind: 'unit' | 'region'; members: string[] } {
  if (key.startsWith('unit:')) return { kind: 'unit', members: [key.slice('unit:'.length)] };
  return { kind: 'region', members: key.replace(/^region:(region:)?/, '').split('+') };
}
