// Home for everyone. For now: the region and its municipalities from GET /api/region, proving the
// data is there; the live board with free places comes here later.
import { fetchRegion } from '../../api/region';
import { useApi } from '../../api/useApi';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import { useI18n } from '../../i18n/useT';
import { MunicipalityTable } from './MunicipalityTable';
import './board.css';

export function BoardPage() {
  const { t, formatNumber } = useI18n();
  const region = useApi(fetchRegion);

  if (region.status === 'loading') return <Loading />;
  if (region.status === 'error') return <ErrorBox message={apiErrorText(t, region.error)} onRetry={region.reload} />;

  const { municipalities } = region.data;
  const population = municipalities.reduce((sum, m) => sum + m.population, 0);
  const target = municipalities.reduce((sum, m) => sum + m.placesTarget, 0);
  return (
    <section className="board">
      <h1 data-testid="region-name">{region.data.region.name}</h1>
      <p className="board-summary">
        {t('board.summary', { count: municipalities.length, population: formatNumber(population), target: formatNumber(target) })}
      </p>
      <p className="notice">{t('board.coming')}</p>
      <MunicipalityTable municipalities={municipalities} totalPopulation={population} totalTarget={target} />
    </section>
  );
}
