import './press.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { pressReaders } from '../../../shared/api/responses';
import { dateOfHourEnd } from '../../../shared/documents/format';
import { HOUR } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { logOut } from '../api/mutations';
import { pressQueries, documentQuery as query } from '../api/press';
import { queries } from '../api/queries';
import { LoginForm } from '../command/login-form';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import { roleName } from '../i18n/names';
import { DustAdvisoryPanel } from '../press/dust-advisory-panel';
import { FormsPanel } from '../press/forms-panel';
import { NoticePanel } from '../press/notice-panel';
import { beijingInputIso, beijingInputValue, beijingMinute } from '../time/beijing';

const sizes = ['1920x1080', '3840x2160', '1280x720', '800x600'] as const;

/**
 * The press office's page: one chosen data time for every document (snapshot, playback, notice, SMS,
 * forms, reports), each pulled from the server so people and automation get the same files.
 */
export function PressView() {
  const { t, language, toggle } = useLanguage();
  const { data: session, error: sessionError } = useQuery(queries.session());
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>('ili');
  const [at, setAt] = useState<number | null>(null);
  const [size, setSize] = useState<(typeof sizes)[number]>('1920x1080');
  const [preview, setPreview] = useState<string | null>(null);
  const [hours, setHours] = useState(24);

  const allowed = session ? pressReaders.includes(session.account.role) : false;
  const { data: listing, error: listingError } = useQuery({
    ...pressQueries.warnings(jurisdiction, at ?? undefined),
    enabled: allowed,
  });
  // The first answer fixes the chosen data time: every document of the briefing is pulled for it.
  useEffect(() => {
    if (at === null && listing) setAt(listing.at);
  }, [at, listing]);
  const failure = listingError instanceof ApiError ? listingError.say(language) : listingError?.message;

  if (session === undefined)
    return (
      <p role={sessionError ? 'alert' : undefined}>{sessionError ? sessionError.message : t('loading')}</p>
    );
  if (session === null)
    return (
      <div className="view press-view press-login">
        <p>{t('pressSignIn')}</p>
        <LoginForm />
      </div>
    );
  if (!allowed)
    return (
      <div className="view press-view press-login">
        <p role="alert">{t('pressForbidden', roleName(language, session.account.role))}</p>
      </div>
    );

  const time = at ?? listing?.at;
  const [width, height] = size.split('x');
  const snapshot =
    time === undefined
      ? null
      : `/api/snapshot?${query({ jurisdiction, at: time, width, height, lang: language })}`;
  const playback = (format: string) =>
    time === undefined
      ? ''
      : `/api/playback?${query({ jurisdiction, from: time - (hours - 1) * HOUR, to: time, format, lang: language })}`;
  const date = time === undefined ? '' : dateOfHourEnd(time);
  const daily = (format: string) =>
    `/api/reports/daily?${query({ jurisdiction, date, format, lang: language })}`;

  return (
    <div className="view press-view" data-testid="press">
      <header className="press-header">
        <h1>{t('pressTitle')}</h1>
        <select
          value={jurisdiction}
          onChange={(event) => {
            // Each prefecture has its own data clock: the hour chosen for one may be past the other's now.
            setJurisdiction(event.target.value as Jurisdiction);
            setAt(null);
          }}
          aria-label={t('jurisdiction')}
        >
          <option value="ili">{t('ili')}</option>
          <option value="kizilsu">{t('kizilsu')}</option>
        </select>
        <label>
          {t('chosenDataTime')}{' '}
          <input
            type="datetime-local"
            step={3600}
            data-testid="data-time"
            value={time === undefined ? '' : beijingInputValue(time)}
            max={listing ? beijingInputValue(listing.now) : undefined}
            onChange={(event) => event.target.value && setAt(Date.parse(beijingInputIso(event.target.value)))}
          />
        </label>
        <button type="button" onClick={() => listing && setAt(listing.now)}>
          {t('latestHour')}
        </button>
        <button type="button" onClick={toggle}>
          {t('language')}
        </button>
        <button type="button" onClick={() => void logOut(session.csrfToken)}>
          {t('signOut')}
        </button>
      </header>
      <main className="press-main">
        {failure && <p role="alert">{failure}</p>}
        <section className="press-snapshot">
          <h2>{t('mapSnapshot')}</h2>
          <p className="press-actions">
            <label>
              {t('pictureSize')}{' '}
              <select
                value={size}
                onChange={(event) => setSize(event.target.value as (typeof sizes)[number])}
              >
                {sizes.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            </label>
            <button
              type="button"
              data-testid="render-snapshot"
              disabled={!snapshot}
              onClick={() => setPreview(snapshot)}
            >
              {t('showSnapshot')}
            </button>
            {snapshot && (
              <a href={snapshot} download data-testid="snapshot-png">
                {t('downloadPng')}
              </a>
            )}
          </p>
          {preview && (
            <img
              className="press-preview"
              src={preview}
              alt={`${t('mapSnapshot')} ${time ? beijingMinute(time) : ''}`}
            />
          )}
          <h2>{t('playback')}</h2>
          <p className="press-actions">
            <label>
              {t('playbackHours')}{' '}
              <input
                type="number"
                min={2}
                max={168}
                value={hours}
                onChange={(event) => setHours(Number(event.target.value))}
              />
            </label>
            <a href={playback('gif')} download data-testid="playback-gif">
              {t('downloadGif')}
            </a>
            <a href={playback('mp4')} download data-testid="playback-mp4">
              {t('downloadMp4')}
            </a>
          </p>
          <h2>{t('dailyReport')}</h2>
          <p className="press-actions">
            {date}
            <a href={daily('docx')} download data-testid="daily-docx">
              {t('downloadWord')}
            </a>
            <a href={daily('pdf')} download data-testid="daily-pdf">
              {t('downloadPdf')}
            </a>
          </p>
        </section>
        <section className="press-warnings">
          {time !== undefined && <DustAdvisoryPanel jurisdiction={jurisdiction} at={time} />}
          <h2>{t('warningsAtTime')}</h2>
          {listing?.warnings.length === 0 && <p>{t('noIssuedWarnings')}</p>}
          {time !== undefined &&
            listing?.warnings.map((warning) => (
              <article key={warning.id} className="press-warning" data-testid={`warning-${warning.id}`}>
                <h3>
                  <LevelBadge level={warning.level} /> {warning.area[language]}{' '}
                  {warning.liftedAt !== null && `(${t('lifted')} ${beijingMinute(warning.liftedAt)})`}
                </h3>
                <NoticePanel warning={warning} at={time} csrfToken={session.csrfToken} />
                <FormsPanel
                  warning={warning}
                  csrfToken={session.csrfToken}
                  canEdit={session.account.role !== 'press'}
                />
              </article>
            ))}
        </section>
      </main>
    </div>
  );
}
