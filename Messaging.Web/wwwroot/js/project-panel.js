// The project panel folds on a phone: closed on narrow screens when a page with it loads (also through hx-boost),
// left as the member set it when only the panel itself is refreshed after an edit.
(function () {
    var narrow = window.matchMedia("(max-width: 40rem)");
    var fold = function () {
        var panel = document.getElementById("project-panel");
        if (panel && narrow.matches) {
            panel.removeAttribute("open");
        }
    };
    document.addEventListener("DOMContentLoaded", fold);
    document.addEventListener("htmx:afterSettle", function (e) {
        if (!e.detail || !e.detail.target || e.detail.target.id !== "project-panel") {
            fold();
        }
    });
})();
