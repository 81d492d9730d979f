// Door check-in service worker: keeps the app shell so the app opens with no network.
// API calls are never cached: the app itself decides what to do when they fail (offline mode).
const SHELL = 'checkin-shell-v2';
const FILES = ['app.html', 'app.js', 'app.css', 'qr.js', 'qr-worker.js', 'vendor/jsqr/jsQR.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png'];

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(SHELL).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || !url.pathname.startsWith('/plugins/checkin/assets/')) {
    return; // the API goes to the network as usual
  }
  // Cache first for the shell (instant and offline), refreshed in the background.
  e.respondWith(
    caches.open(SHELL).then((cache) =>
      cache.match(e.request, { ignoreSearch: true }).then((hit) => {
        const fresh = fetch(e.request)
          .then((r) => { if (r.ok) { cache.put(e.request, r.clone()); } return r; })
          .catch(() => hit);
        return hit || fresh;
      })));
});
