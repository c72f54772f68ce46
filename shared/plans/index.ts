/**
 * The emergency plans as data (issue 5). One file per plan revision, validated by `planSchema` at load.
 *
 *   plans: Record<Jurisdiction, Plan>     the plan in force per jurisdiction
 *   planById(id): Plan | undefined        any revision by id ('ili-2023', 'kizilsu-2024')
 *   approvalChain(plan, level)            ordered roles that sign an issue or a change to `level`
 *   measuresAt(plan, level)               cumulative response measures (each level adds to the one below)
 *   Plan, Role, Measure, Clause           types (z.infer of the schemas in ./schema)
 *
 * A new revision is a new data file added to `revisions` below; no code changes.
 */
import { levelRank } from '../levels';
import type { Jurisdiction } from '../units/schema';
import { ili2023 } from './ili-2023';
import { kizilsu2024 } from './kizilsu-2024';
import type { ApprovalChain, IssuedLevel, Measure, Plan } from './schema';

export type {
  ApprovalChain,
  ApprovalStep,
  Clause,
  IssuedLevel,
  Measure,
  MemberUnit,
  Plan,
  Role,
} from './schema';
export { planSchema, roleSchema } from './schema';

const revisions: readonly Plan[] = [ili2023, kizilsu2024];

export const plans: Record<Jurisdiction, Plan> = { ili: ili2023, kizilsu: kizilsu2024 };

export function planById(id: string): Plan | undefined {
  return revisions.find((plan) => plan.id === id);
}

export function approvalChain(plan: Plan, level: IssuedLevel): ApprovalChain {
  return plan.approval[level];
}

export function measuresAt(plan: Plan, level: IssuedLevel): Measure[] {
  return plan.measures.filter((measure) => levelRank(measure.level) <= levelRank(level));
}
