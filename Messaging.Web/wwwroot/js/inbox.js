// Staff inbox (issue 9): live assignment notices, the saved-reply picker, and "X is viewing / replying".
(function () {
  'use strict';

  // --- Assignment notices: an "assigned" event carries ids only; ask the server whether it concerns me.
  document.addEventListener('htmx:sseBeforeMessage', function (evt) {
    var box = evt.target;
    if (!box || box.id !== 'assign-notices') return;
    evt.preventDefault();
    var data;
    try { data = JSON.parse(evt.detail.data); } catch (err) { return; }
    if (!data || data.kind !== 'assigned' || !data.messageId || !window.htmx) return;
    window.htmx.ajax('GET', '/staff/inbox?handler=Notice&messageId=' + encodeURIComponent(data.messageId),
      { target: box, swap: 'beforeend' });
  });
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-dismiss-notice]');
    if (button) button.closest('.assign-notice').remove();
  });
})();

// --- Saved replies: a picker under the staff reply box. Ctrl+/ in the box (or the button) opens it; type to
// filter, arrows to move, Enter to insert at the cursor, Escape to go back. Variables arrive filled in by the server.
(function () {
  'use strict';

  function picker() { return document.querySelector('[data-testid="saved-reply-picker"]'); }
  function panelOf(p) { return p.querySelector('.reply-picker-panel'); }
  function target(p) { return document.getElementById(p.getAttribute('data-target')); }
  function options(p) {
    return Array.prototype.filter.call(p.querySelectorAll('[data-testid="saved-reply-option"]'), function (o) { return !o.hidden; });
  }
  function select(p, option) {
    Array.prototype.forEach.call(p.querySelectorAll('[data-testid="saved-reply-option"]'), function (o) {
      o.setAttribute('aria-selected', o === option ? 'true' : 'false');
    });
    if (option) option.scrollIntoView({ block: 'nearest' });
  }
  function selected(p) { return p.querySelector('[data-testid="saved-reply-option"][aria-selected="true"]'); }

  function close(p, focusBox) {
    panelOf(p).hidden = true;
    p.querySelector('[data-open-replies]').setAttribute('aria-expanded', 'false');
    var box = target(p);
    if (focusBox && box) box.focus();
  }

  function open(p) {
    var panel = panelOf(p);
    panel.hidden = false;
    p.querySelector('[data-open-replies]').setAttribute('aria-expanded', 'true');
    var filter = panel.querySelector('input[type="search"]');
    filter.value = '';
    var results = panel.querySelector('.reply-picker-results');
    var ready = results.getAttribute('data-loaded') === 'true'
      ? Promise.resolve()
      : fetch(p.getAttribute('data-replies-url'), { credentials: 'same-origin', headers: { 'HX-Request': 'true' } })
          .then(function (r) { return r.ok ? r.text() : ''; })
          .then(function (html) { results.innerHTML = html; results.setAttribute('data-loaded', 'true'); });
    ready.then(function () {
      applyFilter(p, '');
      filter.focus();
    });
  }

  function applyFilter(p, text) {
    var needle = text.trim().toLowerCase();
    Array.prototype.forEach.call(p.querySelectorAll('[data-testid="saved-reply-option"]'), function (o) {
      o.hidden = needle !== '' && o.textContent.toLowerCase().indexOf(needle) < 0;
    });
    select(p, options(p)[0] || null);
  }

  function insert(p, option) {
    var box = target(p);
    if (!box || !option) return;
    var text = option.getAttribute('data-body') || '';
    var start = box.selectionStart != null ? box.selectionStart : box.value.length;
    var end = box.selectionEnd != null ? box.selectionEnd : box.value.length;
    box.value = box.value.slice(0, start) + text + box.value.slice(end);
    box.selectionStart = box.selectionEnd = start + text.length;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    close(p, true);
  }

  document.addEventListener('click', function (e) {
    var p = picker();
    if (!p || !e.target.closest) return;
    if (e.target.closest('[data-open-replies]')) {
      if (panelOf(p).hidden) open(p); else close(p, true);
      return;
    }
    var option = e.target.closest('[data-testid="saved-reply-option"]');
    if (option && p.contains(option)) insert(p, option);
  });

  document.addEventListener('input', function (e) {
    var p = picker();
    if (p && e.target.id === 'reply-picker-filter') applyFilter(p, e.target.value);
  });

  document.addEventListener('keydown', function (e) {
    var p = picker();
    if (!p) return;
    var box = target(p);
    if (e.target === box && (e.ctrlKey || e.metaKey) && e.key === '/') {
      e.preventDefault();
      open(p);
      return;
    }
    if (e.target.id !== 'reply-picker-filter') return;
    var list = options(p);
    var index = list.indexOf(selected(p));
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      var next = e.key === 'ArrowDown' ? Math.min(index + 1, list.length - 1) : Math.max(index - 1, 0);
      select(p, list[next] || null);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      insert(p, selected(p));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(p, true);
    }
  });
})();

