// The offline outbox: a reply or note written while the browser is offline is kept in IndexedDB (database
// "portal-outbox") with the idempotency key its form carried, and sent when the connection returns, on this page or
// on any page of the portal opened later (a reload, a browser restart). The server stores a key once, so a message
// sent twice (two tabs, a response lost on the way back) is still one message. The queue is shown in #outbox-queue
// on every page, each entry with a Cancel button. Messages with files are not queued (the form keeps them and says
// "Not sent — retry", compose.js). A message the server refuses (no longer allowed, too long) stays in the queue
// with the reason, until cancelled.
(function () {
  'use strict';

  if (!window.indexedDB) return;
  var DB = 'portal-outbox';
  var STORE = 'messages';
  var flushing = false;

  function open() {
    return new Promise(function (resolve, reject) {
      var request = window.indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: 'key' }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && result.result !== undefined ? result.result : undefined); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function all() {
    return run('readonly', function (store) { return store.getAll(); }).then(function (items) {
      return (items || []).sort(function (a, b) { return a.queuedAt - b.queuedAt; });
    });
  }

  function put(item) { return run('readwrite', function (store) { store.put(item); }); }

  function remove(key) { return run('readwrite', function (store) { store.delete(key); }); }

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0;
      return (c === 'x' ? r : (r & 0x3 | 0x8)).toString(16);
    });
  }

  function isSendForm(form) { return form && form.matches && form.matches('form.compose:not(.compose-edit)'); }

  function hasFiles(form) {
    var input = form.querySelector('input[type=file]');
    return !!(input && input.files && input.files.length);
  }

  function token() {
    var input = document.querySelector('input[name=__RequestVerificationToken]');
    return input ? input.value : '';
  }

  // ---- The queue on the page --------------------------------------------------------------------
  function render() {
    var box = document.getElementById('outbox-queue');
    if (!box) return Promise.resolve();
    return all().then(function (items) {
      var list = box.querySelector('ul');
      list.textContent = '';
      items.forEach(function (item) {
        var li = document.createElement('li');
        li.setAttribute('data-testid', 'outbox-item');
        li.setAttribute('data-key', item.key);
        var text = document.createElement('span');
        text.className = 'outbox-text';
        text.textContent = '“' + (item.body.length > 80 ? item.body.slice(0, 79) + '…' : item.body) + '”';
        var where = document.createElement('span');
        where.className = 'muted';
        where.textContent = item.error ? ' · Not sent: ' + item.error : ' · in ' + item.subject + (item.note ? ' (internal note)' : '');
        if (item.error) li.classList.add('is-refused');
        var cancel = document.createElement('button');
        cancel.type = 'button';
        cancel.className = 'linkbutton';
        cancel.setAttribute('data-outbox-cancel', item.key);
        cancel.setAttribute('data-testid', 'outbox-cancel');
        cancel.textContent = 'Cancel';
        cancel.setAttribute('aria-label', 'Cancel sending “' + (item.body.length > 40 ? item.body.slice(0, 39) + '…' : item.body) + '”');
        li.appendChild(text);
        li.appendChild(where);
        li.appendChild(document.createTextNode(' '));
        li.appendChild(cancel);
        list.appendChild(li);
      });
      box.hidden = items.length === 0;
      box.setAttribute('data-count', String(items.length));
    });
  }

  // ---- Queueing: a send form submitted while offline ----------------------------------------------
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (navigator.onLine || !isSendForm(form) || hasFiles(form)) return;
    if (e.submitter && e.submitter.hasAttribute('formaction')) return; // "Schedule": not a send
    var textarea = form.querySelector('textarea');
    var body = textarea ? textarea.value.trim() : '';
    if (!body) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    var keyInput = form.querySelector('[name="Input.IdempotencyKey"]');
    var fields = [];
    var heading = document.querySelector('.thread-head h1');
    var item = {
      // A new message gets a new key: the form's may be that of a message already sent (a page kept for offline
      // reading carries the key it was served with). Only a send already tried and lost keeps its key.
      key: keyInput && form.hasAttribute('data-unsent') ? keyInput.value : uuid(),
      url: form.getAttribute('hx-post') || form.getAttribute('action'),
      fields: fields,
      body: body,
      subject: heading ? heading.textContent.trim() : document.title,
      note: form.classList.contains('compose-note'),
      token: token(),
      queuedAt: Date.now(),
    };
    new FormData(form).forEach(function (value, name) {
      if (typeof value !== 'string' || name === '__RequestVerificationToken') return;
      fields.push([name, name === 'Input.IdempotencyKey' ? item.key : value]);
    });
    put(item).then(function () {
      // The form is ready for the next message: empty, a new key, no draft, no reply target.
      textarea.value = '';
      if (keyInput) keyInput.value = uuid();
      form.removeAttribute('data-unsent');
      var status = form.querySelector('[data-send-status]');
      if (status) status.hidden = true;
      try { window.localStorage.removeItem('draft:' + window.location.pathname + ':' + textarea.id); } catch (err) { /* ignore */ }
      var cancelReply = form.querySelector('[data-reply-cancel]');
      if (cancelReply) cancelReply.click();
      return render();
    });
  }, true);

  // ---- Sending: when the connection returns, and on every page load while online -------------------
  function send(item) {
    var params = new URLSearchParams();
    item.fields.forEach(function (f) { params.append(f[0], f[1]); });
    var fresh = token() || item.token;
    params.append('__RequestVerificationToken', fresh);
    return fetch(item.url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'HX-Request': 'true', 'RequestVerificationToken': fresh, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
      redirect: 'manual',
    });
  }

  function reasonOf(response) {
    return response.text().then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var error = doc.querySelector('[role=alert]:not(:empty), .field-error:not(:empty)');
      return error ? error.textContent.trim() : 'the portal refused it (' + response.status + ').';
    }).catch(function () { return 'the portal refused it (' + response.status + ').'; });
  }

  function flush() {
    if (flushing || !navigator.onLine) return Promise.resolve();
    flushing = true;
    var sent = 0;
    var step = function (items) {
      var item = items.shift();
      if (!item) return Promise.resolve();
      if (item.error) return step(items);
      return send(item).then(function (response) {
        if (response.type === 'opaqueredirect') return undefined; // signed out meanwhile: wait for the next sign-in
        if (response.ok) {
          sent++;
          return remove(item.key).then(function () { return step(items); });
        }
        if (response.status === 429 || response.status >= 500) return undefined; // try again later, in order
        return reasonOf(response).then(function (reason) {
          item.error = reason;
          return put(item).then(function () { return step(items); });
        });
      });
    };
    var work = function () { return all().then(step); };
    var locked = navigator.locks && navigator.locks.request ? navigator.locks.request('portal-outbox', work) : work();
    return locked.catch(function () { /* offline again: the rest waits */ }).then(function () {
      flushing = false;
      if (sent && window.htmx) window.htmx.trigger(document.body, 'messages-changed');
      return render();
    });
  }

  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest ? e.target.closest('[data-outbox-cancel]') : null;
    if (!button) return;
    remove(button.getAttribute('data-outbox-cancel')).then(render);
  });

  window.addEventListener('online', flush);
  document.addEventListener('DOMContentLoaded', function () { render().then(flush); });

  // Signing out forgets what this device had queued.
  document.addEventListener('submit', function (e) {
    if (e.target && e.target.getAttribute('action') === '/account/logout') window.indexedDB.deleteDatabase(DB);
  }, true);
})();
