// The night sheet: one A4 page printed at shift start, the paper that works when phone, network or
// server fail. Who is on duty tonight and their numbers, every place with something free (phone and,
// where the role may see it, address), the region's OCMW contacts, and when it was printed.
import type { NightSheet } from '../../../../shared/api/rota';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import './nightsheet.css';

const fetchSheet = (signal: AbortSignal) => api<NightSheet>('/api/night-sheet', { signal });

export function NightSheetPage() {
  const { t, formatDateTime, formatDay } = useI18n();
  const sheet = useApi(fetchSheet);
  if (sheet.status === 'loading') return <Loading />;
  if (sheet.status === 'error') return <ErrorBox message={apiErrorText(t, sheet.error)} onRetry={sheet.reload} />;
  const s = sheet.data;
  // The night of D, said as its evening: "za 5 dec".
  const nightDay = formatDay(new Date(`${s.night}T12:00:00Z`));
  return (
    <article className="night-sheet" data-testid="night-sheet">
      <div className="ns-head">
        <h1>{t('sheet.title', { region: s.region, night: nightDay })}</h1>
        <p data-testid="sheet-printed">{t('sheet.printed', { time: formatDateTime(new Date(s.at)) })}</p>
        <button type="button" className="btn btn-primary no-print" onClick={() => window.print()}>
          {t('places.print')}
        </button>
      </div>

      <section aria-labelledby="ns-duty">
        <h2 id="ns-duty">{t('sheet.duty')}</h2>
        <table className="ns-table" data-testid="sheet-duty">
          <tbody>
            {(['primary', 'backup', 'coordinator'] as const).map((role) => {
              const p = s.duty[role];
              return (
                <tr key={role} data-role={role}>
                  <th scope="row">{t(`calls.role.${role}` as MessageKey)}</th>
                  <td className={p ? '' : 'ns-gap'}>{p ? p.name : t('header.noPrimary')}</td>
                  <td className="ns-phone">{p?.phone ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="ns-places">
        <h2 id="ns-places">{t('sheet.places', { n: s.places.length })}</h2>
        <table className="ns-table ns-dense" data-testid="sheet-places">
          <thead>
            <tr>
              <th scope="col">{t('figures.place')}</th>
              <th scope="col">{t('sheet.free')}</th>
              <th scope="col">{t('sheet.contact')}</th>
            </tr>
          </thead>
          <tbody>
            {s.places.map((p) => (
              <tr key={p.name} data-place={p.name}>
                <th scope="row">{p.name}</th>
                <td className="num">{p.free}</td>
                <td className="ns-contact">
                  {p.phone && (
                    <span className="ns-phone" data-testid="sheet-place-phone">
                      {p.phone}
                    </span>
                  )}
                  {p.phone && ' '}
                  <span data-testid="sheet-place-address">
                    {p.confidentialAddress && !p.address ? t('places.confidential') : (p.address ?? '')}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="ns-ocmws">
        <h2 id="ns-ocmws">{t('sheet.ocmws')}</h2>
        <table className="ns-table ns-dense" data-testid="sheet-ocmws">
          <thead>
            <tr>
              <th scope="col">{t('sheet.ocmw')}</th>
              <th scope="col">{t('sheet.phone')}</th>
              <th scope="col">{t('sheet.mobile')}</th>
            </tr>
          </thead>
          <tbody>
            {s.ocmws.map((o) => (
              <tr key={o.municipality} data-ocmw={o.municipality}>
                <th scope="row">{o.name}</th>
                <td className="ns-phone">{o.phone ?? ''}</td>
                <td className="ns-phone">{o.mobile ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
