// The signed-in console: header, navigation and the area the URL names.
import { useEffect, useRef } from 'react';
import { useHealth } from '../api/useHealth';
import { useOnCallNow } from '../api/oncall';
import { useSocket } from '../api/useSocket';
import type { User } from '../api/types';
import { Header } from '../components/Header';
import { AlarmBanner } from '../components/AlarmBanner';
import { HealthBanner } from '../components/HealthBanner';
import { SprayBanner } from '../components/SprayBanner';
import { NavBar } from '../components/NavBar';
import { useT } from '../i18n/useT';
import { navigate, usePath } from '../routing/router';
import { useSession } from '../session/useSession';
import { userCan } from '../session/useCan';
import { areasFor, homeFor } from './areas';
import './shell.css';

export function AppShell({ user }: { user: User }) {
  const t = useT();
  const path = usePath();
  const { signOut } = useSession();
  const { state: connection } = useSocket();
  const health = useHealth();
  const onCall = useOnCallNow();
  const areas = areasFor(user);
  const area = areas.find((a) => a.path === path);
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(path);

  // "/", unknown paths and areas this user may not use all land on the user's home.
  useEffect(() => {
    if (!area) navigate(homeFor(user), { replace: true });
  }, [area, user]);

  useEffect(() => {
    document.title = area ? `${t(area.label)} – ${t('app.name')}` : t('app.name');
  }, [area, t]);

  // After moving between areas, put focus at the top of the new content (not on first load).
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    window.scrollTo(0, 0);
    main.current?.focus();
  }, [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Header user={user} connection={connection} onDuty={onCall.data} onLogout={() => void signOut()} />
      <div className="shell-body">
        <NavBar items={areas.filter((a) => !a.unlisted)} current={path} />
        <main id="main" className="main" ref={main} tabIndex={-1}>
          <HealthBanner health={health} />
          {userCan(user, 'calls.read') && <AlarmBanner />}
          {userCan(user, 'sprays.read') && <SprayBanner />}
          {area && <area.Page />}
        </main>
      </div>
    </div>
  );
}
