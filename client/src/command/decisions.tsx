import type { Session, UnitListing } from '../../../shared/api/responses';
import type { Plan } from '../../../shared/plans';
import type { Warning, WarningBook } from '../../../shared/rules';
import type { Jurisdiction } from '../../../shared/units/schema';
import { useLanguage } from '../i18n/language';
import { roleName } from '../i18n/names';
import { nextStep, WarningCard } from './warning-card';

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  book: WarningBook | null;
  now: number;
  session: Session;
  units: ReadonlyMap<string, UnitListing>;
  onDone: (message: string) => void;
  onError: (message: string) => void;
};

const closed = ['rejected', 'cancelled', 'lifted'];

/** The inbox of what awaits this role, then every open warning, then the closed ones with their history. */
export function Decisions(props: Props) {
  const { language, t } = useLanguage();
  const role = props.session.account.role;
  const warnings = Object.values(props.book?.warnings ?? {}).sort((a, b) => b.proposedAt - a.proposedAt);
  const inbox = warnings.filter((warning) => nextStep(warning)?.role === role);
  const open = warnings.filter((warning) => !closed.includes(warning.status) && !inbox.includes(warning));
  const done = warnings.filter((warning) => closed.includes(warning.status));
  const card = (warning: Warning) => <WarningCard key={warning.id} warning={warning} {...props} />;
  return (
    <section className="command-panel" aria-labelledby="decisions-title" data-testid="decisions">
      <h2 id="decisions-title">{t('decisionsTitle')}</h2>
      <h3>{t('awaitingMe', roleName(language, role))}</h3>
      <div data-testid="inbox">{inbox.length === 0 ? <p>{t('nothingAwaits')}</p> : inbox.map(card)}</div>
      <h3>{t('openWarnings')}</h3>
      <div data-testid="open-warnings">{open.length === 0 ? <p>{t('noneOpen')}</p> : open.map(card)}</div>
      {done.length > 0 && (
        <details open>
          <summary>{t('closedWarnings', done.length)}</summary>
          <div data-testid="closed-warnings">{done.map(card)}</div>
        </details>
      )}
    </section>
  );
}
