import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { queries } from '../api/queries';
import { queryClient } from '../api/queryClient';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';
import { useSay } from './say';

/** A warning event by its warning, level and reason; anything else as its JSON, cut short. */
function describe(detail: unknown): string {
  const event = (detail as { event?: { warningId?: string; level?: string; reason?: string } } | null)?.event;
  if (event) return [event.warningId, event.level, event.reason].filter(Boolean).join(' · ');
  const text = JSON.stringify(detail) ?? '';
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

/** GET /api/audit, newest first, filtered by the server's text match; reloaded when `version` changes. */
export function AuditTimeline({ version }: { version: string }) {
  const say = useSay();
  const { language } = useLanguage();
  const [text, setText] = useState('');
  const [searched, setSearched] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearched(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const audit = useQuery({ ...queries.audit(searched), placeholderData: keepPreviousData });
  useEffect(() => {
    void version;
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  }, [version]);
  const entries = audit.data ?? [];
  const error = audit.error
    ? {
        forbidden: audit.error instanceof ApiError && audit.error.status === 403,
        message: audit.error instanceof ApiError ? audit.error.say(language) : audit.error.message,
      }
    : null;
  return (
    <section className="command-panel" aria-labelledby="audit-title" data-testid="audit">
      <h2 id="audit-title">{say('审计时间线', 'Audit timeline')}</h2>
      <label>
        {say('搜索', 'Search')}
        <input type="search" name="audit-search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {error ? (
        <p>
          {error.forbidden
            ? say('本角色无权查看审计日志', 'This role may not read the audit log')
            : error.message}
        </p>
      ) : (
        <ol className="audit-list">
          {entries.map((entry) => (
            <li key={entry.seq} data-testid="audit-entry" data-action={entry.action}>
              <time>{beijingMinute(entry.at)}</time> <strong>{entry.actor}</strong> {entry.action}{' '}
              <code>{describe(entry.detail)}</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
