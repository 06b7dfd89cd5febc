// /kerncijfers: the key figures dashboard; ?view=report is the printable monthly report and
// ?view=costs the printable cost statement. Coordinators and admins see the region, OCMW staff their
// own municipalities (the scope /api/auth/me sends); who lacks `figures.read` (the duty worker) has none.
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { fetchRegion } from '../../api/region';
import { useApi } from '../../api/useApi';
import { useServerNow } from '../../api/useSocket';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/useSession';
import { userCan } from '../../session/useCan';
import { isDate, isMonth, monthOf, presetRange } from './periods';
import './figures.css';

// The charting library loads with these views only, not with the console everyone opens at night.
const Dashboard = lazy(() => import('./Dashboard').then((m) => ({ default: m.Dashboard })));
const MonthlyReport = lazy(() => import('./MonthlyReport').then((m) => ({ default: m.MonthlyReport })));
const CostStatementView = lazy(() => import('./CostStatementView').then((m) => ({ default: m.CostStatementView })));

export function FiguresPage() {
  const t = useT();
  const serverNow = useServerNow(); // months are the desk's nights, on the server's clock
  const { state } = useSession();
  const region = useApi(fetchRegion);
  const params = useMemo(() => new URLSearchParams(window.location.search), []);
  const user = state.status === 'signedIn' ? state.user : null;

  if (!user || !userCan(user, 'figures.read')) {
    return (
      <section className="figures">
        <h1>{t('nav.figures')}</h1>
        <p className="notice">{t('figures.noAccess')}</p>
      </section>
    );
  }
  if (region.status === 'loading') return <Loading />;
  if (region.status === 'error') return <ErrorBox message={apiErrorText(t, region.error)} onRetry={region.reload} />;

  const own = user.scope; // the server's scope: an OCMW's own municipalities, null for the region
  const { municipalities, region: info } = region.data;
  const allowed = (nis: string | null) => (nis && /^\d{5}$/.test(nis) && (!own || own.includes(nis)) ? nis : '');
  const thisMonth = presetRange('thisMonth', serverNow());
  const month = isMonth(params.get('month')) ? params.get('month')! : monthOf(thisMonth.from);
  const view = params.get('view');

  let body: ReactNode;
  if (view === 'report') {
    const nis = allowed(params.get('municipality'));
    const shown = nis ? [nis] : (own ?? []);
    const names = municipalities
      .filter((m) => shown.includes(m.nis))
      .map((m) => m.name)
      .join(', ');
    body = <MonthlyReport month={month} municipality={nis} regionName={info.name} municipalityName={names || null} />;
  } else if (view === 'costs') {
    body = (
      <CostStatementView
        month={month}
        ocmw={allowed(params.get('ocmw'))}
        municipalities={municipalities}
        own={own}
        regionName={info.name}
      />
    );
  } else {
    const from = params.get('from');
    const to = params.get('to');
    const initial = isDate(from) && isDate(to) && from <= to ? { from, to } : thisMonth;
    body = (
      <>
        <h1>{t('nav.figures')}</h1>
        {/* Keyed: when the socket tells the server's clock, "this month" may turn out to be another one. */}
        <Dashboard
          key={`${initial.from}_${initial.to}`}
          initial={{ ...initial, municipality: allowed(params.get('municipality')) }}
          municipalities={municipalities}
          own={own}
        />
      </>
    );
  }
  return (
    <section className="figures">
      <Suspense fallback={<Loading />}>{body}</Suspense>
    </section>
  );
}
