// 开放目录离线检索：与 govdata/publish/search.py 相同的分词（汉字单字与相邻二字），无外部依赖。
// Offline search of the open catalog, tokenised as govdata/publish/search.py does; no dependencies.
(function () {
  "use strict";
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
  var WORD = /[0-9a-z]+/g;

  function queryTokens(text) {
    var lowered = text.toLowerCase();
    var found = [];
    (lowered.match(HAN) || []).forEach(function (run) {
      if (run.length === 1) { found.push(run); return; }
      for (var i = 0; i + 1 < run.length; i++) { found.push(run.slice(i, i + 2)); }
    });
    (lowered.match(WORD) || []).forEach(function (word) { found.push(word); });
    return found;
  }

  function textMatches(index, query, count) {
    var selected = null;
    queryTokens(query).forEach(function (token) {
      var posting = {};
      (index[token] || []).forEach(function (n) { posting[n] = true; });
      if (selected === null) { selected = posting; return; }
      Object.keys(selected).forEach(function (n) { if (!posting[n]) { delete selected[n]; } });
    });
    if (selected === null) {
      selected = {};
      for (var n = 0; n < count; n++) { selected[n] = true; }
    }
    return selected;
  }

  function chosenFacets(form) {
    var chosen = {};
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  function apply(form, items, status, index) {
    var query = form.querySelector("#q").value;
    var selected = textMatches(index, query, items.length);
    var chosen = chosenFacets(form);
    var shown = 0;
    items.forEach(function (item, n) {
      var visible = Boolean(selected[n]);
      Object.keys(chosen).forEach(function (facet) {
        var values = (item.getAttribute("data-" + facet) || "").split("|");
        var hit = values.some(function (value) { return chosen[facet].indexOf(value) >= 0; });
        if (!hit) { visible = false; }
      });
      item.hidden = !visible;
      if (visible) { shown++; }
    });
    status.textContent = "找到 " + shown + " 个数据集 / " + shown + " datasets found";
  }

  function start() {
    var form = document.getElementById("search");
    var list = document.getElementById("results");
    var status = document.getElementById("result-count");
    if (!form || !list || !window.GOVDATA_SEARCH) { return; }
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-doc]"));
    var run = function () { apply(form, items, status, window.GOVDATA_SEARCH); };
    // Pre-fill from the address (index.html?q=社保&theme=社会保障), so theme links and bookmarks work.
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { form.querySelector("#q").value = params.get("q"); }
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (params.getAll(box.name).indexOf(box.value) >= 0) {
        box.checked = true;
        box.closest("details").open = true;  // show why the list is filtered
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    form.addEventListener("input", run);
    form.addEventListener("change", run);
    run();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
