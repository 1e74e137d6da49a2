// reportdiff: ledger filters and sorting.  Without this script every row stays visible.
(function () {
  "use strict";
  var form = document.getElementById("controls");
  var table = document.getElementById("ledger-table");
  if (!form || !table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var fVerdict = document.getElementById("f-verdict");
  var fSection = document.getElementById("f-section");
  var fSearch = document.getElementById("f-search");
  var fCount = document.getElementById("f-count");
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  function apply() {
    var v = fVerdict.value, s = fSection.value, q = fSearch.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = (!v || tr.getAttribute("data-verdict") === v) &&
        (!s || tr.getAttribute("data-section") === s ||
          tr.getAttribute("data-section").indexOf(s + ".") === 0) &&
        (!q || tr.textContent.toLowerCase().indexOf(q) >= 0);
      tr.hidden = !ok;
      if (ok) { shown += 1; }
    });
    fCount.textContent = shown + " of " + rows.length + " promises shown";
  }
  [fVerdict, fSection].forEach(function (el) { el.addEventListener("change", apply); });
  fSearch.addEventListener("input", apply);

  function sectionKey(text) {
    return text.split(".").map(function (p) { return ("000000" + p).slice(-6); }).join(".");
  }
  function key(tr, col, type) {
    var raw = col === "verdict" ? tr.getAttribute("data-verdict") : tr.getAttribute("data-" + col);
    if (type === "num") { return raw === "" || raw === null ? null : parseFloat(raw); }
    if (type === "sec") { return sectionKey(raw || ""); }
    return raw || "";
  }
  Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-sort]"), function (th) {
    th.querySelector("button").addEventListener("click", function () {
      var col = th.getAttribute("data-sort"), type = th.getAttribute("data-type");
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.querySelectorAll("th[aria-sort]"), function (o) {
        o.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var ka = key(a, col, type), kb = key(b, col, type);
        if (ka === kb) { return (parseInt(a.getAttribute("data-n"), 10) - parseInt(b.getAttribute("data-n"), 10)); }
        if (ka === null) { return 1; }
        if (kb === null) { return -1; }
        return (ka < kb ? -1 : 1) * dir;
      });
      rows.forEach(function (tr) { body.appendChild(tr); });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("ul.summary .count"), function (el) {
    var li = el.parentNode;
    li.style.cursor = "pointer";
    li.setAttribute("role", "button");
    li.setAttribute("tabindex", "0");
    li.title = "show only these promises";
    function pick() {
      fVerdict.value = el.getAttribute("data-verdict");
      apply();
      table.scrollIntoView();
    }
    li.addEventListener("click", pick);
    li.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
  });
  apply();
}());
