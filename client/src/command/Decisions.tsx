import type { UnitListing } from '../../../shared/api/responses';
import type { Plan, Role } from '../../../shared/plans';
import { averageDailySeries, type DailySeries, type Warning, type WarningBook } from '../../../shared/rules';
import type { Jurisdiction } from '../../../shared/units/schema';
import { useLanguage } from '../i18n/language';
import { roleName } from '../i18n/names';
import { useSay } from './say';
import { nextStep, WarningCard } from './WarningCard';

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  book: WarningBook | null;
  now: number;
  role: Role;
  units: ReadonlyMap<string, UnitListing>;
  seriesByUnit: ReadonlyMap<string, DailySeries>;
  csrfToken: string;
  onDone: (message: string) => void;
  onError: (message: string) => void;
};

const closed = ['rejected', 'cancelled', 'lifted'];

/** The inbox of what awaits this role, then every open warning, then the closed ones with their history. */
export function Decisions(props: Props) {
  const say = useSay();
  const { language } = useLanguage();
  const warnings = Object.values(props.book?.warnings ?? {}).sort((a, b) => b.proposedAt - a.proposedAt);
  const inbox = warnings.filter((warning) => nextStep(warning)?.role === props.role);
  const open = warnings.filter((warning) => !closed.includes(warning.status) && !inbox.includes(warning));
  const done = warnings.filter((warning) => closed.includes(warning.status));
  const subjectSeries = (warning: Warning) => {
    const members = warning.target.kind === 'unit' ? [warning.target.unitId] : warning.target.members;
    const known = members.flatMap((id) => props.seriesByUnit.get(id) ?? []);
    return known.length === members.length ? averageDailySeries(known) : null;
  };
  const card = (warning: Warning) => (
    <WarningCard key={warning.id} warning={warning} series={subjectSeries(warning)} {...props} />
  );
  return (
    <section className="command-panel" aria-labelledby="decisions-title" data-testid="decisions">
      <h2 id="decisions-title">{say('决策与审批', 'Decisions')}</h2>
      <h3>
        {say('待我处理', 'Awaiting me')}（{roleName(language, props.role)}）
      </h3>
      <div data-testid="inbox">
        {inbox.length === 0 ? <p>{say('暂无待办', 'Nothing awaits you')}</p> : inbox.map(card)}
      </div>
      <h3>{say('在办预警', 'Open warnings')}</h3>
      <div data-testid="open-warnings">{open.length === 0 ? <p>{say('无', 'None')}</p> : open.map(card)}</div>
      {done.length > 0 && (
        <details>
          <summary>{say(`已结束（${done.length}）`, `Closed (${done.length})`)}</summary>
          <div data-testid="closed-warnings">{done.map(card)}</div>
        </details>
      )}
    </section>
  );
}
