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
import { beijingMinute } from '../time/beijing';
import { Console } from './Console';
import { LoginForm } from './LoginForm';
import { useSay } from './say';

/** Route /command: the commander console for the plan's command roles; sign-in first. */
export function CommandView() {
  const say = useSay();
  const { language, toggle } = useLanguage();
  const { data: session, error } = useQuery(queries.session());
  const [chosen, setChosen] = useState<Jurisdiction>('ili');
  if (error)
    return (
      <p className="command-loading" role="alert">
        {error instanceof ApiError ? error.say(language) : error.message}
      </p>
    );
  if (session === undefined) return <p className="command-loading">{say('加载中…', 'Loading…')}</p>;
  if (session === null)
    return (
      <main className="command-view">
        <LoginForm />
      </main>
    );
  const { account } = session;
  const jurisdiction = account.jurisdiction ?? chosen;
  return (
    <main className="command-view" data-testid="command" data-role={account.role}>
      <header className="command-header">
        <h1>{say('重污染天气应急指挥台', 'Heavy-pollution command console')}</h1>
        <span data-testid="signed-in">
          {account.username}（{roleName(language, account.role)}）
        </span>
        {account.jurisdiction === null && (
          <label>
            {say('辖区', 'Prefecture')}
            <select value={chosen} onChange={(e) => setChosen(e.target.value as Jurisdiction)}>
              <option value="ili">{say('伊犁州', 'Ili')}</option>
              <option value="kizilsu">{say('克州', 'Kizilsu')}</option>
            </select>
          </label>
        )}
        <span className="hint">
          {plans[jurisdiction].titleZh}（{plans[jurisdiction].documentNumber}）
        </span>
        <button type="button" onClick={toggle}>
          {say('English', '中文')}
        </button>
        <button type="button" onClick={() => void logOut(session.csrfToken)}>
          {say('退出', 'Sign out')}
        </button>
      </header>
      <Console key={jurisdiction} session={session} jurisdiction={jurisdiction} clock={beijingMinute} />
    </main>
  );
}
