import { citedLine, type Notice } from '../../../shared/documents/notice';
import { word } from '../../../shared/documents/words';
import { useLanguage } from '../i18n/language';

/** A notice as the press office reads it before sending: a warning's public notice, or the health advice for dust. */
export function NoticePreview({ notice, testId }: { notice: Notice; testId: string }) {
  const { t, language } = useLanguage();
  return (
    <article className="notice-preview" data-testid={testId}>
      {notice.exercise && <p className="notice-mark">{notice.exercise}</p>}
      <p className="notice-authority">{notice.authority}</p>
      <h4>{notice.title}</h4>
      <p className="notice-meta">
        {t('noticeNumber')}
        {word(language, 'colon')}
        {notice.number ?? '＿＿＿＿'} · {notice.issuedOn} · {notice.dataTime}
      </p>
      {notice.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {[notice.advice, notice.measures].map(
        (section) =>
          section && (
            <div key={section.heading}>
              <h5>{section.heading}</h5>
              <ol data-testid="notice-advice">
                {section.items.map((item) => (
                  <li key={item.text}>{citedLine(item, language)}</li>
                ))}
              </ol>
            </div>
          ),
      )}
      {notice.closing.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p>
        {t('noticeContact')}
        {word(language, 'colon')}
        {notice.contact ?? '＿＿＿＿'}
      </p>
    </article>
  );
}
