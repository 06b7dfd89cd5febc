import { createContext } from 'react';
import { readStored } from '../lib/storage';

export type Theme = 'dark' | 'light';
export const THEME_KEY = 'permanentie.theme';
const THEME_COLOR: Record<Theme, string> = { dark: '#0e1116', light: '#ffffff' };

export interface ThemeValue {
  theme: Theme;
  toggle: () => void;
}

export const ThemeContext = createContext<ThemeValue | null>(null);

export function storedTheme(): Theme | null {
  const v = readStored(THEME_KEY);
  return v === 'dark' || v === 'light' ? v : null;
}

/** Without a stored choice: the system's preference, and dark when it has none (the desk works at night). */
export function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

/** Sets the theme on <html data-theme> and the browser bar colour; also called before the first render. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', THEME_COLOR[theme]);
}
