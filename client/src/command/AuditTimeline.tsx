import { useEffect, useState } from 'react';
import { beijingMinute } from '../time/beijing';
import { ApiError, type AuditEntry, auditEntries } from './api';
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
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<{ forbidden: boolean; message: string } | null>(null);
  useEffect(() => {
    void version;
    const timer = setTimeout(() => {
      auditEntries(text)
        .then((loaded) => {
          setEntries(loaded);
          setError(null);
        })
        .catch((caught: Error) =>
          setError({
            forbidden: caught instanceof ApiError && caught.status === 403,
            message: caught.message,
          }),
        );
    }, 250);
    return () => clearTimeout(timer);
  }, [text, version]);
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
