// Each instance watches its own database connection and tells its own consoles at once when it goes
// down or comes back (socket.io's local emit: the adapter between instances runs over that database).
import { repeat } from '../repeat';
import type { Services } from '../services';

/** @public */
export function watchDatabaseHealth(services: Services, everyMs = 3000): () => void {
  let up = true;
  return repeat(services, everyMs, 'database health', async () => {
    const now = await services.ping(1500);
    if (now === up) return;
    up = now;
    services.logger[now ? 'info' : 'error'](now ? 'database answers again' : 'database does not answer');
    services.realtime.io?.local.emit('health:changed', { database: now ? 'ok' : 'down' });
  });
}
