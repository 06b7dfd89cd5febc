// Background work that every instance runs on a timer (hold expiry, rota SMS, ...). Each job is
// idempotent, so several instances may run it at once; a failed round is logged and the next retries.
import type { Services } from './services';

export function repeat(services: Services, everyMs: number, what: string, work: () => Promise<unknown>): () => void {
  const timer = setInterval(() => {
    work().catch((err) => services.logger.warn({ err }, `${what} failed; the next round retries`));
  }, everyMs);
  timer.unref(); // never keeps the process alive on shutdown
  return () => clearInterval(timer);
}
