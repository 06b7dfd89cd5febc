// The top of every signed-in screen. The bar with the name and the connection state stays on screen
// while scrolling; the row below (who is on duty, who is signed in, preferences) scrolls away. On a
// phone that row is one line: the primary line (or its gap, in red) and "Meer", which opens backup,
// coordinator, the alarm test, language, theme and sign-out (the header took ~300 px of 844).
import { useState } from 'react';
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
import { userCan } from '../session/useCan';

interface Props {
  user: User;
  connection: ConnectionState;
  onDuty: OnCallNow | null;
  onLogout: () => void;
}

export function Header({ user, connection, onDuty, onLogout }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <header className={`topbar topbar-${connection}`}>
        <span className="brand">{t('app.name')}</span>
        <ConnectionStatus state={connection} />
      </header>
      <div className={`context-bar ${open ? 'context-open' : ''}`} data-testid="context-bar">
        <OnDutyNow now={onDuty} />
        <button
          type="button"
          className="btn header-more"
          aria-expanded={open}
          aria-controls="header-menu"
          data-testid="header-more"
          onClick={() => setOpen(!open)}
        >
          {t(open ? 'header.less' : 'header.more')}
        </button>
        <div className="header-menu" id="header-menu">
          <div className="header-tools">
            {userCan(user, 'calls.read') && <AlarmTest />}
            <LanguageToggle />
            <ThemeToggle />
          </div>
          <UserBadge user={user} onLogout={onLogout} />
        </div>
      </div>
    </>
  );
}
