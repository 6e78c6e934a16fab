// Fleksi's service worker for one tenant's pages (scope /t/{code}/), served with its settings first (const FLEKSI:
// shell pages, static files by their hashed names, the offline note). Without signal it serves the attendance page and
// the daily report page as last seen, marked as a copy (data-offline-copy on <html>, which checkin.js tells the person);
// any other page gets a short note in Indonesian with the way to the attendance page. Static files are kept by their
// hashed names, which never change content. Presses are not its business: checkin.js keeps them in localStorage and
// sends each once (the server takes a clientRequestId once).
'use strict';

var CACHE = 'fleksi-' + FLEKSI.version;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // The static files must all be there; a shell page is kept when it can be fetched (the person is logged in).
    return cache.addAll(FLEKSI.assets).then(function () {
      return Promise.all(FLEKSI.shell.map(function (url) {
        return fetch(url, { credentials: 'same-origin' }).then(function (response) {
          return keepable(response, url) ? cache.put(url, response) : null;
        }, function () { return null; });
      }));
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf('fleksi-') === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

// A page worth keeping: itself, whole, not a login page reached by a redirect.
function keepable(response, url) {
  return response.ok && !response.redirected && response.type === 'basic'
    && new URL(response.url).pathname === new URL(url, self.location).pathname;
}

// The shell page a URL is, with or without its trailing slash and query; null when it is none.
function shellOf(url) {
  var path = url.pathname.replace(/\/?$/, '/');
  for (var i = 0; i < FLEKSI.shell.length; i++) {
    if (FLEKSI.shell[i] === path) { return FLEKSI.shell[i]; }
  }
  return null;
}

function offlineCopy(response) {
  return response.text().then(function (html) {
    return new Response(html.replace(/<html\b/i, '<html data-offline-copy=""'),
      { status: 200, headers: { 'Content-Type': 'text/html;charset=UTF-8' } });
  });
}

function offlineNote() {
  return new Response(FLEKSI.note, { status: 503, headers: { 'Content-Type': 'text/html;charset=UTF-8' } });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === 'navigate') {
    var shell = request.method === 'GET' ? shellOf(url) : null;
    event.respondWith(fetch(request).then(function (response) {
      if (shell && keepable(response, shell) && !url.search) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(shell, copy); });
      } else if (shell && (response.type === 'opaqueredirect' || response.redirected)) {
        // The session ended (sent to log in): the copy of someone's page is not kept past it.
        caches.open(CACHE).then(function (cache) { return cache.delete(shell); });
      }
      return response;
    }, function () {
      if (!shell) { return offlineNote(); }
      return caches.open(CACHE).then(function (cache) { return cache.match(shell); }).then(function (kept) {
        return kept ? offlineCopy(kept) : offlineNote();
      });
    }));
    return;
  }
  if (request.method === 'GET' && FLEKSI.hashed.test(url.pathname)) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (kept) {
        return kept || fetch(request).then(function (response) {
          if (response.ok) { cache.put(request, response.clone()); }
          return response;
        });
      });
    }));
  }
});
