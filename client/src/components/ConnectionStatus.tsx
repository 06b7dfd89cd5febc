import type { ConnectionState } from '../api/socketContext';
import { useT } from '../i18n/useT';

const TEXT = { live: 'conn.live', connecting: 'conn.connecting', offline: 'conn.offline' } as const;

/** A coloured dot and words (never colour alone): Live, connecting, or lost and reconnecting. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const t = useT();
  return (
    <div className={`conn conn-${state}`} role="status">
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-text">{t(TEXT[state])}</span>
    </div>
  );
}
