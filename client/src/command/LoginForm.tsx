import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http';
import { logIn } from '../api/mutations';
import { useSay } from './say';

/** Sign-in for the command roles (POST /api/login); the session cookie is set by the server. */
export function LoginForm() {
  const say = useSay();
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
          ? say('用户名或密码错误', 'Wrong username or password')
          : caught instanceof ApiError && caught.status === 429
            ? say('尝试次数过多，请稍后再试', 'Too many attempts, try again later')
            : say('登录失败', 'Sign-in failed'),
      );
    }
  };
  return (
    <form className="command-login" onSubmit={submit} aria-label={say('登录', 'Sign in')}>
      <h1>{say('重污染天气应急指挥台', 'Heavy-pollution command console')}</h1>
      <label>
        {say('用户名', 'Username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {say('密码', 'Password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <button type="submit">{say('登录', 'Sign in')}</button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
