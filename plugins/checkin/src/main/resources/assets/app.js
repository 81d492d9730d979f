// Door check-in PWA. Online: every scan asks the server (one atomic single-use check).
// Offline (detected by itself): checks the code's Ed25519 signature with the event's public keys
// (WebCrypto), the revocation list and its own used set, answers at once and queues the scan;
// on reconnect it uploads the queue (idempotent by nonce) and refreshes the used set.
(function () {
  'use strict';
  const API = '/plugins/checkin/api';
  const TIMEOUT_MS = 2500;
  const store = {
    get(k, d) { try { const v = localStorage.getItem('checkin.' + k); return v === null ? d : JSON.parse(v); } catch (e) { return d; } },
    set(k, v) { localStorage.setItem('checkin.' + k, JSON.stringify(v)); },
    del(k) { localStorage.removeItem('checkin.' + k); }
  };
  const $ = (id) => document.getElementById(id);
  let online = true;
  let kit = store.get('kit', null);
  let queue = store.get('queue', []);
  let used = new Set(store.get('used', []));
  let gate = store.get('gate', null); // staff without a device choose one
  const keyCache = {};
  // Phones at a door often have the wrong time (no network sync, wrong zone, manual clock). The
  // server's clock, as of the last kit, decides a ticket's validity window offline and stamps
  // queued scans, so "the earliest scan wins" compares times from one clock.
  let clockOffset = store.get('clockOffset', 0);
  function serverNow() { return Date.now() + clockOffset; }
  // The door's words in the tenant's language (its locale comes with the kit), else the browser's.
  const WORDS = {
    en: {
      ADMITTED: 'ADMIT', EXITED: 'EXIT OK', ALREADY_USED: 'ALREADY USED', NOT_INSIDE: 'NOT INSIDE',
      INVALID: 'INVALID', WRONG_EVENT: 'WRONG EVENT', VOIDED: 'VOIDED / REFUNDED', UNPAID: 'NOT PAID',
      DUPLICATE: 'ALREADY USED', REJECTED: 'REJECTED', online: 'online', offline: 'offline',
      firstUsed: 'first used', forEvent: 'a ticket for', at: 'at', checkedOffline: 'checked offline', synced: 'synced',
      scansIn: 'scans in', duplicates: 'duplicates',
      setup: 'Set up this device', setupHelp: 'Enter the code shown in the console (Gates and devices).',
      setupButton: 'Set up', setupScan: 'Scan set-up QR', chooseGate: 'Signed in as door staff: choose a gate',
      scanLabel: 'Scan or type a ticket code', entry: 'Entry', exit: 'Exit', check: 'Check', camera: 'Camera',
      find: 'Find a ticket', findHint: 'name, email or order number', findButton: 'Find',
      pay: 'Pay at the door', payHint: 'reservation code', payButton: 'Look up',
      forget: 'Forget this device', queued: 'queued'
    },
    id: {
      ADMITTED: 'MASUK', EXITED: 'KELUAR', ALREADY_USED: 'SUDAH DIPAKAI', NOT_INSIDE: 'TIDAK DI DALAM',
      INVALID: 'TIDAK SAH', WRONG_EVENT: 'ACARA LAIN', VOIDED: 'DIBATALKAN / DIKEMBALIKAN', UNPAID: 'BELUM DIBAYAR',
      DUPLICATE: 'SUDAH DIPAKAI', REJECTED: 'DITOLAK', online: 'daring', offline: 'luring',
      firstUsed: 'pertama dipakai', forEvent: 'tiket untuk', at: 'di', checkedOffline: 'diperiksa luring', synced: 'tersinkron',
      scansIn: 'pindaian dalam', duplicates: 'duplikat',
      setup: 'Siapkan perangkat ini', setupHelp: 'Masukkan kode dari konsol (Gerbang dan perangkat).',
      setupButton: 'Siapkan', setupScan: 'Pindai QR penyiapan', chooseGate: 'Masuk sebagai petugas pintu: pilih gerbang',
      scanLabel: 'Pindai atau ketik kode tiket', entry: 'Masuk', exit: 'Keluar', check: 'Periksa', camera: 'Kamera',
      find: 'Cari tiket', findHint: 'nama, email atau nomor pesanan', findButton: 'Cari',
      pay: 'Bayar di pintu', payHint: 'kode reservasi', payButton: 'Cari',
      forget: 'Lupakan perangkat ini', queued: 'antrean'
    }
  };
  let words = WORDS.en;
  function language(locale) {
    words = WORDS[String(locale || navigator.language || 'en').slice(0, 2).toLowerCase()] || WORDS.en;
    document.documentElement.lang = words === WORDS.id ? 'id' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = words[el.getAttribute('data-i18n')]; });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = words[el.getAttribute('data-i18n-placeholder')]; });
    $('mode').textContent = online ? words.online : words.offline;
  }
  const TONES = { ADMITTED: [880, 0.12], EXITED: [660, 0.12], ALREADY_USED: [300, 0.5], DUPLICATE: [300, 0.5],
    INVALID: [180, 0.7], WRONG_EVENT: [240, 0.6], VOIDED: [160, 0.8], UNPAID: [420, 0.4], NOT_INSIDE: [360, 0.3] };

  function headers() {
    const h = { 'Content-Type': 'application/json' };
    const t = store.get('token', null);
    if (t) { h['X-Device-Token'] = t; }
    return h;
  }
  function withGate(path) {
    if (!gate || store.get('token', null)) { return path; }
    return path + (path.indexOf('?') < 0 ? '?' : '&') + 'gate=' + encodeURIComponent(gate);
  }
  // A request with a time limit; a network failure or timeout switches to offline mode.
  function call(path, body, timeoutMs) {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs || TIMEOUT_MS);
    return fetch(API + withGate(path), {
      method: body === undefined ? 'GET' : 'POST', headers: headers(), credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body), signal: ctrl.signal
    }).then((r) => {
      clearTimeout(timer);
      setOnline(true);
      return r.json().catch(() => ({})).then((j) => ({ status: r.status, json: j }));
    }, (e) => { clearTimeout(timer); setOnline(false); throw e; });
  }
  function setOnline(on) {
    if (online === on) { return; }
    online = on;
    $('mode').textContent = on ? words.online : words.offline;
    $('mode').setAttribute('data-mode', on ? 'online' : 'offline');
    if (on) { sync(); }
  }
  function saveQueue() { store.set('queue', queue); $('queue-count').textContent = String(queue.length); }
  function nonce() { return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/[^A-Za-z0-9-]/g, ''); }

  let audio;
  function beep(outcome) {
    const t = TONES[outcome]; if (!t) { return; }
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      const o = audio.createOscillator(); const g = audio.createGain();
      o.frequency.value = t[0]; o.connect(g); g.connect(audio.destination);
      g.gain.value = 0.2; o.start(); o.stop(audio.currentTime + t[1]);
    } catch (e) { /* no sound on this device */ }
  }
  function show(r, offline) {
    const el = $('result');
    el.setAttribute('data-outcome', r.outcome);
    el.setAttribute('data-offline', offline ? 'true' : 'false');
    $('result-title').textContent = words[r.outcome] || r.outcome;
    const parts = [];
    if (r.holderName) { parts.push(r.holderName); }
    if (r.ticketType) { parts.push(r.ticketType); }
    if (r.eventTitle) { parts.push(words.forEvent + ' ' + r.eventTitle); }
    if (r.usedAt) { parts.push(words.firstUsed + ' ' + new Date(r.usedAt).toLocaleTimeString() + (r.usedGate ? ' ' + words.at + ' ' + r.usedGate : '')); }
    if (offline) { parts.push(words.checkedOffline); }
    $('result-detail').textContent = parts.join(' · ');
    beep(r.outcome);
  }

  // ---- offline verification (same rules as the server's TicketCodes.verify) ----
  function b64urlBytes(s) {
    const b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    const out = new Uint8Array(b.length);
    for (let i = 0; i < b.length; i++) { out[i] = b.charCodeAt(i); }
    return out;
  }
  function b64Bytes(s) { return b64urlBytes(s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')); }
  function uuidOf(compact) {
    const b = b64urlBytes(compact);
    if (b.length !== 16) { throw new Error('bad id'); }
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  // This event's keys, then the tenant's other events' (a real ticket for another night).
  function keyOwner(kid) {
    if (kit.keys[kid]) { return { spki: kit.keys[kid], eventId: kit.eventId }; }
    for (const e of kit.otherEvents || []) {
      if (e.keys[kid]) { return { spki: e.keys[kid], eventId: e.eventId, title: e.title }; }
    }
    return null;
  }
  function key(kid, spki) {
    if (!keyCache[kid]) {
      keyCache[kid] = crypto.subtle.importKey('spki', b64Bytes(spki), { name: 'Ed25519' }, false, ['verify']);
    }
    return keyCache[kid];
  }
  // Resolves to {outcome, ticketId, ticketType}; never throws.
  async function verifyOffline(code, direction) {
    let payload, sig, claims;
    try {
      const dot = code.indexOf('.');
      if (dot < 1) { return { outcome: 'INVALID' }; }
      payload = b64urlBytes(code.slice(0, dot));
      sig = b64urlBytes(code.slice(dot + 1));
      claims = new TextDecoder().decode(payload).split('|');
      if (claims.length !== 9 || claims[0] !== '1') { return { outcome: 'INVALID' }; }
    } catch (e) { return { outcome: 'INVALID' }; }
    const kid = claims[1];
    const owner = kit ? keyOwner(kid) : null;
    if (!owner) { return { outcome: 'INVALID' }; }
    let ok = false;
    try { ok = await crypto.subtle.verify({ name: 'Ed25519' }, await key(kid, owner.spki), sig, payload); } catch (e) { ok = false; }
    if (!ok || claims[2] !== kit.tenant) { return { outcome: 'INVALID' }; }
    let eventId, ticketId;
    try { eventId = uuidOf(claims[3]); ticketId = uuidOf(claims[4]); } catch (e) { return { outcome: 'INVALID' }; }
    // signed by that event's key, so it names that event: a genuine ticket, for another night
    if (eventId !== kit.eventId) { return { outcome: 'WRONG_EVENT', eventTitle: owner.title || '' }; }
    const now = serverNow() / 1000;
    if (now < Number(claims[7]) || now > Number(claims[8])) { return { outcome: 'INVALID' }; }
    if (kit.revokedSet.has(ticketId + ':' + claims[5])) { return { outcome: 'VOIDED', ticketId: ticketId }; }
    const type = kit.types[ticketId];
    if (direction === 'out') {
      if (!used.has(ticketId)) { return { outcome: 'NOT_INSIDE', ticketId: ticketId, ticketType: type }; }
      if (kit.reentry) { used.delete(ticketId); }
      return { outcome: 'EXITED', ticketId: ticketId, ticketType: type };
    }
    if (used.has(ticketId)) { return { outcome: 'ALREADY_USED', ticketId: ticketId, ticketType: type }; }
    used.add(ticketId);
    store.set('used', Array.from(used));
    return { outcome: 'ADMITTED', ticketId: ticketId, ticketType: type };
  }
  window.checkinVerifyOffline = verifyOffline; // for the benchmark page and tests

  async function scan(code, direction) {
    code = (code || '').trim();
    if (!code) { return; }
    const n = nonce();
    if (online) {
      try {
        const r = await call('/scan', { code: code, direction: direction, nonce: n });
        if (r.status === 200) {
          if (r.json.outcome === 'ADMITTED' && r.json.ticketId) { used.add(r.json.ticketId); store.set('used', Array.from(used)); }
          show(r.json, false);
          return;
        }
        if (r.status === 401) { show({ outcome: 'INVALID', holderName: 'this device is not allowed to scan' }, false); return; }
        show({ outcome: 'INVALID', holderName: (r.json && r.json.detail) || 'refused' }, false);
        return;
      } catch (e) { /* fell offline: decide here */ }
    }
    const r = await verifyOffline(code, direction);
    // Refusals are kept too: the server records every scan, and a forged code is worth knowing about.
    queue.push({ code: code, direction: direction, nonce: n, scannedAt: new Date(serverNow()).toISOString() });
    saveQueue();
    show(r, true);
  }

  let syncing = false;
  let runStart = null; // when the current queue started uploading (for the total time)
  async function sync() {
    if (syncing || !queue.length || !online) { return; }
    syncing = true;
    if (runStart === null) { runStart = performance.now(); }
    const batch = queue.slice(0, 250);
    const started = performance.now();
    try {
      // an upload takes longer than a scan: a generous limit, so it is not cut off and sent again
      const r = await call('/sync', { scans: batch }, 60000);
      if (r.status === 200) {
        const done = new Set(r.json.results.map((x) => x.nonce));
        queue = queue.filter((s) => !done.has(s.nonce));
        saveQueue();
        used = new Set(r.json.used);
        store.set('used', Array.from(used));
        const dup = r.json.results.filter((x) => x.outcome === 'DUPLICATE').length;
        const ms = Math.round(performance.now() - started);
        $('sync-status').textContent = words.synced + ' ' + done.size + ' ' + words.scansIn + ' ' + ms + ' ms' + (dup ? ', ' + dup + ' ' + words.duplicates : '');
        $('sync-status').setAttribute('data-synced', String(done.size));
        $('sync-status').setAttribute('data-ms', String(ms));
        if (!queue.length) {
          $('sync-status').setAttribute('data-total-ms', String(Math.round(performance.now() - runStart)));
          runStart = null;
        }
      }
    } catch (e) { /* still offline */ }
    syncing = false;
    if (queue.length && online) { setTimeout(sync, 100); }
  }

  async function loadKit() {
    try {
      // the other events' keys (wrong-event offline) change rarely: asked for every 5 minutes
      const others = !kit || !kit.otherEvents || (gate && kit.gateId !== gate) || Date.now() - (kit.othersAt || 0) > 300000;
      const sent = Date.now();
      const r = await call(others ? '/kit?others=1' : '/kit');
      if (r.status === 200) {
        const answeredAt = Date.parse(r.json.serverTime);
        if (!isNaN(answeredAt)) { clockOffset = answeredAt - (sent + Date.now()) / 2; store.set('clockOffset', clockOffset); }
        const previous = kit;
        kit = r.json;
        if (others) { kit.othersAt = Date.now(); } else { kit.otherEvents = previous.otherEvents; kit.othersAt = previous.othersAt; }
        store.set('kit', kit);
        // scans still queued keep their local admissions until the server has them
        used = queue.length ? new Set(kit.used.concat(Array.from(used))) : new Set(kit.used);
        store.set('used', Array.from(used));
      } else if (r.status === 401) {
        store.del('token'); showClaim('This device was revoked or its credential is no longer valid.');
        return false;
      }
    } catch (e) { /* offline: keep the stored kit */ }
    if (!kit) { return false; }
    kit.revokedSet = new Set(kit.revoked);
    language(kit.locale);
    $('where').textContent = kit.eventTitle + ' · ' + kit.gateName;
    return true;
  }

  async function heartbeat() {
    let battery = null;
    try { if (navigator.getBattery) { battery = Math.round((await navigator.getBattery()).level * 100); } } catch (e) { battery = null; }
    try { await call('/heartbeat', { battery: battery, online: true, pending: queue.length }); } catch (e) { /* offline */ }
  }

  function showScan() { $('claim-view').hidden = true; $('scan-view').hidden = false; $('code').focus(); }
  function showClaim(problem) {
    $('scan-view').hidden = true; $('claim-view').hidden = false;
    $('claim-problem').textContent = problem || '';
  }

  async function start() {
    language(null);
    if ('serviceWorker' in navigator) { navigator.serviceWorker.register('sw.js').catch(() => {}); }
    saveQueue();
    const claim = /claim=([A-Z0-9]{8})/.exec(location.hash || '');
    if (claim) { $('claim-code').value = claim[1]; history.replaceState(null, '', location.pathname); }
    if (claim && !store.get('token', null)) { // opened from the console's set-up QR: claim it at once
      showClaim(); await claimDevice();
    } else if (store.get('token', null) || gate) {
      if (await loadKit()) { showScan(); } else if (!store.get('token', null) && !gate) { showClaim(); }
    } else {
      showClaim();
      try { // signed in to the console as door staff? then no device code is needed
        const me = await call('/me');
        if (me.status === 200 && me.json.gates) {
          $('staff-gates').hidden = false;
          me.json.gates.forEach((g) => {
            const li = document.createElement('li'); const b = document.createElement('button');
            b.textContent = g.eventTitle + ' · ' + g.gateName; b.className = 'gate-choice';
            b.onclick = async () => { gate = g.gateId; store.set('gate', gate); if (await loadKit()) { showScan(); } };
            li.appendChild(b); $('gate-list').appendChild(li);
          });
        }
      } catch (e) { /* offline */ }
    }
    setInterval(heartbeat, 15000);
    setInterval(() => { if (online) { loadKit(); } else { heartbeat(); } }, 5000);
    window.addEventListener('online', () => heartbeat());
    window.addEventListener('offline', () => setOnline(false));
    heartbeat();
  }

  async function claimDevice() {
    try {
      const r = await call('/claim', { code: $('claim-code').value.trim().toUpperCase() });
      if (r.status === 200) {
        store.set('token', r.json.token); store.del('gate'); gate = null;
        if (await loadKit()) { showScan(); }
      } else { $('claim-problem').textContent = (r.json && r.json.detail) || 'That code did not work.'; }
    } catch (e) { $('claim-problem').textContent = 'No network: setting up needs a connection once.'; }
  }
  $('claim-button').onclick = claimDevice;
  // The console's set-up QR holds the app's address with #claim=CODE; a bare code is taken too.
  $('claim-camera-button').onclick = () => window.checkinCamera && window.checkinCamera($('claim-camera'), (text) => {
    const m = /claim=([A-Z0-9]{8})/.exec(text) || /^\s*([A-Z0-9]{8})\s*$/.exec(text);
    if (!m) { $('claim-problem').textContent = 'That is not a set-up code.'; return; }
    $('claim-camera').hidden = true; $('claim-code').value = m[1]; claimDevice();
  });
  $('scan-form').onsubmit = (e) => {
    e.preventDefault();
    const dir = document.querySelector('input[name=direction]:checked').value;
    const v = $('code').value; $('code').value = '';
    scan(v, dir);
    $('code').focus();
  };
  $('search-button').onclick = async () => {
    $('search-results').innerHTML = '';
    try {
      const r = await call('/search?q=' + encodeURIComponent($('search').value));
      (r.json.items || []).forEach((t) => {
        const li = document.createElement('li');
        li.textContent = t.holderName + ' · ' + t.ticketType + ' · ' + t.orderNumber + ' · ' + t.status +
          (used.has(t.ticketId) ? ' · inside' : '');
        $('search-results').appendChild(li);
      });
    } catch (e) { $('search-results').textContent = 'Search needs a connection.'; }
  };
  $('reservation-button').onclick = async () => {
    const box = $('reservation'); box.textContent = '';
    const code = $('reservation-code').value.trim();
    try {
      const r = await call('/reservation?code=' + encodeURIComponent(code));
      if (r.status !== 200) { box.textContent = r.json.detail || 'Not found'; return; }
      const p = document.createElement('p');
      p.textContent = r.json.buyerName + ' · ' + r.json.tickets + ' tickets · ' + (r.json.totalMinor / 100).toFixed(2) + ' ' + r.json.currency + ' · ' + r.json.status;
      box.appendChild(p);
      ['cash', 'card'].forEach((m) => {
        const b = document.createElement('button'); b.textContent = 'Paid by ' + m; b.id = 'pay-' + m;
        b.onclick = async () => {
          const c = await call('/reservation/confirm', { code: code, method: m });
          box.textContent = c.status === 200 ? 'Paid · ' + c.json.admitted + ' admitted' : (c.json.detail || 'Refused');
          box.setAttribute('data-paid', c.status === 200 ? 'true' : 'false');
        };
        box.appendChild(b);
      });
    } catch (e) { box.textContent = 'Payments need a connection.'; }
  };
  $('forget').onclick = () => { ['token', 'kit', 'used', 'gate'].forEach(store.del); location.reload(); };
  $('camera-button').onclick = () => window.checkinCamera && window.checkinCamera($('camera'), (text) => scan(text, document.querySelector('input[name=direction]:checked').value));
  start();
})();
