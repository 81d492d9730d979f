// "My tickets" offline: network first, so the page is always current when online; the last good
// copy of each tickets page (with its QR codes inline) answers when the network is gone.
const CACHE = 'marquee-tickets';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) {
    return;
  }
  const page = url.pathname === '/account/' || url.pathname === '/account/index.xhtml';
  const asset = url.pathname.startsWith('/themes/') || url.pathname.startsWith('/brand/');
  if (!page && !asset) {
    return;
  }
  event.respondWith(
    fetch(req)
      .then((res) => {
        // Only a signed-in page with tickets is worth keeping (not the sign-in form).
        if (res.ok && (asset || res.headers.get('X-Marquee-Tickets') === '1')) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(req, copy));
        }
        return res;
      })
      .catch(() =>
        caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: false })).then(
          (hit) => hit || caches.open(CACHE).then((c) => c.match('/account/')).then(
            (any) => any || new Response('Offline', { status: 503 }))))
  );
});
