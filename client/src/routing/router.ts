// Hand-written history routing: the path is the state. The server answers every non-API path
// with index.html, so /bord, /oproepen, ... survive a reload.
import { useSyncExternalStore } from 'react';

const NAVIGATE = 'permanentie:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

/** The current path without a trailing slash ("/" stays "/"). */
export function currentPath(): string {
  const p = window.location.pathname;
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (opts.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** One query parameter of the current URL (e.g. ?id=...), re-read on every navigation. */
export function useQueryParam(name: string): string | null {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return new URLSearchParams(search).get(name);
}
