// The console's service worker: it makes the console installable and serves its shell when the
// network is gone, so the phone still opens it (and says it is offline: the page's connection state
// shows it, and the offline page below when even the shell was never loaded). The API and the live
// socket are never cached: stale data at night is worse than none.
const SHELL = 'permanentie-shell-v1';
const OFFLINE = '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
  + '<title>Offline – Permanentie</title><body style="font:18px system-ui;background:#0e1116;color:#fff;padding:24px">'
  + '<h1>Offline</h1><p>Geen verbinding met de permanentie. Gebruik het papieren nachtblad en bel de coördinator.</p>'
  + '<p lang="en">No connection to the desk. Use the paper night sheet and phone the coordinator.</p></body>';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(['/', '/manifest.webmanifest', '/icon.svg'])).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io') || url.pathname.startsWith('/twilio')) return;
  if (event.request.mode === 'navigate') { // the shell, fresh when possible
    event.respondWith(fetch(event.request).then((res) => {
      const copy = res.clone();
      void caches.open(SHELL).then((c) => c.put('/', copy));
      return res;
    }).catch(() => caches.match('/').then((hit) => hit ?? new Response(OFFLINE, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }))));
    return;
  }
  if (url.pathname.startsWith('/assets/')) { // hashed names: a cached copy is always right
    event.respondWith(caches.match(event.request).then((hit) => hit ?? fetch(event.request).then((res) => {
      const copy = res.clone();
      void caches.open(SHELL).then((c) => c.put(event.request, copy));
      return res;
    })));
  }
});
// A tap on an alarm notification brings the console to the front.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.matchAll({ type: 'window' }).then((list) => (list[0] ? list[0].focus() : self.clients.openWindow('/oproepen'))));
});
