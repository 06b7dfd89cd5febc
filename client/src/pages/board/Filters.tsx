import type { BoardFilter } from '../../api/board';
import type { MessageKey } from '../../i18n/nl';
import { useT } from '../../i18n/useT';

const NEEDS = ['women', 'men', 'families', 'pets', 'wheelchair'] as const;
const TYPES = ['caw_noodkamer', 'hotel', 'crisisbed', 'ocmw_noodwoning', 'doorgangswoning', 'vluchthuis'] as const;

export function Filters({
  value,
  onChange,
  municipalities,
}: {
  value: BoardFilter;
  onChange: (f: BoardFilter) => void;
  municipalities: { nis: string; name: string }[];
}) {
  const t = useT();
  const set = (patch: Partial<BoardFilter>) => onChange({ ...value, ...patch });
  const count = (n: string) => Math.max(0, Math.min(20, Number(n) || 0));
  return (
    <fieldset className="filters no-print">
      <legend>{t('places.filter')}</legend>
      <div className="filter-row">
        <label>
          {t('places.adults')}{' '}
          <input
            type="number"
            min={0}
            max={20}
            value={value.adults}
            onChange={(e) => set({ adults: count(e.target.value) })}
          />
        </label>
        <label>
          {t('places.children')}{' '}
          <input
            type="number"
            min={0}
            max={20}
            value={value.children}
            onChange={(e) => set({ children: count(e.target.value) })}
          />
        </label>
      </div>
      <div className="chips">
        {NEEDS.map((n) => (
          <label key={n} className={`chip ${value.needs.includes(n) ? 'chip-on' : ''}`}>
            <input
              type="checkbox"
              checked={value.needs.includes(n)}
              onChange={(e) =>
                set({ needs: e.target.checked ? [...value.needs, n] : value.needs.filter((x) => x !== n) })
              }
            />
            {t(`need.${n}` as MessageKey)}
          </label>
        ))}
      </div>
      <div className="filter-row">
        <label>
          {t('places.near')}
          <select value={value.municipality} onChange={(e) => set({ municipality: e.target.value })}>
            <option value="">{t('places.anywhere')}</option>
            {municipalities.map((m) => (
              <option key={m.nis} value={m.nis}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('places.type')}
          <select value={value.types[0] ?? ''} onChange={(e) => set({ types: e.target.value ? [e.target.value] : [] })}>
            <option value="">{t('places.allTypes')}</option>
            {TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`type.${ty}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
