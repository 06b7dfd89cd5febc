// The server's database state: pushed by the instance at once when it changes ('health:changed'),
// and polled every 15 s as well, so a database outage is visible even when no event gets through.
import { useEffect, useState } from 'react';
import { fetchHealth } from './health';
import type { Health } from './types';
import { useSocketEvent } from './useSocket';

const EVERY_MS = 15_000;

export function useHealth(): Health | null {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    const check = () => fetchHealth(ctrl.signal).then(setHealth, () => undefined);
    void check();
    const timer = setInterval(() => {
      void check();
    }, EVERY_MS);
    return () => {
      clearInterval(timer);
      ctrl.abort();
    };
  }, []);
  useSocketEvent('health:changed', ({ database }) =>
    setHealth({ status: database === 'ok' ? 'ok' : 'degraded', database }),
  );
  return health;
}
