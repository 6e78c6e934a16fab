// Fleksi check-in: show the distance to the nearest office, send the press, and while offline keep it in a
// queue in this browser (localStorage, so it survives a reload and a closed tab) that drains when the connection
// returns; the server takes each press once by its clientRequestId. The server judges everything; the distance here
// is only a hint. A queued press carries its capture time; a fresh one lets the server's clock decide. Without a fix
// (location denied or not found) the page says how to allow it, and on a day that may be worked anywhere the button
// checks in without one (flagged for review); on an office day it stays off. The service worker (sw.js) keeps this
// page for a reload without signal.
(function () {
  'use strict';
  var box = document.getElementById('check-in');
  if (!box) { return; }
  var button = document.getElementById('check-in-button');
  var distanceText = document.getElementById('distance');
  var resultText = document.getElementById('result');
  var queueText = document.getElementById('queue');
  var endpoint = box.dataset.endpoint;
  var queueKey = 'fleksi.queue.' + box.dataset.user;
  var texts = {};
  document.getElementById('texts').content.querySelectorAll('[data-key]').forEach(function (el) {
    texts[el.dataset.key] = el.textContent;
  });
  var offices = Array.prototype.map.call(document.querySelectorAll('#offices li'), function (li) {
    return { name: li.textContent, lat: +li.dataset.lat, lon: +li.dataset.lon, radius: +li.dataset.radius };
  });
  var kind = box.dataset.next;
  var fix = null;
  var draining = false;
  var noFixAllowed = box.dataset.noFix === 'true';
  var withoutFix = false;   // the button sends a press without a fix
  var noFixText = document.getElementById('no-fix');
  var help = document.getElementById('location-help');

  function say(template, values) {
    return template.replace(/\{(\d)\}/g, function (m, i) { return values[i]; });
  }

  // As the server's pages say a distance (id.fleksi.platform.wording.Distance): "350 m", "127,8 km".
  function distance(m) {
    var lang = document.documentElement.lang || 'id';
    var rounded = Math.round(m);
    return rounded >= 1000
      ? new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(m / 1000) + ' km'
      : new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(rounded) + ' m';
  }

  function metres(a, b) {
    var r = 6371008.8, rad = Math.PI / 180;
    var dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * r * Math.asin(Math.sqrt(h));
  }

  function deviceId() {
    var id = localStorage.getItem('fleksi.device');
    if (!id) {
      id = newId();
      localStorage.setItem('fleksi.device', id);
    }
    return id;
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'x' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function queue() { return JSON.parse(localStorage.getItem(queueKey) || '[]'); }
  function saveQueue(items) { localStorage.setItem(queueKey, JSON.stringify(items)); showQueue(); }
  function showQueue() {
    var n = queue().length;
    queueText.textContent = n ? say(texts.queued, [n]) : texts.queueEmpty;
    queueText.dataset.count = n;
  }

  function label() {
    button.textContent = withoutFix ? (kind === 'IN' ? texts.buttonNoFixIn : texts.buttonNoFixOut)
      : (kind === 'IN' ? texts.buttonIn : texts.buttonOut);
  }

  // No fix: say why and how to allow it; offer a press without one only where the day allows it.
  function unlocated(error) {
    if (fix && error.code !== 1) { return; }   // a late or lost reading keeps the last fix; a denial does not
    fix = null;
    distanceText.textContent = error.code === 1 ? texts.denied : texts.unavailable;
    delete distanceText.dataset.metres;
    help.hidden = false;
    noFixText.hidden = false;
    noFixText.textContent = noFixAllowed ? texts.noFixAnywhere : texts.noFixOffice;
    withoutFix = noFixAllowed;
    button.disabled = !noFixAllowed;
    label();
  }

  function located(position) {
    fix = { lat: position.coords.latitude, lon: position.coords.longitude, accuracy: position.coords.accuracy };
    withoutFix = false;
    help.hidden = true;
    noFixText.hidden = true;
    button.disabled = false;
    label();
    if (!offices.length) { distanceText.textContent = texts.noOffice; return; }
    var nearest = offices.map(function (o) { return { o: o, d: metres(fix, o) }; })
      .sort(function (a, b) { return a.d - b.d; })[0];
    distanceText.textContent = say(texts.distance, [distance(nearest.d), nearest.o.name, distance(fix.accuracy)]);
    distanceText.dataset.metres = Math.round(nearest.d);
  }

  function send(item) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[box.dataset.csrfHeader] = box.dataset.csrf;
    return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify(item), credentials: 'same-origin',
      redirect: 'manual' });
  }

  // Answers: 2xx recorded (or already recorded: the same id), 4xx refused for good (say why), anything else
  // or no answer at all: keep it queued.
  function settle(item, response) {
    var type = response.headers.get('Content-Type') || '';
    if (response.type === 'opaqueredirect' || type.indexOf('json') < 0) {
      resultText.textContent = texts.login;
      return Promise.resolve(false);
    }
    return response.json().then(function (body) {
      if (response.ok) {
        resultText.textContent = say(texts.recorded, [body.kind === 'IN' ? texts.kindIn : texts.kindOut,
          new Date(body.capturedAt).toLocaleTimeString(document.documentElement.lang || 'id',
            { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: box.dataset.zone }), body.workMode]);
        resultText.className = 'notice';
        document.getElementById(body.kind === 'IN' ? 'status-in' : 'status-out').textContent = resultText.textContent;
        if (body.kind === 'IN') { kind = 'OUT'; label(); }
        return true;
      }
      if (response.status >= 400 && response.status < 500) {
        resultText.textContent = say(texts.refused, [body.detail || body.title]);
        resultText.className = 'error';
        return true;
      }
      return false;
    });
  }

  // Sends the queue, oldest first, while the phone says it is online (offline it waits for the 'online' event).
  function drain() {
    if (draining || !navigator.onLine) { return Promise.resolve(); }
    var items = queue();
    if (!items.length) { return Promise.resolve(); }
    draining = true;
    var item = items[0];
    return send(item).then(function (response) { return settle(item, response); }, function () { return false; })
      .then(function (done) {
        draining = false;
        if (done) {
          saveQueue(queue().filter(function (q) { return q.clientRequestId !== item.clientRequestId; }));
          return drain();
        }
      });
  }

  button.addEventListener('click', function () {
    if (!fix && !withoutFix) { return; }
    var item = fix ? { kind: kind, latitude: fix.lat, longitude: fix.lon, accuracy: fix.accuracy, clientRequestId: newId(),
      deviceId: deviceId() } : { kind: kind, clientRequestId: newId(), deviceId: deviceId() };
    var pressedAt = new Date().toISOString();
    button.disabled = true;
    var first = navigator.onLine ? send(item).then(function (response) { return settle(item, response); },
      function () { return false; }) : Promise.resolve(false);
    first.then(function (done) {
      if (!done) {
        item.capturedAt = pressedAt;
        var items = queue();
        items.push(item);
        saveQueue(items);
        if (kind === 'IN') { kind = 'OUT'; label(); }
      }
      button.disabled = false;
    });
  });

  // A check-in queued before a reload: the next press is the check-out.
  if (kind === 'IN' && queue().some(function (q) { return q.kind === 'IN'; })) { kind = 'OUT'; label(); }
  // The service worker marks the copy it serves without signal.
  if (document.documentElement.hasAttribute('data-offline-copy')) {
    document.getElementById('offline-copy').hidden = false;
  }
  if (navigator.geolocation) {
    navigator.geolocation.watchPosition(located, unlocated, { enableHighAccuracy: true, maximumAge: 10000, timeout: 20000 });
  } else {
    unlocated({ code: 2 });
  }
  if ('serviceWorker' in navigator && box.dataset.worker) {
    navigator.serviceWorker.register(box.dataset.worker, { scope: box.dataset.scope }).catch(function () { /* pages work without */ });
  }
  window.addEventListener('online', drain);
  setInterval(drain, 15000);
  showQueue();
  drain();
}());
