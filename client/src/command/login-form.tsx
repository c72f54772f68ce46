import './login-form.css';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http';
import { logIn } from '../api/mutations';
import { useLanguage } from '../i18n/language';

/** Sign-in for the command roles (POST /api/login); the session cookie is set by the server. */
export function LoginForm() {
  const { t, toggle } = useLanguage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await logIn(username, password);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401
          ? t('wrongPassword')
          : caught instanceof ApiError && caught.status === 429
            ? t('tooManyAttempts')
            : t('signInFailed'),
      );
    }
  };
  return (
    <form className="command-login" onSubmit={submit} aria-label={t('signIn')}>
      <h1>{t('consoleTitle')}</h1>
      <button type="button" onClick={toggle}>
        {t('language')}
      </button>
      <label>
        {t('username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <button type="submit">{t('signIn')}</button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
