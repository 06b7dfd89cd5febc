// The areas: a bottom tab bar on a phone, a side bar on a wide screen (CSS decides).
import type { MessageKey } from '../i18n/nl';
import { useT } from '../i18n/useT';
import { Link } from './Link';
import { NavIcon, type IconName } from './NavIcon';

export interface NavItem {
  path: string;
  icon: IconName;
  label: MessageKey;
  short: MessageKey;
}

export function NavBar({ items, current }: { items: readonly NavItem[]; current: string }) {
  const t = useT();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul className="nav-list">
        {items.map((item) => (
          <li key={item.path}>
            <Link href={item.path} className="nav-link" aria-current={item.path === current ? 'page' : undefined}>
              <NavIcon name={item.icon} />
              <span className="nav-text-short">{t(item.short)}</span>
              <span className="nav-text-full">{t(item.label)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
