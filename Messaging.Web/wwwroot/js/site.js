// Small behaviours on top of htmx. No framework; everything works without this file, just less live.
(function () {
  'use strict';

  // Remember the stream's cursor (the SSE id of its last event: an event id, or "high-pending-ids" sent on the
  // "cursor", "ready" and "heartbeat" events), so a stream the htmx SSE extension has to re-create (after the
  // server closed it) resumes where it stopped instead of from the page's start: the server replays from it.
  // The browser's own reconnect sends the same value as Last-Event-ID.
  var lastEventId = null;
  function withLastEventId(url) {
    if (!lastEventId) return url;
    var u = new URL(url, window.location.origin);
    u.searchParams.set('lastEventId', lastEventId);
    return u.pathname + u.search;
  }

  // Deferred scripts run in order, so htmx and its SSE extension are loaded here and the first
  // stream has not been opened yet.
  if (window.htmx) {
    window.htmx.createEventSource = function (url) {
      var source = new EventSource(withLastEventId(url), { withCredentials: true });
      var remember = function (e) { if (e.lastEventId) lastEventId = e.lastEventId; };
      ['message', 'cursor', 'ready', 'heartbeat', 'reload'].forEach(function (name) { source.addEventListener(name, remember); });
      // More was missed than is worth refetching event by event: load the page again (drafts are kept in localStorage).
      source.addEventListener('reload', function () { window.location.reload(); });
      return source;
    };
  }

  // Whether the live stream is connected, for styling and for tests: body[data-live=open|reconnecting].
  document.addEventListener('htmx:sseOpen', function () { document.body.setAttribute('data-live', 'open'); });
  document.addEventListener('htmx:sseError', function () { document.body.setAttribute('data-live', 'reconnecting'); });

  // The live "newer messages" request asks for what comes after the newest message on the page.
  document.addEventListener('htmx:configRequest', function (evt) {
    var elt = evt.detail.elt;
    if (elt && elt.id === 'thread-tail') {
      var ids = Array.prototype.map.call(
        document.querySelectorAll('#messages [data-message-id]'),
        function (m) { return parseInt(m.getAttribute('data-message-id'), 10); });
      evt.detail.parameters.after = ids.length ? Math.max.apply(null, ids) : 0;
      elt.setAttribute('data-after', evt.detail.parameters.after);
    }
  });

  // Screen readers hear each message that arrives live from someone else ("New message from Sam: ..."), through
  // the polite live region under the thread; messages already on the page when it loaded are not read out.
  document.addEventListener('htmx:afterSettle', function (evt) {
    var elt = evt.detail.elt;
    var announcer = document.getElementById('message-announcer');
    if (!elt || elt.id !== 'thread-tail' || !announcer) return;
    var after = parseInt(elt.getAttribute('data-after') || '0', 10);
    var lines = [];
    document.querySelectorAll('#messages [data-testid=message][data-message-id]').forEach(function (m) {
      if (parseInt(m.getAttribute('data-message-id'), 10) <= after || m.classList.contains('is-mine')) return;
      var author = m.querySelector('.msg-author');
      var body = m.querySelector('.msg-body');
      var text = body ? body.textContent.replace(/\s+/g, ' ').trim() : '';
      lines.push('New message from ' + (author ? author.textContent.trim() : 'someone') + ': ' + (text.length > 140 ? text.slice(0, 140) + '…' : text));
    });
    if (lines.length) announcer.textContent = lines.join(' ');
  });

  // Polling (an "every" trigger, which has no triggering event) skips while the tab is hidden.
  document.addEventListener('htmx:confirm', function (evt) {
    var elt = evt.detail.elt;
    if (!evt.detail.triggeringEvent && elt && elt.hasAttribute('data-poll-visible-only') && document.visibilityState !== 'visible') {
      evt.preventDefault();
    }
  });

  // A message shown in #flash (e.g. "too many requests") goes away when the user submits a form again.
  document.addEventListener('htmx:beforeRequest', function (evt) {
    var flash = document.getElementById('flash');
    if (flash && evt.detail.elt && evt.detail.elt.tagName === 'FORM') flash.innerHTML = '';
  });

  // Show times in the reader's own time zone.
  function localTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (t) {
      if (t.dataset.local) return;
      var d = new Date(t.getAttribute('datetime'));
      if (isNaN(d)) return;
      t.title = d.toString();
      var sameDay = d.toDateString() === new Date().toDateString();
      t.textContent = sameDay
        ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
        : d.toLocaleDateString([], { month: 'short', day: 'numeric' }) + ' ' + d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      t.dataset.local = '1';
    });
  }

  function afterSwap(root) {
    localTimes(root || document);
    // Two overlapping refreshes may both bring the same message: keep the first copy.
    var seen = {};
    document.querySelectorAll('#messages [data-message-id]').forEach(function (m) {
      var id = m.getAttribute('data-message-id');
      if (seen[id]) m.remove(); else seen[id] = true;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    afterSwap(document);
    var tail = document.getElementById('thread-tail');
    if (tail) tail.scrollIntoView({ block: 'end' });
  });
  document.addEventListener('htmx:afterSettle', function (evt) {
    afterSwap(evt.detail.elt);
    // A message opened from search keeps its place (search.js) rather than jumping to the end.
    if (evt.detail.elt && evt.detail.elt.id === 'thread-tail' && !document.querySelector('.is-search-hit')) {
      var tail = document.getElementById('thread-tail');
      if (tail) tail.scrollIntoView({ block: 'end', behavior: 'smooth' });
    }
  });

  // Enter sends, Shift+Enter adds a line (reply and note forms).
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && t.tagName === 'TEXTAREA' && t.form && t.form.classList.contains('compose')) {
      e.preventDefault();
      if (t.value.trim()) t.form.requestSubmit();
    }
  });
})();
