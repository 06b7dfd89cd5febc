// /aanmelding: a new intake (from an answered call: /aanmelding?call=<id>), one intake (?id=<id>)
// with the desk's next steps, and the intakes of the last week.
import { useCallback, useEffect, useState } from 'react';
import { fetchIntake, fetchIntakes, type IntakeDetail } from '../../api/intake';
import { fetchRegion } from '../../api/region';
import { useApi } from '../../api/useApi';
import { useLive } from '../../api/useLive';
import { ErrorBox } from '../../components/ErrorBox';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useT } from '../../i18n/useT';
import { useQueryParam } from '../../routing/router';
import { CaseView, useDateTime } from '../case/CaseView';
import { IntakeActions } from './IntakeActions';
import { IntakeForm } from './IntakeForm';

export function IntakePage() {
  const t = useT();
  const id = useQueryParam('id');
  const callId = useQueryParam('call');
  const holdId = useQueryParam('hold');
  const held = { id: holdId, place: useQueryParam('place'), initials: useQueryParam('initials') };
  const region = useApi(fetchRegion);
  if (region.status === 'loading') return <Loading />;
  if (region.status === 'error') return <ErrorBox message={apiErrorText(t, region.error)} onRetry={region.reload} />;
  const municipalities = region.data.municipalities;
  return (
    <section className="intake">
      <h1>{t('nav.intake')}</h1>
      {id ? (
        <OneIntake id={id} municipalities={municipalities} />
      ) : (
        <>
          <IntakeForm
            municipalities={municipalities}
            callId={callId}
            held={holdId ? held : null}
            storeRrn={region.data.privacy?.storeRrn ?? false}
          />
          <RecentIntakes />
        </>
      )}
    </section>
  );
}

function OneIntake({ id, municipalities }: { id: string; municipalities: { nis: string; name: string }[] }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => fetchIntake(id, signal), [id]);
  const live = useLive(load, ['intakes:changed', 'handoffs:changed', 'outbox:changed']);
  const [fresh, setFresh] = useState<IntakeDetail | null>(null);
  useEffect(() => setFresh(null), [live.data]);
  const c = fresh ?? live.data;
  if (live.error && !c) return <ErrorBox message={apiErrorText(t, live.error)} onRetry={live.reload} />;
  if (!c) return <Loading />;
  return (
    <>
      <p className="no-print">
        <Link href="/aanmelding">{t('intake.new')}</Link>
      </p>
      <IntakeActions c={c} municipalities={municipalities} onChange={setFresh} />
      <CaseView c={c} />
    </>
  );
}

function RecentIntakes() {
  const t = useT();
  const dateTime = useDateTime();
  const live = useLive(fetchIntakes, ['intakes:changed']);
  if (!live.data?.length) return null;
  return (
    <section>
      <h2>{t('intake.recent')}</h2>
      <ul className="case-list">
        {live.data.map((i) => (
          <li key={i.id}>
            <Link href={`/aanmelding?id=${i.id}`} data-testid="intake-item">
              {i.reference && <span className="case-reference">{i.reference}</span>} <strong>{i.name}</strong> ·{' '}
              {t(`household.${i.householdType}` as MessageKey)} · {t(`intake.status.${i.status}` as MessageKey)}
              {i.placeName && ` · ${i.placeName}`}
              <br />
              <span className="muted">{dateTime(i.createdAt)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
