// A table of figures with its caption and a CSV download of the same table (from the server, so the
// file is exactly what /api/figures/csv gives a spreadsheet). Wide tables scroll sideways on a phone.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/useT';

export interface Column<R> {
  label: string;
  value: (row: R) => ReactNode;
  num?: boolean;
}

interface Props<R> {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  csv?: string;
  csvName?: string;
  foot?: ReactNode[];
}

export function FigureTable<R>({ caption, columns, rows, csv, csvName, foot }: Props<R>) {
  const { t } = useI18n();
  return (
    // Five columns and more take the whole row of a two-column grid: at 1366 px half a row clipped them.
    <div className={`fig-table ${columns.length >= 5 ? 'fig-table-wide' : ''}`}>
      <div className="fig-table-head">
        <h3>{caption}</h3>
        {csv && (
          <a
            className="btn btn-small no-print"
            href={csv}
            download={csvName}
            aria-label={`${t('figures.csv')}: ${caption}`}
          >
            {t('figures.csv')}
          </a>
        )}
      </div>
      <div className="fig-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c, j) =>
                  j === 0 ? (
                    <th key={c.label} scope="row">
                      {c.value(r)}
                    </th>
                  ) : (
                    <td key={c.label} className={c.num ? 'num' : undefined}>
                      {c.value(r)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {foot && (
            <tfoot>
              <tr>
                {foot.map((f, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {f}
                    </th>
                  ) : (
                    <td key={i} className={columns[i]?.num ? 'num' : undefined}>
                      {f}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}
