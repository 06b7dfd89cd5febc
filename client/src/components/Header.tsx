// The top of every signed-in screen. The bar with the name and the connection state stays on screen
// while scrolling; the row below (who is on duty, who is signed in, preferences) scrolls away.
import type { ConnectionState } from '../api/socketContext';
import type { User } from '../api/types';
import { useT } from '../i18n/useT';
import { AlarmTest } from './AlarmTest';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageToggle } from './LanguageToggle';
import type { OnCallNow } from '../api/oncall';
import { OnDutyNow } from './OnDutyNow';
import { ThemeToggle } from './ThemeToggle';
import { UserBadge } from './UserBadge';

interface Props {
  user: User;
  connection: ConnectionState;
  onDuty: OnCallNow | null;
  onLogout: () => void;
}

export function Header({ user, connection, onDuty, onLogout }: Props) {
  const t = useT();
  return (
    <>
      <header className={`topbar topbar-${connection}`}>
        <span className="brand">{t('app.name')}</span>
        <ConnectionStatus state={connection} />
      </header>
      <div className="context-bar">
        <OnDutyNow now={onDuty} />
        <div className="header-tools">
          {user.role !== 'ocmw_staff' && <AlarmTest />}
          <LanguageToggle />
          <ThemeToggle />
        </div>
        <UserBadge user={user} onLogout={onLogout} />
      </div>
    </>
  );
}
