// The region the console looks at (issue 15), in the top bar: its name, and for a user of several regions a
// switch. Switching tells the server (the session remembers it) and reloads, so every view reads the new region.
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { fetchRegion } from '../api/region';
import type { RegionResponse } from '../api/types';
import { useT } from '../i18n/useT';

export function RegionSwitch() {
  const t = useT();
  const [region, setRegion] = useState<RegionResponse | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const ac = new AbortController();
    fetchRegion(ac.signal).then(setRegion, () => undefined);
    return () => ac.abort();
  }, []);
  if (!region) return null;
  const mine = region.regions ?? [];
  if (mine.length < 2)
    return (
      <span className="region-name" data-testid="header-region">
        {region.region.name}
      </span>
    );
  const choose = async (code: string) => {
    setBusy(true);
    try {
      await api('/api/auth/region', { method: 'PUT', body: { region: code } });
      window.location.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="region-switch">
      <span className="visually-hidden">{t('header.region')}</span>
      <select
        data-testid="region-switch"
        value={region.region.code}
        disabled={busy}
        onChange={(e) => void choose(e.target.value)}
      >
        {mine.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
