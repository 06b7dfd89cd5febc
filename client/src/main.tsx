import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyTheme, storedTheme, systemTheme } from './theme/context';
import './theme/theme.css';
import './theme/base.css';
import './components/components.css';

// Before the first paint, so a night-time console never flashes white.
applyTheme(storedTheme() ?? systemTheme());

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Installable, and the shell opens without a network (public/sw.js). Not in development: Vite serves there.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
