// Notifications (issue 7): the unread count in the page title, desktop notifications and a sound when
// the unread badge grows while the tab is hidden (badge kept live by the event stream), and the settings
// page's buttons. The browser's permission is asked only when the person presses the button there.
(function () {
    'use strict';

    var countPrefix = /^\(\d+\)\s*/;

    function badgeCount() {
        var badge = document.querySelector('[data-testid=unread-badge]');
        return badge ? parseInt(badge.getAttribute('data-count') || '0', 10) || 0 : null;
    }

    function prefs() {
        var p = document.getElementById('notify-prefs');
        return { browser: !!p && p.getAttribute('data-browser') === 'true', sound: !!p && p.getAttribute('data-sound') === 'true' };
    }

    function showCountInTitle(count) {
        var plain = document.title.replace(countPrefix, '');
        document.title = count > 0 ? '(' + count + ') ' + plain : plain;
    }

    function chime() {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) { return; }
        var audio = new Context();
        var tone = audio.createOscillator();
        var gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.15, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.35);
        tone.onended = function () { audio.close(); };
    }

    function announce(count) {
        var p = prefs();
        if (p.browser && 'Notification' in window && Notification.permission === 'granted') {
            var note = new Notification('New message', {
                body: count === 1 ? '1 conversation has unread messages.' : count + ' conversations have unread messages.',
                tag: 'portal-unread'
            });
            note.onclick = function () { window.focus(); note.close(); };
        }
        if (p.sound) { chime(); }
    }

    var last = badgeCount();

    function onBadgeMaybeChanged() {
        var count = badgeCount();
        if (count === null) { return; }
        if (last !== null && count > last && document.hidden) { announce(count); }
        last = count;
        showCountInTitle(count);
    }

    function showPermission() {
        var state = document.querySelector('[data-permission-state]');
        if (!state) { return; }
        state.textContent = !('Notification' in window) ? 'This browser does not support desktop notifications.'
            : Notification.permission === 'granted' ? 'Allowed in this browser.'
            : Notification.permission === 'denied' ? 'Blocked in this browser: allow them in the site settings of your browser.'
            : 'Not allowed yet.';
    }

    document.addEventListener('click', function (e) {
        var target = e.target instanceof Element ? e.target : null;
        if (!target) { return; }
        if (target.closest('[data-ask-permission]') && 'Notification' in window) {
            Notification.requestPermission().then(showPermission);
        } else if (target.closest('[data-test-sound]')) {
            chime();
        } else if (target.closest('[data-use-device-zone]')) {
            var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
            var select = document.querySelector('select[name="Input.TimeZone"]');
            if (select && zone && Array.prototype.some.call(select.options, function (o) { return o.value === zone; })) { select.value = zone; }
        }
    });

    document.addEventListener('htmx:afterSettle', onBadgeMaybeChanged);
    document.addEventListener('htmx:load', showPermission);
    document.addEventListener('DOMContentLoaded', function () { onBadgeMaybeChanged(); showPermission(); });
    if (document.readyState !== 'loading') { onBadgeMaybeChanged(); showPermission(); }
})();
