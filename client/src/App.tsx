// Providers, then one of: checking the session, server unreachable, login, or the console.
import { SocketProvider } from './api/SocketProvider';
import { ErrorBox } from './components/ErrorBox';
import { Loading } from './components/Loading';
import { apiErrorText } from './i18n/apiErrorText';
import { I18nProvider } from './i18n/I18nProvider';
import { useT } from './i18n/useT';
import { LoginPage } from './pages/login/LoginPage';
import { SessionProvider } from './session/SessionProvider';
import { useSession } from './session/useSession';
import { AppShell } from './shell/AppShell';
import { ThemeProvider } from './theme/ThemeProvider';

export function App() {
  return (
    <ThemeProvider>
      <I18nProvider>
        <SessionProvider>
          <Root />
        </SessionProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}

function Root() {
  const t = useT();
  const { state, recheck } = useSession();
  switch (state.status) {
    case 'checking':
      return (
        <div className="page-center">
          <Loading />
        </div>
      );
    case 'unreachable':
      return (
        <div className="page-center">
          <ErrorBox message={apiErrorText(t, state.error)} onRetry={recheck} />
        </div>
      );
    case 'signedOut':
      return <LoginPage notice={state.notice} lastUsername={state.username} />;
    case 'signedIn':
      return (
        <SocketProvider key={state.user.id}>
          <AppShell user={state.user} />
        </SocketProvider>
      );
  }
}
