import type { Municipality } from '../../api/types';
import { useI18n } from '../../i18n/useT';

interface Props {
  municipalities: readonly Municipality[];
  totalPopulation: number;
  totalTarget: number;
}

/** Name, inhabitants and solidarity target of each municipality; narrow enough for a phone. */
export function MunicipalityTable({ municipalities, totalPopulation, totalTarget }: Props) {
  const { t, formatNumber } = useI18n();
  return (
    <table className="muni-table">
      <caption>{t('board.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('board.col.name')}</th>
          <th scope="col" className="num">
            {t('board.col.population')}
          </th>
          <th scope="col" className="num">
            {t('board.col.brought')}
          </th>
          <th scope="col" className="num">
            {t('board.col.target')}
          </th>
        </tr>
      </thead>
      <tbody>
        {municipalities.map((m) => (
          <tr key={m.nis} data-testid="municipality-row">
            <th scope="row">
              <span className="muni-name">{m.name}</span>
              <span className="muni-postcodes">{m.postcodes}</span>
            </th>
            <td className="num">{formatNumber(m.population)}</td>
            <td className={`num ${m.placesBrought < m.placesTarget ? 'short' : ''}`}>
              {formatNumber(m.placesBrought)}
            </td>
            <td className="num">{formatNumber(m.placesTarget)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('board.total')}</th>
          <td className="num">{formatNumber(totalPopulation)}</td>
          <td className="num">{formatNumber(municipalities.reduce((s, m) => s + m.placesBrought, 0))}</td>
          <td className="num">{formatNumber(totalTarget)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
