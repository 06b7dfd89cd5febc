// Home for everyone: the live board of free places (the desk's roles) and the solidarity view per
// municipality (1 place per 10,000 inhabitants).
import { fetchRegion } from '../../api/region';
import { useApi } from '../../api/useApi';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import { useI18n } from '../../i18n/useT';
import { MunicipalityTable } from './MunicipalityTable';
import { PlacesBoard } from './PlacesBoard';
import { ShiftSummary } from './ShiftSummary';
import { useCan } from '../../session/useCan';
import './board.css';

export function BoardPage() {
  const { t, formatNumber } = useI18n();
  const region = useApi(fetchRegion);
  const can = useCan();

  if (region.status === 'loading') return <Loading />;
  if (region.status === 'error') return <ErrorBox message={apiErrorText(t, region.error)} onRetry={region.reload} />;

  const { municipalities } = region.data;
  const population = municipalities.reduce((sum, m) => sum + m.population, 0);
  const target = municipalities.reduce((sum, m) => sum + m.placesTarget, 0);
  return (
    <section className="board">
      <h1 data-testid="region-name">{region.data.region.name}</h1>
      <p className="board-summary">
        {t('board.summary', {
          count: municipalities.length,
          population: formatNumber(population),
          target: formatNumber(target),
        })}
      </p>
      {can('shiftSummary.read') && <ShiftSummary />}
      {can('places.read') && <PlacesBoard municipalities={municipalities} />}
      <MunicipalityTable municipalities={municipalities} totalPopulation={population} totalTarget={target} />
    </section>
  );
}
