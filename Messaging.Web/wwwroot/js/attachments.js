// Files in the compose forms: pick or drop, preview (thumbnails for images, chips for the rest), remove
// before sending, and a progress bar while large uploads go up. Without this file the plain file input works.
(function () {
  'use strict';

  var PROGRESS_FROM_BYTES = 1024 * 1024; // show the bar for uploads larger than this
  var THUMBNAIL_MAX_BYTES = 8 * 1024 * 1024; // larger images get a chip instead of being read for a thumbnail
  var kept = null; // files of a form the server refused (422/413), put back into the new form after the swap

  function formatSize(bytes) {
    var units = ['bytes', 'KB', 'MB', 'GB'];
    var value = bytes, unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return unit === 0 ? bytes + ' bytes' : (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10) + ' ' + units[unit];
  }

  function extensionOf(name) {
    var dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  }

  function setup(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = '1';
    var form = box.closest('form');
    var input = box.querySelector('input[type=file]');
    var chips = box.querySelector('.attach-chips');
    var allowed = (input.getAttribute('accept') || '').split(',').map(function (e) { return e.replace('.', '').trim(); });
    var files = [];

    function sync() {
      var transfer = new DataTransfer();
      files.forEach(function (f) { transfer.items.add(f); });
      input.files = transfer.files;
      render();
    }

    function problems() {
      var maxFiles = +box.dataset.maxFiles, maxFile = +box.dataset.maxFileBytes, maxMessage = +box.dataset.maxMessageBytes;
      var out = [], total = 0;
      if (files.length > maxFiles) out.push('You can attach at most ' + maxFiles + ' files to a message.');
      files.forEach(function (f) {
        total += f.size;
        if (allowed.indexOf(extensionOf(f.name)) < 0) out.push('“' + f.name + '” can\'t be attached: this type of file is not allowed.');
        else if (f.size > maxFile) out.push('“' + f.name + '” is larger than the ' + box.dataset.maxFileLabel + ' allowed per file.');
      });
      if (total > maxMessage) out.push('Together the files are larger than the ' + box.dataset.maxMessageLabel + ' allowed per message.');
      return out;
    }

    var objectUrls = [];

    function render() {
      chips.innerHTML = '';
      objectUrls.forEach(function (url) { URL.revokeObjectURL(url); });
      objectUrls = [];
      files.forEach(function (file, index) {
        var li = document.createElement('li');
        li.className = 'attach-chip';
        li.setAttribute('data-testid', 'attach-chip');
        var isImage = /^image\/(png|jpeg|gif|webp)$/.test(file.type) && file.size <= THUMBNAIL_MAX_BYTES;
        if (isImage) {
          var img = document.createElement('img');
          img.alt = '';
          img.setAttribute('data-testid', 'attach-thumbnail');
          var reader = new FileReader();
          reader.onload = function () { img.src = reader.result; };
          reader.readAsDataURL(file);
          li.appendChild(img);
        } else if (/^video\/(mp4|quicktime)$/.test(file.type)) {
          // The browser draws the first frame of a video it can play; one it cannot stays a dark tile.
          var video = document.createElement('video');
          video.muted = true;
          video.preload = 'metadata';
          video.setAttribute('data-testid', 'attach-thumbnail');
          video.setAttribute('aria-hidden', 'true');
          var url = URL.createObjectURL(file);
          objectUrls.push(url);
          video.src = url;
          li.appendChild(video);
        } else {
          var badge = document.createElement('span');
          badge.className = 'file-badge';
          badge.textContent = (extensionOf(file.name) || 'file').toUpperCase();
          li.appendChild(badge);
        }
        var text = document.createElement('span');
        text.className = 'attachment-text';
        var name = document.createElement('span');
        name.className = 'attachment-name';
        name.textContent = file.name;
        var size = document.createElement('span');
        size.className = 'attachment-size';
        size.textContent = formatSize(file.size);
        text.appendChild(name);
        text.appendChild(size);
        li.appendChild(text);
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'attach-remove';
        remove.setAttribute('aria-label', 'Remove ' + file.name);
        remove.setAttribute('data-testid', 'attach-remove');
        remove.textContent = '×';
        remove.addEventListener('click', function () { files.splice(index, 1); sync(); });
        li.appendChild(remove);
        chips.appendChild(li);
      });
      var issues = problems();
      if (issues.length) {
        var warn = document.createElement('li');
        warn.className = 'attach-warning';
        warn.setAttribute('role', 'alert');
        warn.setAttribute('data-testid', 'attach-warning');
        warn.textContent = issues.join(' ');
        chips.appendChild(warn);
      }
    }

    function add(list) {
      Array.prototype.forEach.call(list, function (f) { files.push(f); });
      sync();
    }

    input.addEventListener('change', function () {
      // A new pick adds to what is already attached instead of replacing it.
      var picked = Array.prototype.slice.call(input.files);
      var already = files.filter(function (f) { return picked.indexOf(f) < 0; });
      files = already;
      add(picked);
    });
    form.addEventListener('dragover', function (e) {
      if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0) {
        e.preventDefault();
        form.classList.add('is-dragover');
      }
    });
    form.addEventListener('dragleave', function (e) { if (e.target === form) form.classList.remove('is-dragover'); });
    form.addEventListener('drop', function (e) {
      form.classList.remove('is-dragover');
      if (e.dataTransfer && e.dataTransfer.files.length) {
        e.preventDefault();
        add(e.dataTransfer.files);
      }
    });
    box.restore = function (list) { add(list); };
  }

  function setupAll(root) {
    (root || document).querySelectorAll('[data-attach]').forEach(setup);
  }

  function isCompose(elt) { return elt && elt.tagName === 'FORM' && elt.classList.contains('compose'); }

  function progressOf(form) { return form.querySelector('.upload-progress'); }

  // Multipart posts send the antiforgery token as a header, so the server validates it without reading
  // (and buffering) the body, and streams the files straight to storage.
  document.addEventListener('htmx:configRequest', function (evt) {
    var elt = evt.detail.elt;
    if (isCompose(elt) && elt.enctype === 'multipart/form-data') {
      var token = elt.querySelector('input[name=__RequestVerificationToken]');
      if (token) evt.detail.headers.RequestVerificationToken = token.value;
    }
  });

  document.addEventListener('htmx:xhr:progress', function (evt) {
    var form = evt.detail.elt || evt.target;
    if (!isCompose(form) || !evt.detail.lengthComputable || evt.detail.total < PROGRESS_FROM_BYTES) return;
    var box = progressOf(form);
    if (!box) return;
    var percent = Math.round(evt.detail.loaded * 100 / evt.detail.total);
    box.hidden = false;
    box.querySelector('progress').value = percent;
    box.querySelector('.upload-progress-text').textContent = 'Uploading… ' + percent + '% of ' + formatSize(evt.detail.total);
  });

  document.addEventListener('htmx:beforeSwap', function (evt) {
    var form = evt.detail.elt;
    if (!isCompose(form)) return;
    var status = evt.detail.xhr.status;
    if (status === 422 || status === 413) {
      var input = form.querySelector('input[type=file]');
      kept = { testid: form.getAttribute('data-testid'), files: input ? Array.prototype.slice.call(input.files) : [] };
    }
    if (status === 413) {
      // The HTTP limit answered before the form could: show its message above the form and keep the form.
      var isForm = /data-testid="(reply|note)-form"/.test(evt.detail.xhr.responseText);
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
      if (!isForm) {
        evt.detail.target = document.getElementById('flash');
        evt.detail.swapOverride = 'innerHTML';
        kept = null;
      }
    }
  });

  document.addEventListener('htmx:afterRequest', function (evt) {
    if (!isCompose(evt.detail.elt)) return;
    var box = progressOf(evt.detail.elt);
    if (box) box.hidden = true;
  });

  document.addEventListener('htmx:load', function (evt) {
    setupAll(evt.detail.elt);
    if (kept) {
      var form = document.querySelector('form[data-testid="' + kept.testid + '"]');
      var box = form && form.querySelector('[data-attach]');
      if (box && box.restore) {
        var files = kept.files;
        kept = null;
        box.restore(files);
      }
    }
  });
  document.addEventListener('DOMContentLoaded', function () { setupAll(document); });
})();
