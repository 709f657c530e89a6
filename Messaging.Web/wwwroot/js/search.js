// Search (issue 5): keeps the search box and the filter controls in step, and highlights the message a
// search result opened (thread URL ending in #m-{id}).
(function () {
  'use strict';

  function escapeRegex(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
  function operator(key) { return new RegExp('(^|\\s)' + key + ':("[^"]*"|\\S*)', 'gi'); }
  function flag(token) { return new RegExp('(^|\\s)' + escapeRegex(token) + '(?=\\s|$)', 'gi'); }
  function tidy(text) { return text.replace(/\s+/g, ' ').trim(); }
  function quote(v) { return /\s/.test(v) ? '"' + v.replace(/"/g, '') + '"' : v; }

  function valueOf(text, key) {
    var m = operator(key).exec(text);
    return m ? m[2].replace(/^"|"$/g, '') : '';
  }

  // A control changed: rewrite its operator in the box (before htmx sends the form on "change").
  function controlToBox(form, control) {
    var box = form.querySelector('[data-search-box]');
    if (!box) return;
    var text = box.value;
    if (control.hasAttribute('data-flag')) {
      var token = control.getAttribute('data-flag');
      text = text.replace(flag(token), ' ');
      if (control.checked) text += ' ' + token;
    } else {
      var key = control.getAttribute('data-op');
      text = text.replace(operator(key), ' ');
      if (control.value.trim()) text += ' ' + key + ':' + quote(control.value.trim());
    }
    box.value = tidy(text);
  }

  // The box changed: fill the controls from its operators (so the form never contradicts the box).
  function boxToControls(form, box) {
    form.querySelectorAll('[data-op]').forEach(function (c) { c.value = valueOf(box.value, c.getAttribute('data-op')); });
    form.querySelectorAll('[data-flag]').forEach(function (c) { c.checked = flag(c.getAttribute('data-flag')).test(box.value); });
  }

  document.addEventListener('input', function (e) {
    var form = e.target.closest && e.target.closest('[data-search-form]');
    if (!form) return;
    if (e.target.hasAttribute('data-search-box')) boxToControls(form, e.target);
    else if (e.target.hasAttribute('data-op') || e.target.hasAttribute('data-flag')) controlToBox(form, e.target);
  });

  function markHit() {
    var id = window.location.hash.slice(1);
    if (!/^m-\d+$/.test(id)) return;
    var hit = document.getElementById(id);
    if (!hit) return;
    hit.classList.add('is-search-hit');
    hit.scrollIntoView({ block: 'center' });
  }

  // Runs after site.js has scrolled the thread to its end (scripts are deferred in order).
  document.addEventListener('DOMContentLoaded', markHit);
})();
