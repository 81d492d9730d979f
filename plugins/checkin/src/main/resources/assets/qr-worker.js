// Decodes camera frames off the main thread with jsQR (shipped in this plugin; no CDN).
importScripts('vendor/jsqr/jsQR.js');

self.onmessage = (e) => {
  const { width, height, data } = e.data;
  let text = null;
  try {
    // attemptBoth: a phone showing the ticket in dark mode gives light-on-dark modules
    const r = self.jsQR(new Uint8ClampedArray(data), width, height, { inversionAttempts: 'attemptBoth' });
    text = r ? r.data : null;
  } catch (err) { text = null; }
  self.postMessage(text);
};
