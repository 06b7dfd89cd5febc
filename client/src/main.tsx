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
