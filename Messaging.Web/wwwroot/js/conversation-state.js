// Issue 8 in the browser: typing notices (sent and shown), and local times for scheduling.
// Everything here is an extra: without it, pages and forms still work (times are then read as UTC).
(function () {
  'use strict';

  var TYPING_EVERY_MS = 3000; // at most one typing post per 3 s (the server refuses more)
  var TYPING_SHOWN_MS = 5000; // the indicator goes 5 s after the last notice

  // --- Typing: tell the others, at most once every 3 s while the member types in a compose form.
  var lastTypingPost = 0;
  document.addEventListener('input', function (e) {
    var t = e.target;
    if (!t || t.tagName !== 'TEXTAREA' || !t.form || !t.form.classList.contains('compose') || !t.value.trim()) return;
    var indicator = document.getElementById('typing-indicator');
    if (!indicator) return;
    var now = Date.now();
    if (now - lastTypingPost < TYPING_EVERY_MS) return;
    lastTypingPost = now;
    var url = indicator.getAttribute('data-typing-url') + (t.form.classList.contains('compose-note') ? '?note=true' : '');
    var token = t.form.querySelector('input[name="__RequestVerificationToken"]');
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'RequestVerificationToken': token ? token.value : '' }
    }).catch(function () { /* typing is best effort */ });
  });

  // --- Typing: show who is typing. The SSE extension hands the event to #typing-indicator (sse-swap);
  // we render it ourselves, as text, and cancel the swap.
  var typists = {};
  function renderTypists(indicator) {
    var names = Object.keys(typists).map(function (k) { return typists[k].name; });
    if (!names.length) {
      indicator.hidden = true;
      indicator.textContent = '';
      return;
    }
    indicator.textContent = names.length === 1
      ? names[0] + ' is typing…'
      : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1] + ' are typing…';
    indicator.hidden = false;
  }
  document.addEventListener('htmx:sseBeforeMessage', function (evt) {
    var indicator = evt.target;
    if (!indicator || indicator.id !== 'typing-indicator') return;
    evt.preventDefault();
    var data;
    try { data = JSON.parse(evt.detail.data); } catch (err) { return; }
    var id = String(data.memberId);
    if (typists[id]) clearTimeout(typists[id].timer);
    typists[id] = {
      name: String(data.name || 'Someone'),
      timer: setTimeout(function () { delete typists[id]; renderTypists(indicator); }, TYPING_SHOWN_MS)
    };
    renderTypists(indicator);
  });

  // --- Scheduling: datetime-local has no zone. Send the browser's offset for the chosen time, and
  // show stored (UTC) times of the edit forms in local time.
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function localValue(d) {
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }
  function setOffset(input) {
    var hidden = input.form && input.form.querySelector('input[data-tz-offset]');
    if (!hidden) return;
    var d = input.value ? new Date(input.value) : new Date();
    hidden.value = String(isNaN(d) ? new Date().getTimezoneOffset() : d.getTimezoneOffset());
  }
  function prepareTimes(root) {
    if (!root || !root.querySelectorAll) return;
    root.querySelectorAll('input[type=datetime-local]').forEach(function (input) {
      if (input.dataset.prepared) return;
      input.dataset.prepared = '1';
      if (input.dataset.utc === 'true' && input.value) {
        var d = new Date(input.value + 'Z');
        if (!isNaN(d)) input.value = localValue(d);
      }
      setOffset(input);
      input.addEventListener('input', function () { setOffset(input); });
      input.addEventListener('change', function () { setOffset(input); });
    });
    root.querySelectorAll('[data-zone-label]').forEach(function (label) { label.textContent = '(your local time)'; });
  }
  document.addEventListener('DOMContentLoaded', function () { prepareTimes(document); });
  document.addEventListener('htmx:load', function (evt) { prepareTimes(evt.detail.elt); });

  // Enter in the reply form's time field schedules (instead of sending now).
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.key === 'Enter' && t && t.type === 'datetime-local' && t.form && t.form.classList.contains('compose')) {
      e.preventDefault();
      var button = t.form.querySelector('[data-testid="schedule-send"]');
      if (button) button.click();
    }
  });
})();
