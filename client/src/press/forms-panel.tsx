import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormFields } from '../../../shared/documents/forms';
import type { PressWarning } from '../../../shared/documents/listing';
import { ApiError } from '../api/http';
import { documentQuery, pressQueries, saveFormFields } from '../api/press';
import type { Phrase } from '../i18n/dictionary';
import { useLanguage } from '../i18n/language';

type TextField = Exclude<keyof FormFields, 'nextSteps'>;
const textFields: { key: TextField; phrase: Phrase; multiline: boolean }[] = [
  { key: 'signatory', phrase: 'fieldSignatory', multiline: false },
  { key: 'filler', phrase: 'fieldFiller', multiline: false },
  { key: 'phone', phrase: 'fieldPhone', multiline: false },
  { key: 'reviewer', phrase: 'fieldReviewer', multiline: false },
  { key: 'weather', phrase: 'fieldWeather', multiline: true },
  { key: 'outlook', phrase: 'fieldOutlook', multiline: true },
  { key: 'liftOpinion', phrase: 'fieldLiftOpinion', multiline: true },
  { key: 'evaluation', phrase: 'fieldEvaluation', multiline: true },
];

/** Kizilsu annex 3 forms 3-1/3-2/3-3 and the episode report for one warning; the office fills the human fields. */
export function FormsPanel({
  warning,
  csrfToken,
  canEdit,
}: {
  warning: PressWarning;
  csrfToken: string;
  canEdit: boolean;
}) {
  const { t, language } = useLanguage();
  const [date, setDate] = useState(warning.responseDates.at(-1) ?? '');
  const [fields, setFields] = useState<FormFields>({});
  const [message, setMessage] = useState<string | null>(null);
  const { data: loaded, error } = useQuery(pressQueries.formFields(warning.id));
  useEffect(() => {
    if (loaded) setFields(loaded.fields);
  }, [loaded]);
  const failure = (caught: unknown) => (caught instanceof ApiError ? caught.say(language) : String(caught));

  const id = encodeURIComponent(warning.id);
  const form = (name: string, format: string, extra: Record<string, string> = {}) =>
    `/api/warnings/${id}/forms/${name}.${format}?${documentQuery({ lang: language, ...extra })}`;
  const report = (format: string) =>
    `/api/reports/episode/${id}?${documentQuery({ format, lang: language })}`;
  const links = (name: string, extra: Record<string, string> = {}) => (
    <>
      <a href={form(name, 'docx', extra)} download data-testid={`form-${name}-docx`}>
        {t('downloadWord')}
      </a>
      <a href={form(name, 'pdf', extra)} download data-testid={`form-${name}-pdf`}>
        {t('downloadPdf')}
      </a>
    </>
  );
  const save = () =>
    saveFormFields(warning.id, fields, csrfToken)
      .then((saved) => {
        setFields(saved.fields);
        setMessage(t('saved'));
      })
      .catch((caught: unknown) => setMessage(failure(caught)));

  return (
    <section className="press-forms" data-testid={`forms-${warning.id}`}>
      <h3>{t('annexForms')}</h3>
      <ul className="press-links">
        <li>
          {t('form31')} {links('3-1')}
        </li>
        <li>
          {t('form32')}{' '}
          <select value={date} onChange={(event) => setDate(event.target.value)} aria-label={t('reportDate')}>
            {warning.responseDates.map((day) => (
              <option key={day}>{day}</option>
            ))}
          </select>{' '}
          {links('3-2', { date })}
        </li>
        {warning.liftedAt !== null && (
          <li>
            {t('form33')} {links('3-3')}
          </li>
        )}
        <li>
          {t('episodeReport')}{' '}
          <a href={report('docx')} download data-testid="episode-docx">
            {t('downloadWord')}
          </a>
          <a href={report('pdf')} download data-testid="episode-pdf">
            {t('downloadPdf')}
          </a>
        </li>
      </ul>
      {canEdit && (
        <details className="form-fields">
          <summary>{t('formFieldsHeading')}</summary>
          {textFields.map(({ key, phrase, multiline }) => {
            const props = {
              value: fields[key] ?? '',
              onChange: (event: { target: { value: string } }) =>
                setFields({ ...fields, [key]: event.target.value }),
            };
            return multiline ? (
              <label key={key}>
                {t(phrase)}
                <textarea {...props} />
              </label>
            ) : (
              <label key={key}>
                {t(phrase)}
                <input {...props} />
              </label>
            );
          })}
          <label>
            {t('fieldNextSteps')} {date}
            <textarea
              value={fields.nextSteps?.[date] ?? ''}
              onChange={(event) =>
                setFields({ ...fields, nextSteps: { ...fields.nextSteps, [date]: event.target.value } })
              }
            />
          </label>
          <button type="button" onClick={save}>
            {t('saveFields')}
          </button>
        </details>
      )}
      {error && <p role="alert">{failure(error)}</p>}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
