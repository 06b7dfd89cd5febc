// Calls as they happen: who is being rung at which step, who took it, the outcome. Live over socket.io.
import { fetchCalls, fetchSimulator } from '../../api/calls';
import { useApi } from '../../api/useApi';
import { useLive } from '../../api/useLive';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import { useT } from '../../i18n/useT';
import { CallCard } from './CallCard';
import { Messages } from './Messages';
import { Simulator } from './Simulator';
import './calls.css';

const EVENTS = ['call:updated', 'alarm:changed'] as const;

export function CallsPage() {
  const t = useT();
  const calls = useLive(fetchCalls, EVENTS);
  // With Twilio configured the server refuses the simulator: it is not shown at all.
  const simulator = useApi(fetchSimulator);
  return (
    <section className="calls">
      <h1>{t('calls.title')}</h1>
      {calls.error && <ErrorBox message={apiErrorText(t, calls.error)} onRetry={calls.reload} />}
      {!calls.data && calls.loading && <Loading />}
      {calls.data && calls.data.calls.length === 0 && <p className="notice">{t('calls.empty')}</p>}
      <ol className="call-list" data-testid="call-list">
        {calls.data?.calls.map((c) => (
          <li key={c.id}>
            <CallCard call={c} />
          </li>
        ))}
      </ol>
      {simulator.status === 'ready' && simulator.data.available && <Simulator />}
      <Messages />
    </section>
  );
}
