import type { User } from '../api/types';
import { useT } from '../i18n/useT';

/** The signed-in person, their role, and the way out. */
export function UserBadge({ user, onLogout }: { user: User; onLogout: () => void }) {
  const t = useT();
  return (
    <div className="user-badge">
      <div className="user-who">
        <span className="visually-hidden">{t('header.signedInAs')} </span>
        <span className="user-name">{user.displayName}</span>
        <span className="user-role">{t(`role.${user.role}` as const)}</span>
      </div>
      <button type="button" className="btn" onClick={onLogout}>
        {t('header.logout')}
      </button>
    </div>
  );
}
