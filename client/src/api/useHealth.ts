// Polls /healthz while signed in, so a database outage is visible even when the socket is up.
import { useEffect, useState } from 'react';
import { fetchHealth } from './health';
import type { Health } from './types';

const EVERY_MS = 60_000;

export function useHealth(): Health | null {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    const check = () => fetchHealth(ctrl.signal).then(setHealth, () => undefined);
    void check();
    const timer = setInterval(() => { void check(); }, EVERY_MS);
    return () => { clearInterval(timer); ctrl.abort(); };
  }, []);
  return health;
}
