// Sign-in: two fields and a big button. Problems are announced in one live region (role="alert").
import { useRef, useState, type FormEvent } from 'react';
import { login } from '../../api/auth';
import { LanguageToggle } from '../../components/LanguageToggle';
import { ThemeToggle } from '../../components/ThemeToggle';
import { useI18n } from '../../i18n/useT';
import type { SignedOutNotice } from '../../session/context';
import { useSession } from '../../session/useSession';
import { problemFrom, problemText, type LoginProblem } from './loginProblem';
import './login.css';

interface Props {
  notice: SignedOutNotice | null;
  /** After "Sessie verlopen": the same person, so only the password is asked again. */
  lastUsername?: string;
}

export function LoginPage({ notice, lastUsername }: Props) {
  const { t, formatTime } = useI18n();
  const { signedIn } = useSession();
  const [username, setUsername] = useState(lastUsername ?? '');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<LoginProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setProblem({ kind: 'invalid', details: [] });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      signedIn(await login(username.trim(), password));
    } catch (err) {
      const p = problemFrom(err);
      setProblem(p);
      if (p.kind === 'wrong') {
        setPassword('');
        passwordField.current?.focus();
      }
      setBusy(false);
    }
  }

  const wrong = problem?.kind === 'wrong';
  return (
    <div className="login">
      <div className="login-tools">
        <LanguageToggle />
        <ThemeToggle />
      </div>
      <main className="login-card">
        <h1 className="login-brand">{t('app.name')}</h1>
        <p className="login-tagline">{t('app.tagline')}</p>
        {notice && (
          <p className={`notice ${notice === 'expired' ? 'notice-warn' : ''}`} role="status">
            {t(notice === 'expired' ? 'login.sessionExpired' : 'login.loggedOut')}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <h2>{t('login.title')}</h2>
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              type="text"
              autoComplete="username"
              autoFocus={!lastUsername}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
              aria-invalid={wrong || undefined}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              ref={passwordField}
              autoFocus={!!lastUsername}
              aria-invalid={wrong || undefined}
              enterKeyHint="go"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <p className="notice notice-error" role="alert">
            {problem ? problemText(problem, t, formatTime) : ''}
          </p>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy} aria-busy={busy}>
            {busy && <span className="spinner spinner-small" aria-hidden="true" />}
            {t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
