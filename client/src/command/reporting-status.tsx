import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { type ReporterStatus, reportRecorders, type Session } from '../../../shared/api/responses';
import type { Plan } from '../../../shared/plans';
import { HOUR, toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { recordDailyReport } from '../api/mutations';
import { queries } from '../api/queries';
import { queryClient } from '../api/query-client';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';
import { cited } from './words';

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  now: number;
  session: Session;
  /** Moves when the office records a report (pushed over the socket): read the list again. */
  changes: number;
};

/** The Beijing calendar day before the one `now` falls in: the day a report covers (plans 5.1: 前一日). */
export function reportDayBefore(now: number): string {
  return toBeijingIso(now - 24 * HOUR).slice(0, 10);
}

/** Daily reporting status (plans 5.1 信息报送) for the day before the engine's now: who has reported, who has not. */
export function ReportingStatus({ plan, jurisdiction, now, session, changes }: Props) {
  const date = reportDayBefore(now);
  const { language, t } = useLanguage();
  const reporting = useQuery(queries.dailyReporting(jurisdiction, date));
  const status = reporting.data ?? null;
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const table = useRef<HTMLTableElement>(null);
  // After recording, the row's button goes away: keyboard focus moves to the next one still missing.
  const focusFrom = useRef<number | null>(null);

  const load = () => queryClient.invalidateQueries({ queryKey: ['reports', jurisdiction] });
  // Other office staff record too: their reports arrive as pushed changes, besides the day changing.
  useEffect(() => {
    void changes;
    void queryClient.invalidateQueries({ queryKey: ['reports', jurisdiction] });
  }, [jurisdiction, changes]);
  useEffect(() => {
    if (focusFrom.current === null || !status) return;
    const buttons = [...(table.current?.querySelectorAll<HTMLButtonElement>('button[data-index]') ?? [])];
    const from = focusFrom.current;
    focusFrom.current = null;
    buttons.find((button) => Number(button.dataset.index) > from)?.focus();
  }, [status]);

  const mayRecord =
    reportRecorders.includes(session.account.role) &&
    (session.account.jurisdiction === null || session.account.jurisdiction === jurisdiction);
  const record = async (entry: ReporterStatus, index: number) => {
    setBusy(entry.reporter);
    try {
      const text = summary.trim();
      await recordDailyReport(
        { jurisdiction, reporter: entry.reporter, date, ...(text ? { summary: text } : {}) },
        session.csrfToken,
      );
      setSummary('');
      setMessage({
        kind: 'ok',
        text: t('recordedReport', language === 'zh' ? entry.nameZh : entry.nameEn),
      });
      focusFrom.current = index;
    } catch (caught) {
      setMessage({ kind: 'error', text: caught instanceof ApiError ? caught.say(language) : String(caught) });
    } finally {
      setBusy(null);
    }
  };

  const current = status?.date === date && status.jurisdiction === jurisdiction ? status : null;
  const row = (entry: ReporterStatus, index: number) => (
    <tr key={entry.reporter} data-reporter={entry.reporter} data-reported={entry.reported}>
      <th scope="row">{language === 'zh' ? entry.nameZh : entry.nameEn}</th>
      <td className={entry.reported ? 'reported' : 'missing'}>
        {entry.reported ? `✓ ${t('reported')}` : `✗ ${t('notReported')}`}
        {entry.summary && <span className="hint"> {entry.summary}</span>}
      </td>
      <td>{entry.receivedAt === null ? '—' : beijingMinute(entry.receivedAt)}</td>
      <td>{entry.recordedBy ?? '—'}</td>
      {mayRecord && (
        <td>
          {!entry.reported && (
            <button
              type="button"
              data-index={index}
              disabled={busy !== null}
              aria-label={t('recordReportOf', language === 'zh' ? entry.nameZh : entry.nameEn)}
              onClick={() => record(entry, index)}
            >
              {t('recordReport')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
  const group = (kind: ReporterStatus['kind'], title: string) => {
    const entries = (current?.reporters ?? [])
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.kind === kind);
    return (
      <tbody>
        <tr>
          <th scope="rowgroup" colSpan={mayRecord ? 5 : 4}>
            {title} ({entries.filter(({ entry }) => entry.reported).length}/{entries.length})
          </th>
        </tr>
        {entries.map(({ entry, index }) => row(entry, index))}
      </tbody>
    );
  };

  return (
    <div className="reporting" data-testid="reporting">
      <h4>{t('reporting')}</h4>
      <p className="hint">
        {language === 'zh' ? plan.reporting.daily.zh : plan.reporting.daily.en} [
        {cited(language, plan.reporting.daily.section)}]
      </p>
      <p data-testid="reporting-counts">
        <strong>
          {t('reportsFor', date)}
          {current ? t('reportCounts', current.reported, current.expected) : t('loading')}
        </strong>{' '}
        <button type="button" onClick={() => load()}>
          {t('refresh')}
        </button>
      </p>
      {mayRecord && (
        <label className="report-summary">
          {t('reportSummary')}{' '}
          <input
            type="text"
            value={summary}
            maxLength={500}
            onChange={(event) => setSummary(event.target.value)}
            data-testid="report-summary"
          />
        </label>
      )}
      {reporting.error && (
        <p className="notice error" role="alert">
          {reporting.error instanceof ApiError ? reporting.error.say(language) : reporting.error.message}
        </p>
      )}
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {current && (
        <table ref={table} className="reporting-table" data-testid="reporting-table">
          <caption>{t('reportsTable', date)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reporter')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('received')}</th>
              <th scope="col">{t('recordedBy')}</th>
              {mayRecord && <th scope="col">{t('action')}</th>}
            </tr>
          </thead>
          {group('unit', jurisdiction === 'ili' ? t('countiesRegiments') : t('counties'))}
          {group('member', t('memberUnits'))}
        </table>
      )}
    </div>
  );
}
