import { type FormEvent, useState } from 'react';
import { dataManagers, type Session } from '../../../shared/api/responses';
import { ApiError } from '../api/http';
import { importForecastTable } from '../api/mutations';
import { useLanguage } from '../i18n/language';
import { beijingInputIso, beijingInputValue } from '../time/beijing';

type Props = { now: number; session: Session };

/**
 * The forecasting office's table, loaded by the office (POST /api/forecasts as CSV): the recommendations
 * that rest on the forecast follow with the next state. Its issue time is the data time unless edited;
 * a refused file names its rows and columns, and nothing of it is written.
 */
export function ForecastImport({ now, session }: Props) {
  const { language, t } = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [issuedAt, setIssuedAt] = useState<string | null>(null);
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  if (!dataManagers.includes(session.account.role)) return null;
  const issued = issuedAt ?? beijingInputValue(now);
  // A table refused row by row says that nothing of it was written, then each row's issue.
  const failureText = (caught: unknown): string => {
    if (!(caught instanceof ApiError)) return String(caught);
    if (caught.status === 400 && caught.body.issues) return t('forecastRefused', caught.issues(language));
    return caught.say(language);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      const result = await importForecastTable(
        file,
        { issuedAt: beijingInputIso(issued), source: source.trim() },
        session.csrfToken,
      );
      setMessage({
        kind: 'ok',
        text: t('forecastImported', result.accepted, result.written, result.superseded),
      });
    } catch (caught) {
      setMessage({ kind: 'error', text: failureText(caught) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="forecast-import" data-testid="forecast-import">
      <h3>{t('forecastImportTitle')}</h3>
      <p className="hint">{t('forecastImportHint')}</p>
      <form onSubmit={submit}>
        <label>
          {t('forecastFile')}
          <input
            name="table"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            required
          />
        </label>
        <label>
          {t('forecastIssuedAt')}
          <input
            name="issuedAt"
            type="datetime-local"
            value={issued}
            onChange={(event) => setIssuedAt(event.target.value)}
            required
          />
        </label>
        <label>
          {t('forecastSource')}
          <input name="source" value={source} onChange={(event) => setSource(event.target.value)} required />
        </label>
        <button type="submit" disabled={busy || !file}>
          {t('forecastImportSubmit')}
        </button>
      </form>
      {message && (
        <p
          className={`notice ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="forecast-import-result"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
