// The project panel folds on a phone: closed on narrow screens when a page with it loads (also through hx-boost),
// left as the member set it when only the panel itself is refreshed after an edit. A #item reference chip in a
// message opens the panel before the browser scrolls to the item.
(function () {
    var narrow = window.matchMedia("(max-width: 40rem)");
    var fold = function () {
        var panel = document.getElementById("project-panel");
        if (panel && narrow.matches) {
            panel.removeAttribute("open");
        }
    };
    document.addEventListener("DOMContentLoaded", fold);
    document.addEventListener("click", function (e) {
        var chip = e.target && e.target.closest ? e.target.closest("a.item-ref") : null;
        var panel = document.getElementById("project-panel");
        if (chip && panel) {
            panel.setAttribute("open", "");
        }
    });
    document.addEventListener("htmx:afterSettle", function (e) {
        if (!e.detail || !e.detail.target || e.detail.target.id !== "project-panel") {
            fold();
        }
    });
})();
