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
