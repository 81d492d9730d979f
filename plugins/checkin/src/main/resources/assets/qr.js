// Camera scanning for the door app. The browser's own BarcodeDetector where it has one (Android
// Chrome); otherwise jsQR, shipped inside this plugin (vendor/jsqr), decoding in a worker so the
// result screen stays smooth. Frames are scaled down to 640 px: a ticket QR held at a phone's
// camera is large, and decoding a full 1080p frame costs ten times as much for nothing.
(function () {
  'use strict';
  const MAX_SIDE = 640;

  function jsqrDecoder() {
    const worker = new Worker('qr-worker.js');
    let pending = null;
    worker.onmessage = (e) => { const p = pending; pending = null; if (p) { p(e.data); } };
    return {
      decode(img) {
        if (pending) { return Promise.resolve(null); } // still busy with the last frame: skip this one
        return new Promise((resolve) => {
          pending = resolve;
          worker.postMessage({ width: img.width, height: img.height, data: img.data.buffer }, [img.data.buffer]);
        });
      },
      stop() { worker.terminate(); },
    };
  }

  window.checkinCamera = async function (video, onCode) {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch (e) { alert('No camera: use a hardware scanner or type the code.'); return; }
    video.hidden = false; video.srcObject = stream; await video.play();
    const detector = 'BarcodeDetector' in window ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
    const jsqr = detector ? null : jsqrDecoder();
    video.setAttribute('data-decoder', detector ? 'native' : 'jsqr');
    const canvas = document.createElement('canvas');
    const g = canvas.getContext('2d', { willReadFrequently: true });
    let last = '', lastAt = 0;

    async function read() {
      if (detector) {
        const found = await detector.detect(video);
        return found.length ? found[0].rawValue : null;
      }
      if (!video.videoWidth) { return null; }
      const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale); canvas.height = Math.round(video.videoHeight * scale);
      g.drawImage(video, 0, 0, canvas.width, canvas.height);
      return jsqr.decode(g.getImageData(0, 0, canvas.width, canvas.height));
    }

    async function frame() {
      if (video.hidden) { stream.getTracks().forEach((t) => t.stop()); if (jsqr) { jsqr.stop(); } return; }
      let text = null;
      try { text = await read(); } catch (e) { text = null; }
      // the same code held in front of the camera counts once every 3 seconds
      if (text && (text !== last || Date.now() - lastAt > 3000)) { last = text; lastAt = Date.now(); onCode(text); }
      requestAnimationFrame(frame);
    }
    video.onclick = () => { video.hidden = true; };
    requestAnimationFrame(frame);
  };
})();
