import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/api/responses';
import { ApiError } from '../api/http';
import { queries } from '../api/queries';
import { queryClient } from '../api/query-client';
import { useLanguage } from '../i18n/language';
import { when } from './words';

/** Entries the data feeds write (ingest, stations, forecasts): hidden unless asked for. */
function isMachine(entry: AuditEntry): boolean {
  return (
    entry.actor.startsWith('feeder:') || /^(ingest|observations|forecasts|stations)\b/.test(entry.action)
  );
}

/** A warning event by its warning, level, reason and data time; anything else as its JSON, cut short. */
function describe(detail: unknown, dataTime: (at: string) => string): string {
  const event = (
    detail as { event?: { warningId?: string; level?: string; reason?: string; at?: number } } | null
  )?.event;
  if (event)
    return [event.warningId, event.level, event.reason, event.at ? dataTime(when(event.at)) : null]
      .filter(Boolean)
      .join(' · ');
  const text = JSON.stringify(detail) ?? '';
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

/** GET /api/audit, newest first, filtered by the server's text match; read again when `version` changes. */
export function AuditTimeline({ version }: { version: string }) {
  const { language, t } = useLanguage();
  const [text, setText] = useState('');
  const [searched, setSearched] = useState('');
  const [machine, setMachine] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSearched(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const audit = useQuery({ ...queries.audit(searched), placeholderData: keepPreviousData });
  useEffect(() => {
    void version;
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  }, [version]);
  const entries = (audit.data ?? []).filter((entry) => machine || !isMachine(entry));
  return (
    <section className="command-panel" aria-labelledby="audit-title" data-testid="audit">
      <h2 id="audit-title">{t('auditTitle')}</h2>
      <p className="hint">{t('auditClock')}</p>
      <label>
        {t('search')}
        <input type="search" name="audit-search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={machine} onChange={() => setMachine(!machine)} />
        {t('showMachine')}
      </label>
      {audit.error ? (
        <p role="alert">
          {audit.error instanceof ApiError && audit.error.status === 403
            ? t('auditForbidden')
            : audit.error instanceof ApiError
              ? audit.error.say(language)
              : audit.error.message}
        </p>
      ) : (
        <ol className="audit-list">
          {entries.map((entry) => (
            <li key={entry.seq} data-testid="audit-entry" data-action={entry.action}>
              <time>{when(entry.at)}</time> <strong>{entry.actor}</strong> {entry.action}{' '}
              <code>{describe(entry.detail, (at) => t('eventAt', at))}</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
