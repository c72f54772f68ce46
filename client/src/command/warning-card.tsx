import type { Session, UnitListing } from '../../../shared/api/responses';
import type { Plan } from '../../../shared/plans';
import { approvedLevel, levelInForce, statusAt, type Warning } from '../../../shared/rules';
import type { Jurisdiction } from '../../../shared/units/schema';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';
import { ApprovalChain } from './approval-chain';
import { LiftingLine } from './lifting-line';
import { Packets } from './packets';
import { WarningActions } from './warning-actions';
import { WarningHistory } from './warning-history';
import { cited, nameOf, namesOf } from './words';

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  warning: Warning;
  now: number;
  session: Session;
  units: ReadonlyMap<string, UnitListing>;
  onDone: (message: string) => void;
  onError: (message: string) => void;
};

/** Whose turn it is on a warning's pending chain, or null. */
export function nextStep(warning: Warning) {
  const pending = warning.pending;
  return pending ? (pending.steps[pending.signatures.length] ?? null) : null;
}

/**
 * The card's first line: level in force, target, status, and an approved level not yet in force with the
 * hour it takes effect (an issue or a change can be approved ahead of its effective time).
 */
export function WarningCardHeader({ warning, now, units }: Pick<Props, 'warning' | 'now' | 'units'>) {
  const { language, t } = useLanguage();
  const issued = warning.status === 'issued';
  const status = statusAt(warning, now);
  const approved = approvedLevel(warning);
  const upcoming = issued ? warning.segments.at(-1)! : null;
  const target =
    warning.target.kind === 'unit'
      ? nameOf(language, units, warning.target.unitId)
      : `${t('region')}: ${namesOf(language, units, warning.target.members)}`;
  return (
    <header>
      <LevelBadge level={issued ? levelInForce(warning, now) : warning.proposedLevel} />{' '}
      <strong>{target}</strong> <span data-testid="warning-status">{t(`status-${status}`)}</span>
      {issued && approved !== levelInForce(warning, now) && (
        <span>
          {' '}
          {t('approvedAt')} <LevelBadge level={approved} />
        </span>
      )}
      {upcoming && upcoming.from > now && (
        <span data-testid="takes-effect"> {t('takesEffectAt', beijingMinute(upcoming.from))}</span>
      )}
    </header>
  );
}

/** Less notice than the plan asks, with the plan's section (its English title beside it on English screens). */
export function ShortLeadNote({ warning }: { warning: Warning }) {
  const { language, t } = useLanguage();
  const lead = warning.leadTime;
  if (!lead?.short) return null;
  return (
    <p className="late" role="note">
      {t('shortLead', Math.round(lead.actualHours), lead.requiredHours, cited(language, lead.citation))}
    </p>
  );
}

/** One warning: target and status, lead time, lifting line, chain, actions, history and decision packets. */
export function WarningCard(props: Props) {
  const { warning, now, units } = props;
  const issued = warning.status === 'issued';
  const status = statusAt(warning, now);
  const approved = approvedLevel(warning);
  return (
    <article
      id={`warning-${warning.id}`}
      className="warning-card"
      data-testid="warning-card"
      data-warning={warning.id}
      data-status={status}
    >
      <WarningCardHeader warning={warning} now={now} units={units} />
      <ShortLeadNote warning={warning} />
      {issued && approved !== 'none' && <LiftingLine warning={warning} now={now} units={units} />}
      <ApprovalChain warning={warning} now={now} />
      {['proposed', 'under-approval', 'issued'].includes(warning.status) && <WarningActions {...props} />}
      <WarningHistory warning={warning} />
      <Packets warningId={warning.id} units={units} />
    </article>
  );
}
