// The portal as an app: the theme in use on <html data-theme>, the offline banner, and the service worker
// (installable app, recently opened conversations readable offline; see /sw.js).
(function () {
  'use strict';

  var root = document.documentElement;
  var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function applyTheme() { root.setAttribute('data-theme', dark && dark.matches ? 'dark' : 'light'); }
  applyTheme();
  if (dark && dark.addEventListener) dark.addEventListener('change', applyTheme);

  // Offline: say so over whatever the page shows (a copy kept by the service worker, or the page as it was).
  function showConnection() {
    var banner = document.getElementById('offline-banner');
    if (banner) banner.hidden = navigator.onLine;
    document.body && document.body.setAttribute('data-online', navigator.onLine ? 'true' : 'false');
  }
  window.addEventListener('online', showConnection);
  window.addEventListener('offline', showConnection);
  document.addEventListener('DOMContentLoaded', showConnection);
  document.addEventListener('htmx:afterSettle', showConnection);

  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { /* the portal works without it */ });
  });

  // Signing out forgets the pages kept for offline reading on this device.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form && form.getAttribute('action') === '/account/logout' && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage('clear');
    }
  }, true);
})();
