// Period (nights from ... to, or a preset) and municipality. OCMW staff only get their own municipalities.
import { useState, type FormEvent } from 'react';
import type { Municipality } from '../../api/types';
import { useServerNow } from '../../api/useSocket';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/nl';
import type { Filter } from './api';
import { PRESETS, presetRange, type Preset } from './periods';

interface Props {
  value: Filter;
  municipalities: Municipality[];
  /** For OCMW staff: the NIS codes they may choose from ("" means all of them). */
  own: string[] | null;
  onChange: (f: Filter) => void;
}

export function Filters({ value, municipalities, own, onChange }: Props) {
  const t = useT();
  const serverNow = useServerNow(); // months are the desk's nights, on the server's clock
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const invalid = !from || !to || to < from;
  const choices = own ? municipalities.filter((m) => own.includes(m.nis)) : municipalities;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) onChange({ ...value, from, to });
  };
  const preset = (p: Preset) => {
    const r = presetRange(p, serverNow());
    setFrom(r.from);
    setTo(r.to);
    onChange({ ...value, ...r });
  };

  return (
    <form className="fig-filters no-print" onSubmit={submit} aria-label={t('figures.filters')}>
      <div className="fig-presets" role="group" aria-label={t('figures.presets')}>
        {PRESETS.map((p) => (
          <button key={p} type="button" className="btn btn-small" onClick={() => preset(p)}>
            {t(`figures.preset.${p}` as MessageKey)}
          </button>
        ))}
      </div>
      <label>
        <span>{t('figures.from')}</span>
        <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} required />
      </label>
      <label>
        <span>{t('figures.to')}</span>
        <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <label>
        <span>{t('figures.municipality')}</span>
        <select
          value={value.municipality}
          onChange={(e) => onChange({ ...value, ...(invalid ? {} : { from, to }), municipality: e.target.value })}
        >
          <option value="">{own ? t('figures.allMine') : t('figures.allRegion')}</option>
          {choices.map((m) => (
            <option key={m.nis} value={m.nis}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={invalid}>
        {t('figures.show')}
      </button>
      {to !== '' && from !== '' && to < from && (
        <p className="notice notice-error" role="alert">
          {t('figures.toBeforeFrom')}
        </p>
      )}
    </form>
  );
}
