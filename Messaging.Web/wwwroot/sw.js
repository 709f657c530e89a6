// The portal's service worker: makes the app installable, keeps the static files, and keeps a copy of the
// conversation lists and threads the member opened recently so they stay readable offline (site.js shows the
// offline banner over them). Only those pages are touched; every other request goes to the network as if this file
// did not exist. The copies are deleted on sign-out (site.js posts "clear") and on the sign-in page.
'use strict';

var STATIC = 'portal-static-v1';
var PAGES = 'portal-pages-v1';
var MAX_PAGES = 40;
var OFFLINE = '/offline.html';
var READABLE = /^\/(portal|staff)\/messages(\/\d+)?\/?$/;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(STATIC).then(function (cache) { return cache.addAll([OFFLINE, '/css/site.css']); }));
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== STATIC && k !== PAGES; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('message', function (event) {
  if (event.data === 'clear') event.waitUntil(caches.delete(PAGES));
});

function trim(cache) {
  return cache.keys().then(function (keys) {
    return Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map(function (k) { return cache.delete(k); }));
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  // Whole pages: a navigation, or htmx's boosted link (the same page, swapped in without a reload).
  var boosted = request.headers.get('HX-Boosted') === 'true';
  if (request.mode === 'navigate' || boosted) {
    if (url.pathname === '/account/login') {
      event.waitUntil(caches.delete(PAGES));
      return;
    }
    if (!READABLE.test(url.pathname) || (request.headers.get('HX-Request') && !boosted)) return;
    // Network first: the copy is only for when the network is gone.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !response.redirected && (response.headers.get('Content-Type') || '').indexOf('text/html') === 0) {
        var copy = response.clone();
        event.waitUntil(caches.open(PAGES).then(function (cache) {
          return cache.delete(request.url, { ignoreVary: true }).then(function () { return cache.put(request.url, copy); }).then(function () { return trim(cache); });
        }));
      }
      return response;
    }).catch(function () {
      return caches.open(PAGES).then(function (cache) { return cache.match(request.url, { ignoreVary: true }); })
        .then(function (hit) { return hit || caches.match(OFFLINE); });
    }));
    return;
  }

  // Static files (versioned by asp-append-version): the network when it answers, the last copy when it does not.
  if (/^\/(css|js|lib|icons)\//.test(url.pathname)) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        event.waitUntil(caches.open(STATIC).then(function (cache) { return cache.put(request, copy); }));
      }
      return response;
    }).catch(function () {
      return caches.match(request, { ignoreSearch: true }).then(function (hit) { return hit || Response.error(); });
    }));
  }
});