// --- Collision warning (staff threads only): say "I am viewing" every 10 s while the tab is visible and
// "I am replying" while typing in the reply box; show the other staff's notices for 25 s after the last one.
(function () {
  'use strict';

  var VIEWING_EVERY_MS = 10000;
  var REPLYING_EVERY_MS = 3000;
  var SHOWN_MS = 25000;
  var lastReplying = 0;
  var others = {};

  function warning() { return document.getElementById('collision-warning'); }

  function post(state) {
    var box = warning();
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    if (!box || !token) return;
    var body = new URLSearchParams();
    body.set('state', state);
    fetch(box.getAttribute('data-working-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'RequestVerificationToken': token.value },
      body: body
    }).catch(function () { /* best effort */ });
  }

  function render(box) {
    var parts = Object.keys(others).map(function (k) {
      return others[k].name + (others[k].state === 'replying' ? ' is replying' : ' is viewing');
    });
    box.textContent = parts.join(' · ');
    box.hidden = parts.length === 0;
  }

  setInterval(function () {
    if (warning() && document.visibilityState === 'visible') post('viewing');
  }, VIEWING_EVERY_MS);
  document.addEventListener('htmx:sseOpen', function () { if (warning()) post('viewing'); });
  document.addEventListener('DOMContentLoaded', function () { if (warning()) post('viewing'); });
  // A boosted navigation brings a new thread: forget the last one's people and say we are here.
  document.addEventListener('htmx:load', function (e) {
    if (e.detail && e.detail.elt && e.detail.elt.querySelector && e.detail.elt.querySelector('#collision-warning')) {
      others = {};
      post('viewing');
    }
  });

  document.addEventListener('input', function (e) {
    if (!warning() || !e.target || e.target.id !== 'reply-body' || !e.target.value.trim()) return;
    var now = Date.now();
    if (now - lastReplying < REPLYING_EVERY_MS) return;
    lastReplying = now;
    post('replying');
  });

  document.addEventListener('htmx:sseBeforeMessage', function (evt) {
    var box = evt.target;
    if (!box || box.id !== 'collision-warning') return;
    evt.preventDefault();
    var data;
    try { data = JSON.parse(evt.detail.data); } catch (err) { return; }
    var id = String(data.memberId);
    var entry = others[id];
    if (entry) clearTimeout(entry.timer);
    // "replying" holds until it lapses; a "viewing" ping from the same person does not downgrade it at once.
    var state = entry && entry.state === 'replying' && data.state === 'viewing' && Date.now() - entry.at < REPLYING_EVERY_MS * 3
      ? 'replying' : String(data.state);
    others[id] = {
      name: String(data.name || 'Someone'),
      state: state,
      at: state === 'replying' && data.state === 'replying' ? Date.now() : (entry ? entry.at : 0),
      timer: setTimeout(function () { delete others[id]; render(box); }, SHOWN_MS)
    };
    render(box);
  });
})();
