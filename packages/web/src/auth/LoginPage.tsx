// The sign-in form.
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/api-error.js';
import { useTitle } from '../app/router.js';
import { useSession } from './session.js';

export function LoginPage() {
  useTitle('Sign in');
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (e) {
      setError(isApiError(e, 'ERR_RATE_LIMITED') ? `Too many failed attempts: try again in ${e.details.retryAfter ?? 60} s.` : isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-label="Sign in">
        <h1>cxrlab</h1>
        <p className="muted">Chest X-ray reading room</p>
        <label>
          User name
          <input name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error !== null && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
