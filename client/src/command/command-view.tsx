import './command.css';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { plans } from '../../../shared/plans';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { logOut } from '../api/mutations';
import { queries } from '../api/queries';
import { useLanguage } from '../i18n/language';
import { roleName } from '../i18n/names';
import { Console } from './console';
import { LoginForm } from './login-form';

/** Route /command: the commander console for the plan's command roles; sign-in first. */
export function CommandView() {
  const { language, t, toggle } = useLanguage();
  const { data: session, error } = useQuery(queries.session());
  const [chosen, setChosen] = useState<Jurisdiction>('ili');
  if (error)
    return (
      <p className="command-loading" role="alert">
        {error instanceof ApiError ? error.say(language) : error.message}
      </p>
    );
  if (session === undefined) return <p className="command-loading">{t('loading')}</p>;
  if (session === null)
    return (
      <main className="command-view">
        <LoginForm />
      </main>
    );
  const { account } = session;
  const jurisdiction = account.jurisdiction ?? chosen;
  const plan = plans[jurisdiction];
  return (
    <main className="command-view" data-testid="command" data-role={account.role}>
      <header className="command-header">
        <h1>{t('consoleTitle')}</h1>
        <span data-testid="signed-in">
          {t('signedInAs', account.username, roleName(language, account.role))}
        </span>
        {account.jurisdiction === null && (
          <label>
            {t('jurisdiction')}
            <select value={chosen} onChange={(e) => setChosen(e.target.value as Jurisdiction)}>
              <option value="ili">{t('ili')}</option>
              <option value="kizilsu">{t('kizilsu')}</option>
            </select>
          </label>
        )}
        <span className="hint">
          {language === 'zh' ? plan.titleZh : plan.titleEn} ({plan.documentNumber})
        </span>
        <button type="button" onClick={toggle}>
          {t('language')}
        </button>
        <button type="button" onClick={() => void logOut(session.csrfToken)}>
          {t('signOut')}
        </button>
      </header>
      <Console key={jurisdiction} session={session} jurisdiction={jurisdiction} />
    </main>
  );
}
