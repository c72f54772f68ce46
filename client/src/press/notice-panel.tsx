import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { PressWarning } from '../../../shared/documents/listing';
import { composeNotice, type NoticeEdits } from '../../../shared/documents/notice';
import { composeSms } from '../../../shared/documents/sms';
import { ApiError } from '../api/http';
import { documentQuery, pressQueries, releaseNotice, saveNoticeEdits } from '../api/press';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';
import { NoticePreview } from './notice-preview';

/**
 * The public notice of one warning at the chosen data time: composed here by the same shared function as
 * the server's documents (preview while editing), saved and released through the API, downloaded from it.
 */
export function NoticePanel({
  warning,
  at,
  csrfToken,
}: {
  warning: PressWarning;
  at: number;
  csrfToken: string;
}) {
  const { t, language } = useLanguage();
  const { data: loaded, error } = useQuery(pressQueries.notice(warning.id, at, language));
  const [draft, setDraft] = useState<NoticeEdits>({});
  const [message, setMessage] = useState<string | null>(null);
  // A new answer (another warning or hour, or after a save) starts the draft from what is stored.
  useEffect(() => {
    if (loaded) setDraft(loaded.edits);
  }, [loaded]);

  const notice = useMemo(
    () => (loaded ? composeNotice(loaded.context, draft, language) : null),
    [loaded, draft, language],
  );
  const sms = useMemo(
    () => (loaded ? composeSms(loaded.context, draft, language) : null),
    [loaded, draft, language],
  );
  if (!loaded || !notice || !sms)
    return <p role={error ? 'alert' : undefined}>{error ? failureText(error, language) : t('loading')}</p>;
  const released = loaded.released;
  const link = (format: string) =>
    `/api/warnings/${encodeURIComponent(warning.id)}/notice?${documentQuery({ format, at, lang: language })}`;
  const act = (promise: Promise<unknown>) =>
    promise
      .then(() => setMessage(t('saved')))
      .catch((caught: unknown) => setMessage(failureText(caught, language)));
  const field = (key: keyof NoticeEdits, label: string, multiline = false) => {
    const props = {
      value: draft[key] ?? '',
      disabled: released !== null,
      onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value }),
    };
    return multiline ? (
      <label>
        {label}
        <textarea {...props} />
      </label>
    ) : (
      <label>
        {label}
        <input {...props} />
      </label>
    );
  };

  return (
    <section className="press-notice" data-testid={`notice-${warning.id}`}>
      <h3>{t('publicNotice')}</h3>
      <NoticePreview notice={notice} testId="notice" />
      <div className="notice-edit">
        {field('number', t('noticeNumber'))}
        {field('contact', t('noticeContact'))}
        {field('extra', t('noticeExtra'), true)}
        {field('sms', t('smsText'), true)}
        <div className="press-actions">
          <button
            type="button"
            disabled={released !== null}
            onClick={() => act(saveNoticeEdits(warning.id, at, draft, csrfToken))}
          >
            {t('saveEdits')}
          </button>
          <button
            type="button"
            disabled={released !== null}
            onClick={() => act(releaseNotice(warning.id, at, csrfToken))}
          >
            {t('releaseNotice')}
          </button>
          {released && (
            <span data-testid="released">{t('released', beijingMinute(released.at), released.actor)}</span>
          )}
          {message && <span role="status">{message}</span>}
        </div>
      </div>
      <div className="sms-preview" data-testid="sms">
        <h5>
          {t('sms')} · {sms.summary}
        </h5>
        <ol>
          {sms.segments.map((segment) => (
            <li key={segment}>{segment}</li>
          ))}
        </ol>
      </div>
      <p className="press-actions">
        <a href={link('docx')} download data-testid="notice-docx">
          {t('publicNotice')} · {t('downloadWord')}
        </a>
        <a href={link('txt')} download data-testid="notice-txt">
          {t('downloadText')}
        </a>
        <a href={link('sms')} download data-testid="notice-sms">
          {t('sms')}
        </a>
      </p>
    </section>
  );
}

function failureText(error: unknown, language: 'zh' | 'en'): string {
  return error instanceof ApiError ? error.say(language) : String(error);
}
