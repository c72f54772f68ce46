import { useCallback, useEffect, useRef, useState } from 'react';
import { auditReaders, type Session } from '../../../shared/api/responses';
import { plans } from '../../../shared/plans';
import type { Jurisdiction } from '../../../shared/units/schema';
import { useLanguage } from '../i18n/language';
import { roleName } from '../i18n/names';
import { useSituationMap } from '../map/use-situation-map';
import { AuditTimeline } from './audit-timeline';
import { Compliance } from './compliance';
import { DecisionList } from './decision-list';
import { Decisions } from './decisions';
import { ForecastImport } from './forecast-import';
import { MissingData } from './missing-data';
import { type Draft, ProposeForm } from './propose-form';
import { ResponsePanel } from './response-panel';
import { useCommandData } from './use-command-data';
import { WhatIf } from './what-if';
import { when } from './words';

type Props = { session: Session; jurisdiction: Jurisdiction };

type Notice = { kind: 'ok' | 'error'; text: string };

/**
 * The console for one prefecture, decision first (issue 15): compliance, then what to decide now (the
 * state's recommendation), the proposal, the approvals; then the map and what-if, response and audit.
 */
export function Console({ session, jurisdiction }: Props) {
  const { language, t } = useLanguage();
  const plan = plans[jurisdiction];
  const role = session.account.role;
  const { state, status, units, book, office } = useCommandData(jurisdiction);
  const [selected, setSelected] = useState<string[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const toggle = useCallback(
    (unitId: string) =>
      setSelected((current) =>
        current.includes(unitId) ? current.filter((id) => id !== unitId) : [...current, unitId],
      ),
    [],
  );
  const { map } = useSituationMap(container, {
    onSelect: (selection) => {
      if (selection.kind === 'unit') toggle(selection.id);
    },
    language,
  });
  useEffect(() => {
    if (map && state) map.setStates([state]);
  }, [map, state]);
  useEffect(() => map?.select(selected.at(-1) ?? null), [map, selected]);
  const fitted = useRef(false);
  useEffect(() => {
    if (!map || fitted.current || units.size === 0) return;
    const bounds = map.boundsOf([...units.keys()]);
    if (bounds) {
      map.fit(bounds, false);
      fitted.current = true;
    }
  }, [map, units]);
  const proposer = plan.proposers.includes(role);
  const onDone = (text: string) => setNotice({ kind: 'ok', text });
  const onError = (text: string) => setNotice({ kind: 'error', text });
  return (
    <div className="command-console">
      <p className="command-status" data-testid="command-now">
        {t('dataTimeBeijing')} {state ? when(state.now) : '—'} ·{' '}
        <span data-state={status.state}>
          {t(status.state === 'connecting' && !state ? 'connecting' : status.state)}
        </span>
      </p>
      {notice && (
        <p
          className={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          {notice.text}
        </p>
      )}
      {!state ? (
        <p className="command-loading">{t('connectingFirst')}</p>
      ) : (
        <>
          <Compliance state={state} units={units} session={session} />
          <DecisionList state={state} plan={plan} units={units} onDraft={proposer ? setDraft : null} />
          <MissingData state={state} units={units} />
          {proposer ? (
            <ProposeForm
              plan={plan}
              jurisdiction={jurisdiction}
              now={state.now}
              units={units}
              draft={draft}
              csrfToken={session.csrfToken}
              onDone={onDone}
              onError={onError}
            />
          ) : (
            <p className="hint" data-testid="why-no-propose">
              {t('notProposer', plan.proposers.map((candidate) => roleName(language, candidate)).join(', '))}
            </p>
          )}
          <Decisions
            plan={plan}
            jurisdiction={jurisdiction}
            book={book}
            now={state.now}
            session={session}
            units={units}
            onDone={onDone}
            onError={onError}
          />
        </>
      )}
      <div className="command-grid">
        <div ref={container} className="map command-map" data-testid="map" />
        {state && (
          <WhatIf
            plan={plan}
            state={state}
            units={units}
            selected={selected}
            onToggle={toggle}
            onPropose={
              proposer
                ? () => setDraft({ kind: 'region', members: [...selected], level: 'orange', reason: '' })
                : null
            }
          />
        )}
      </div>
      {state && (
        <ResponsePanel
          plan={plan}
          jurisdiction={jurisdiction}
          book={book}
          now={state.now}
          units={units}
          session={session}
          office={office}
        />
      )}
      {state && <ForecastImport now={state.now} session={session} />}
      {auditReaders.includes(role) && <AuditTimeline version={`${book?.lastEventAt}`} />}
    </div>
  );
}
