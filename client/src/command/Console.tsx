import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { auditReaders, type Session } from '../../../shared/api/responses';
import { plans } from '../../../shared/plans';
import type { Jurisdiction } from '../../../shared/units/schema';
import { useLanguage } from '../i18n/language';
import { useSituationMap } from '../map/useSituationMap';
import { AuditTimeline } from './AuditTimeline';
import { Compliance } from './Compliance';
import { Decisions } from './Decisions';
import { engineRegions } from './evaluation';
import { type Draft, ProposeForm } from './ProposeForm';
import { Recommendations } from './Recommendations';
import { ResponsePanel } from './ResponsePanel';
import { useSay } from './say';
import { useCommandData } from './useCommandData';
import { WhatIf } from './WhatIf';

type Props = { session: Session; jurisdiction: Jurisdiction; clock: (ms: number) => string };

type Notice = { kind: 'ok' | 'error'; text: string };

/** The console for one prefecture: compliance first, map and what-if, recommendations, decisions, response, audit. */
export function Console({ session, jurisdiction, clock }: Props) {
  const say = useSay();
  const { language } = useLanguage();
  const plan = plans[jurisdiction];
  const role = session.account.role;
  const { state, status, units, seriesByUnit, book, refresh, office } = useCommandData(jurisdiction);
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
  const regions = useMemo(
    () => (state ? engineRegions(plan, seriesByUnit, units, state.now) : null),
    [plan, seriesByUnit, units, state?.now, state],
  );
  const proposer = plan.proposers.includes(role);
  const onDone = (text: string) => {
    setNotice({ kind: 'ok', text });
    refresh();
  };
  const onError = (text: string) => setNotice({ kind: 'error', text });
  const auditVersion = `${state?.now}-${JSON.stringify(book?.lastEventAt)}-${Object.keys(book?.warnings ?? {}).length}-${notice?.text}`;
  return (
    <div className="command-console">
      <p className="command-status" data-testid="command-now">
        {say('数据时刻（北京时间）', 'Data time (Beijing)')} {state ? clock(state.now) : '—'} ·{' '}
        {say(
          { connected: '已连接', connecting: '连接中', disconnected: '连接已断开' }[status.state],
          status.state,
        )}
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
      {state && <Compliance state={state} units={units} />}
      <div className="command-grid">
        <div ref={container} className="map command-map" data-testid="map" />
        {state && (
          <WhatIf
            plan={plan}
            now={state.now}
            units={units}
            seriesByUnit={seriesByUnit}
            regions={regions}
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
        <Recommendations
          plan={plan}
          state={state}
          units={units}
          seriesByUnit={seriesByUnit}
          regions={regions}
          onDraft={proposer ? setDraft : null}
        />
      )}
      {state && proposer && (
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
      )}
      {state && (
        <Decisions
          plan={plan}
          jurisdiction={jurisdiction}
          book={book}
          now={state.now}
          role={role}
          units={units}
          seriesByUnit={seriesByUnit}
          csrfToken={session.csrfToken}
          onDone={onDone}
          onError={onError}
        />
      )}
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
      {(auditReaders as readonly string[]).includes(role) && <AuditTimeline version={auditVersion} />}
    </div>
  );
}
