// Camera scanning for the door app: the browser's own BarcodeDetector where it has one, else the
// jsQR decoder shipped in this plugin (jsqr.js, from the jsQR webjar), fed with camera frames.
(function () {
  'use strict';
  window.checkinCamera = async function (video, onCode) {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch (e) { alert('No camera: use a hardware scanner or type the code.'); return; }
    video.hidden = false; video.srcObject = stream; await video.play();
    const detector = 'BarcodeDetector' in window ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
    const canvas = document.createElement('canvas'); const g = canvas.getContext('2d', { willReadFrequently: true });
    let last = '', lastAt = 0;
    async function frame() {
      if (video.hidden) { stream.getTracks().forEach((t) => t.stop()); return; }
      let text = null;
      try {
        if (detector) {
          const found = await detector.detect(video); text = found.length ? found[0].rawValue : null;
        } else if (window.jsQR && video.videoWidth) {
          canvas.width = video.videoWidth; canvas.height = video.videoHeight;
          g.drawImage(video, 0, 0);
          const img = g.getImageData(0, 0, canvas.width, canvas.height);
          const r = window.jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
          text = r ? r.data : null;
        }
      } catch (e) { text = null; }
      // the same code held in front of the camera counts once every 3 seconds
      if (text && (text !== last || Date.now() - lastAt > 3000)) { last = text; lastAt = Date.now(); onCode(text); }
      requestAnimationFrame(frame);
    }
    video.onclick = () => { video.hidden = true; };
    requestAnimationFrame(frame);
  };
})();
