import { useContext } from 'react';
import { ThemeContext, type ThemeValue } from './context';

export function useTheme(): ThemeValue {
  const value = useContext(ThemeContext);
  if (!value) throw new Error('useTheme outside <ThemeProvider>');
  return value;
}
