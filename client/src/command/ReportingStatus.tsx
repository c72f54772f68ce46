import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ReporterStatus, Session } from '../../../shared/api/responses';
import type { Plan, Role } from '../../../shared/plans';
import { HOUR, toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { recordDailyReport } from '../api/mutations';
import { queries } from '../api/queries';
import { queryClient } from '../api/queryClient';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';
import { useSay } from './say';

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

/** Who receives reports at the command office: server/http/reports.ts reportRecorders. */
const recorders: readonly Role[] = [
  'duty-officer',
  'office-director',
  'deputy-commander',
  'first-deputy-commander',
  'commander',
];

/** Daily reporting status (plans 5.1 信息报送) for the day before the engine's now: who has reported, who has not. */
export function ReportingStatus({ plan, jurisdiction, now, session, changes }: Props) {
  const say = useSay();
  const date = reportDayBefore(now);
  const { language } = useLanguage();
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
    recorders.includes(session.account.role) &&
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
        text: say(`已登记：${entry.nameZh}`, `Recorded: ${entry.nameEn}`),
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
      <th scope="row">{say(entry.nameZh, entry.nameEn)}</th>
      <td className={entry.reported ? 'reported' : 'missing'}>
        {entry.reported ? `✓ ${say('已报送', 'reported')}` : `✗ ${say('未报送', 'not reported')}`}
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
              aria-label={say(`登记已报送：${entry.nameZh}`, `Record report: ${entry.nameEn}`)}
              onClick={() => record(entry, index)}
            >
              {say('登记已报送', 'Record report')}
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
            {title}（{entries.filter(({ entry }) => entry.reported).length}/{entries.length}）
          </th>
        </tr>
        {entries.map(({ entry, index }) => row(entry, index))}
      </tbody>
    );
  };

  return (
    <div className="reporting" data-testid="reporting">
      <h4>{say('信息报送', 'Reporting')}</h4>
      <p className="hint">
        {plan.reporting.daily.zh}〔{plan.reporting.daily.section}〕
      </p>
      <p data-testid="reporting-counts">
        <strong>
          {say(`${date}（前一日）报送情况：`, `Reports for ${date} (previous day): `)}
          {current
            ? say(
                `已报送 ${current.reported} / 应报送 ${current.expected}`,
                `reported ${current.reported} / expected ${current.expected}`,
              )
            : say('加载中…', 'loading…')}
        </strong>{' '}
        <button type="button" onClick={() => load()}>
          {say('刷新', 'Refresh')}
        </button>
      </p>
      {mayRecord && (
        <label className="report-summary">
          {say('报送摘要（可选，随下一次登记保存）', 'Summary (optional, saved with the next record)')}{' '}
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
          <caption>{say(`${date} 各单位报送情况`, `Daily reports for ${date}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{say('报送单位', 'Reporter')}</th>
              <th scope="col">{say('状态', 'Status')}</th>
              <th scope="col">{say('接收时间（北京时间）', 'Received (Beijing)')}</th>
              <th scope="col">{say('登记人', 'Recorded by')}</th>
              {mayRecord && <th scope="col">{say('操作', 'Action')}</th>}
            </tr>
          </thead>
          {group(
            'unit',
            jurisdiction === 'ili'
              ? say('县市、团场', 'Counties, cities and regiments')
              : say('县（市）', 'Counties and cities'),
          )}
          {group('member', say('成员单位', 'Member units'))}
        </table>
      )}
    </div>
  );
}
