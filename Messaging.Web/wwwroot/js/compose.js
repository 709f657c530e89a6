// Composing and message actions on top of htmx: the emoji picker, @mention and #item autocomplete, reply-to,
// drafts kept across reloads, "not sent — retry" with an automatic retry when the connection returns,
// jumping to a quoted message, and refreshing a message another participant edited or deleted.
// No framework and no inline script (the CSP forbids it); the pages work without this file, just plainer.
(function () {
  'use strict';

  var EMOJI = ['😀', '😂', '😊', '😍', '🤔', '😅', '😢', '😮', '👍', '👎', '👏', '🙏', '🙌', '💪', '👀', '🎉',
    '🔥', '✅', '❌', '⚠️', '❤️', '💡', '📌', '📎', '📅', '⏰', '🚀', '✨', '☕', '🍀'];

  function closest(el, selector) { return el && el.closest ? el.closest(selector) : null; }

  /** The reply and note forms (drafts, retries): not the inline edit forms. */
  function isSendForm(form) { return form && form.matches && form.matches('form.compose:not(.compose-edit)'); }

  function insertAtCursor(textarea, text, from) {
    var start = from === undefined ? textarea.selectionStart : from;
    textarea.setRangeText(text, start, textarea.selectionEnd, 'end');
    textarea.focus();
    saveDraft(textarea.form);
  }

  // ---- Emoji picker -------------------------------------------------------------------------
  var picker = null;

  function closePicker() {
    if (!picker) return;
    picker.button.setAttribute('aria-expanded', 'false');
    picker.panel.remove();
    picker = null;
  }

  function openPicker(button) {
    closePicker();
    var form = closest(button, 'form');
    var panel = document.createElement('div');
    panel.className = 'emoji-panel';
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', 'Emoji');
    panel.setAttribute('data-testid', 'emoji-panel');
    EMOJI.forEach(function (e) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'emoji-choice';
      b.textContent = e;
      b.setAttribute('data-emoji', e);
      b.setAttribute('aria-label', 'Insert ' + e);
      panel.appendChild(b);
    });
    form.appendChild(panel);
    button.setAttribute('aria-expanded', 'true');
    picker = { button: button, panel: panel, textarea: form.querySelector('textarea') };
    panel.querySelector('button').focus();
  }

  // ---- @mention autocomplete ----------------------------------------------------------------
  var menu = null;

  function candidatesFor(form) {
    var holder = document.getElementById('mention-candidates');
    if (!holder) return [];
    var list;
    try { list = JSON.parse(holder.getAttribute('data-candidates') || '[]'); } catch (e) { return []; }
    var note = form.classList.contains('compose-note') || !!closest(form, 'article[data-note="true"]');
    return note ? list.filter(function (c) { return c.staff; }) : list;
  }

  /** The "@text" being typed just before the cursor, if any: an @ at the start of a word. */
  function mentionQuery(textarea) {
    var before = textarea.value.slice(0, textarea.selectionStart);
    var m = /(^|[\s([{"'])@([^\s@][^\n@]{0,40})?$/.exec(before);
    if (!m) return null;
    var text = m[2] || '';
    return { start: before.length - text.length - 1, text: text.toLowerCase() };
  }

  function matching(list, text) {
    return list.filter(function (c) {
      var name = c.name.toLowerCase();
      return name.indexOf(text) === 0 || name.split(' ').some(function (w) { return w.indexOf(text) === 0; });
    }).slice(0, 8);
  }

  function closeMenu() {
    if (!menu) return;
    menu.el.remove();
    menu.textarea.removeAttribute('aria-activedescendant');
    menu = null;
  }

  function highlight(index) {
    menu.index = index;
    Array.prototype.forEach.call(menu.el.children, function (li, i) {
      li.setAttribute('aria-selected', i === index ? 'true' : 'false');
      if (i === index) menu.textarea.setAttribute('aria-activedescendant', li.id);
    });
  }

  // ---- #item references: the project's checklist items and milestones (#D12, #M3) ----------
  function itemsFor() {
    var holder = document.getElementById('item-candidates');
    if (!holder) return [];
    try { return JSON.parse(holder.getAttribute('data-candidates') || '[]'); } catch (e) { return []; }
  }

  /** The "#text" being typed just before the cursor, if any: a # at the start of a word. */
  function itemQuery(textarea) {
    var before = textarea.value.slice(0, textarea.selectionStart);
    var m = /(^|[\s([{"'])#([^\s#][^\n#]{0,40})?$/.exec(before);
    if (!m) return null;
    var text = m[2] || '';
    return { start: before.length - text.length - 1, text: text.toLowerCase() };
  }

  function matchingItems(list, text) {
    return list.filter(function (c) {
      var title = c.title.toLowerCase();
      return text === '' || c.token.toLowerCase() === text || title.indexOf(text) === 0
        || title.split(' ').some(function (w) { return w.indexOf(text) === 0; });
    }).slice(0, 8);
  }

  function updateMenu(textarea) {
    var form = textarea.form;
    var kind = 'mention';
    var query = mentionQuery(textarea);
    var list = query ? matching(candidatesFor(form), query.text) : [];
    if (!query) {
      query = itemQuery(textarea);
      kind = 'item';
      list = query ? matchingItems(itemsFor(), query.text) : [];
    }
    if (!query || list.length === 0) { closeMenu(); return; }
    closeMenu();
    var el = document.createElement('ul');
    el.className = 'mention-menu';
    el.setAttribute('role', 'listbox');
    el.setAttribute('aria-label', kind === 'item' ? 'Project items to refer to' : 'People to mention');
    el.setAttribute('data-testid', kind === 'item' ? 'item-reference-menu' : 'mention-menu');
    list.forEach(function (c, i) {
      var li = document.createElement('li');
      li.id = 'mention-option-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('data-testid', kind === 'item' ? 'item-reference-option' : 'mention-option');
      li.setAttribute('data-index', String(i));
      if (kind === 'item') {
        li.textContent = c.title;
        var hint = document.createElement('span');
        hint.className = 'muted';
        hint.textContent = ' · ' + c.kind;
        li.appendChild(hint);
      } else {
        li.textContent = c.name;
      }
      el.appendChild(li);
    });
    form.appendChild(el);
    menu = { el: el, textarea: textarea, start: query.start, items: list, index: 0, kind: kind };
    highlight(0);
  }

  function chooseMention(index) {
    var c = menu.items[index];
    var textarea = menu.textarea;
    var start = menu.start;
    var kind = menu.kind;
    closeMenu();
    insertAtCursor(textarea, kind === 'item' ? '#' + c.token + ' ' : '@' + c.name + ' ', start);
  }

  // ---- Reply-to ------------------------------------------------------------------------------
  function excerptOf(article) {
    var body = article && article.querySelector('.msg-body');
    var text = body ? body.textContent.replace(/\s+/g, ' ').trim() : '';
    return text.length > 80 ? text.slice(0, 79) + '…' : text;
  }

  function setReplyTarget(form, id, label) {
    var input = form.querySelector('[data-reply-to-input]');
    var box = form.querySelector('.reply-target');
    if (!input || !box) return;
    input.value = id || '';
    box.hidden = !id;
    if (id && label) box.querySelector('[data-reply-target-text]').textContent = label;
  }

  function labelFor(id) {
    var article = document.getElementById('m-' + id);
    if (!article) return null;
    var author = article.querySelector('.msg-author');
    return 'Replying to ' + (author ? author.textContent : 'a message') + ': ' + excerptOf(article);
  }

  // ---- Drafts ---------------------------------------------------------------------------------
  function draftKey(form) {
    var textarea = form.querySelector('textarea');
    return 'draft:' + window.location.pathname + ':' + (textarea ? textarea.id : '');
  }

  function saveDraft(form) {
    if (!isSendForm(form)) return;
    try {
      var value = form.querySelector('textarea').value;
      if (value.trim()) window.localStorage.setItem(draftKey(form), value);
      else window.localStorage.removeItem(draftKey(form));
    } catch (e) { /* storage unavailable: no drafts */ }
  }

  function clearDraft(form) {
    try { window.localStorage.removeItem(draftKey(form)); } catch (e) { /* ignore */ }
  }

  function restore(root) {
    if (!root || !root.querySelectorAll) return;
    var forms = Array.prototype.slice.call(root.querySelectorAll('form.compose:not(.compose-edit)'));
    if (isSendForm(root)) forms.push(root);
    forms.forEach(function (form) {
      var textarea = form.querySelector('textarea');
      try {
        var draft = window.localStorage.getItem(draftKey(form));
        if (textarea && !textarea.value && draft) textarea.value = draft;
      } catch (e) { /* ignore */ }
      var input = form.querySelector('[data-reply-to-input]');
      if (input && input.value) setReplyTarget(form, input.value, labelFor(input.value));
    });
  }

  // ---- Sends lost to the network --------------------------------------------------------------
  function markUnsent(form, unsent) {
    if (unsent) form.setAttribute('data-unsent', 'true'); else form.removeAttribute('data-unsent');
    var status = form.querySelector('[data-send-status]');
    if (status) status.hidden = !unsent;
  }

  function retryUnsent() {
    document.querySelectorAll('form.compose[data-unsent]').forEach(function (form) { form.requestSubmit(); });
  }

  // ---- Events ----------------------------------------------------------------------------------
  document.addEventListener('click', function (e) {
    var t = e.target;
    var pickerButton = closest(t, '[data-emoji-picker]');
    if (pickerButton) {
      e.preventDefault();
      if (picker && picker.button === pickerButton) closePicker(); else openPicker(pickerButton);
      return;
    }

    var emoji = closest(t, '[data-emoji]');
    if (emoji && picker) {
      var textarea = picker.textarea;
      closePicker();
      closeMenu();
      insertAtCursor(textarea, emoji.getAttribute('data-emoji'));
      return;
    }

    if (picker && !closest(t, '.emoji-panel')) closePicker();

    var reply = closest(t, '[data-reply-to]');
    if (reply) {
      var article = closest(reply, 'article');
      var note = article && article.getAttribute('data-note') === 'true';
      var form = (note && document.querySelector('form.compose-note')) || document.querySelector('form.compose:not(.compose-note):not(.compose-edit)');
      if (!form) return;
      setReplyTarget(form, reply.getAttribute('data-reply-to'), labelFor(reply.getAttribute('data-reply-to')));
      form.querySelector('textarea').focus();
      return;
    }

    var cancel = closest(t, '[data-reply-cancel]');
    if (cancel) { setReplyTarget(closest(cancel, 'form'), ''); return; }

    var retry = closest(t, '[data-send-retry]');
    if (retry) { closest(retry, 'form').requestSubmit(); return; }

    var quote = closest(t, 'a.quote[data-quote-of]');
    if (quote) {
      var original = document.getElementById('m-' + quote.getAttribute('data-quote-of'));
      if (original) {
        e.preventDefault();
        original.scrollIntoView({ block: 'center', behavior: 'smooth' });
        original.classList.add('is-target');
        window.setTimeout(function () { original.classList.remove('is-target'); }, 2000);
      }
    }
  });

  document.addEventListener('mousedown', function (e) {
    var option = closest(e.target, '.mention-menu [data-index]');
    if (option && menu) {
      e.preventDefault(); // keep the focus in the textarea
      chooseMention(parseInt(option.getAttribute('data-index'), 10));
    }
  });

  // Capture phase, so a choice in the mention list takes Enter before site.js sends the message.
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && picker) { closePicker(); return; }
    if (!menu || e.target !== menu.textarea) return;
    var handled = true;
    if (e.key === 'ArrowDown') highlight((menu.index + 1) % menu.items.length);
    else if (e.key === 'ArrowUp') highlight((menu.index + menu.items.length - 1) % menu.items.length);
    else if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') chooseMention(menu.index);
    else if (e.key === 'Escape') closeMenu();
    else handled = false;
    if (handled) { e.preventDefault(); e.stopImmediatePropagation(); }
  }, true);

  document.addEventListener('input', function (e) {
    var t = e.target;
    if (t.tagName !== 'TEXTAREA' || !closest(t, 'form.compose')) return;
    saveDraft(t.form);
    updateMenu(t);
  });

  document.addEventListener('focusout', function (e) {
    if (menu && e.target === menu.textarea) window.setTimeout(closeMenu, 150);
  });

  document.addEventListener('htmx:beforeRequest', function (e) {
    var form = e.detail.elt;
    if (isSendForm(form)) markUnsent(form, false);
  });

  // The network is down (no response at all): keep the form as it is, with its idempotency key, and say so.
  document.addEventListener('htmx:sendError', function (e) {
    var form = e.detail.elt;
    if (isSendForm(form)) markUnsent(form, true);
  });

  // A send that was stored: its draft is done with (cleared before the empty form replaces it).
  document.addEventListener('htmx:beforeSwap', function (e) {
    var form = e.detail.elt;
    if (isSendForm(form) && e.detail.xhr && e.detail.xhr.status >= 200 && e.detail.xhr.status < 300) clearDraft(form);
  });

  document.addEventListener('htmx:load', function (e) { restore(e.detail.elt); });
  document.addEventListener('DOMContentLoaded', function () { restore(document); });
  window.addEventListener('online', retryUnsent);

  // Someone edited or deleted a message this thread shows: fetch that message again (the event carries ids only).
  document.addEventListener('htmx:sseMessage', function (e) {
    if (!e.target || e.target.id !== 'thread-tail' || !window.htmx) return;
    var data;
    try { data = JSON.parse(e.detail.data); } catch (err) { return; }
    if (!data || (data.kind !== 'message-edited' && data.kind !== 'message-deleted')) return;
    var article = document.getElementById('m-' + data.messageId);
    if (!article) return;
    window.htmx.ajax('GET', '/messages/item/' + data.messageId, { target: article, swap: 'outerHTML' });
  });
})();
