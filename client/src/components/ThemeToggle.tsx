import { useT } from '../i18n/useT';
import { useTheme } from '../theme/useTheme';

/** Switches dark/light; the label says what it switches to. */
export function ThemeToggle() {
  const t = useT();
  const { theme, toggle } = useTheme();
  const label = theme === 'dark' ? t('theme.toLight') : t('theme.toDark');
  return (
    <button type="button" className="btn btn-icon" aria-label={label} title={label} onClick={toggle}>
      <span aria-hidden="true">{theme === 'dark' ? '\u2600\uFE0E' : '\u263E\uFE0E'}</span>
    </button>
  );
}
