/* The site's one script, loaded in <head> before the page is drawn, instead of Material's bundle.
   First, at once: it marks <html> with "js" and the reader's light or dark choice, so the page takes its final
   layout (folded parts, the helpers' questions) before its first paint. Then, when the page is parsed, it wires
   what needs a script: folding, copy-link buttons, the decision helpers, the palette toggle, back-to-top, the
   drawer's focus, the language switch keeping the reader's place, printing, and the search box. Without it,
   every page shows every step and every answer. Markup comes from the templates; this only shows and wires it. */
(function () {
  "use strict";

  var root = document.documentElement;
  var here = document.currentScript ? new URL("..", document.currentScript.src) : new URL("./", location.href);
  var STORE = "g-palette";

  root.classList.remove("no-js");
  root.classList.add("js");

  /* --- light or dark: the reader's stored choice, else the phone's setting ------------------------------ */

  function stored() {
    try { return localStorage.getItem(STORE); } catch (e) { return null; }
  }

  function dark() {
    var choice = stored();
    if (choice) return choice === "slate";
    return !!(window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches);
  }

  function paint(isDark) {
    root.setAttribute("data-md-color-scheme", isDark ? "slate" : "default");
    var button = document.querySelector("[data-g-palette]");
    if (button) button.setAttribute("aria-label", isDark ? button.dataset.light : button.dataset.dark);
    if (button) button.setAttribute("title", button.getAttribute("aria-label"));
  }

  paint(dark());

  function initPalette() {
    var button = document.querySelector("[data-g-palette]");
    if (!button) return;
    paint(dark());
    button.addEventListener("click", function () {
      var next = root.getAttribute("data-md-color-scheme") !== "slate";
      try { localStorage.setItem(STORE, next ? "slate" : "default"); } catch (e) { /* private mode: not kept */ }
      paint(next);
    });
  }

  /* --- small helpers ----------------------------------------------------------------------------------- */

  function byHash() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return null; }
    return id ? document.getElementById(id) : null;
  }

  function canonical() {
    var link = document.querySelector('link[rel="canonical"]');
    return (link ? link.href : location.href).split("#")[0];
  }

  function announce(text) {
    var live = document.getElementById("g-live");
    if (!live) {
      live = document.createElement("p");
      live.id = "g-live";
      live.className = "g-sr";
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
    return Promise.resolve();
  }

  /* --- folded parts: a heading that opens and closes its body ------------------------------------------- */

  function foldOf(node) {
    return node && node.closest ? node.closest(".g-fold") : null;
  }

  function isOpen(fold) {
    if (fold.classList.contains("g-fold--closed")) return false;
    return fold.classList.contains("g-fold--open") || fold.contains(byHash());
  }

  function setFold(fold, open) {
    fold.classList.toggle("g-fold--open", open);
    fold.classList.toggle("g-fold--closed", !open);
    sync(fold);
  }

  function sync(fold) {
    var button = fold.querySelector(".g-fold__button");
    if (button) button.setAttribute("aria-expanded", String(isOpen(fold)));
  }

  function initFolds() {
    var folds = document.querySelectorAll(".g-fold");
    Array.prototype.forEach.call(folds, function (fold) {
      var title = fold.querySelector(".g-fold__title");
      var body = fold.querySelector(".g-fold__body");
      if (!title || !body) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "g-fold__button";
      button.setAttribute("aria-controls", body.id);
      while (title.firstChild) button.appendChild(title.firstChild);
      title.appendChild(button);
      button.addEventListener("click", function () { setFold(fold, !isOpen(fold)); updateAll(); });
      sync(fold);
    });
    var all = document.querySelector(".g-fold-all");
    if (all && folds.length) {
      all.addEventListener("click", function () {
        var open = !Array.prototype.every.call(folds, isOpen);
        Array.prototype.forEach.call(folds, function (fold) { setFold(fold, open); });
        updateAll();
      });
      updateAll();
    }
  }

  function updateAll() {
    var all = document.querySelector(".g-fold-all");
    var folds = document.querySelectorAll(".g-fold");
    if (!all) return;
    var open = folds.length && Array.prototype.every.call(folds, isOpen);
    all.textContent = open ? all.dataset.close : all.dataset.open;
  }

  /* A link to a step or a part opens the fold it is in (browsers without :has() need this) and marks a step. */
  function onTarget() {
    var target = byHash();
    var fold = foldOf(target);
    if (fold) {
      fold.classList.remove("g-fold--closed");
      fold.classList.add("g-fold--open");
    }
    Array.prototype.forEach.call(document.querySelectorAll(".g-fold"), sync);
    updateAll();
    if (target && target.classList.contains("g-step")) {
      target.classList.remove("g-flash");
      void target.offsetWidth;
      target.classList.add("g-flash");
    }
    if (fold && target) {
      var box = target.getBoundingClientRect();
      if (box.top < 0 || box.top > window.innerHeight) target.scrollIntoView();
    }
    switchKeepsPlace();
  }

  /* --- copy a link to one step, or one answer ----------------------------------------------------------- */

  function copyButton(button) {
    button.addEventListener("click", function () {
      copy(canonical() + "#" + button.dataset.target).then(function () { announce(button.dataset.done); });
    });
  }

  function initCopy() {
    Array.prototype.forEach.call(document.querySelectorAll(".g-copy"), copyButton);
  }

  /* --- the decision helpers ---------------------------------------------------------------------------- */

  function conditions(answer) {
    return (answer.dataset.when || "").split(" ").filter(Boolean).map(function (pair) { return pair.split("="); });
  }

  /* The answer the choices lead to: the first whose conditions are met, once every answer before it is ruled out. */
  function pick(answers, chosen) {
    for (var i = 0; i < answers.length; i += 1) {
      var met = true;
      var ruledOut = false;
      conditions(answers[i]).forEach(function (c) {
        if (!(c[0] in chosen)) met = false;
        else if (chosen[c[0]] !== c[1]) ruledOut = true;
      });
      if (ruledOut) continue;
      return met ? answers[i] : null;
    }
    return null;
  }

  function initHelper(helper) {
    var form = helper.querySelector(".g-helper__picker");
    var out = helper.querySelector(".g-helper__answer");
    var answers = Array.prototype.slice.call(helper.querySelectorAll(".g-answer"));
    var copyWords = helper.dataset.copy;
    var done = helper.dataset.done;

    function chosen() {
      var found = {};
      Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (input) {
        found[input.dataset.question] = input.value;
      });
      return found;
    }

    function show(answer) {
      if (!answer) {
        out.replaceChildren(Object.assign(document.createElement("p"), { textContent: out.dataset.hint }));
        return;
      }
      var nodes = Array.prototype.slice.call(answer.children, 1).map(function (node) { return node.cloneNode(true); });
      var link = document.createElement("button");
      link.type = "button";
      link.className = "g-tool g-copy";
      link.dataset.target = answer.id;
      link.dataset.done = done;
      link.setAttribute("aria-label", copyWords);
      link.title = copyWords;
      copyButton(link);
      nodes.push(link);
      out.replaceChildren.apply(out, nodes);
    }

    function update() {
      helper.classList.add("g-helper--picked");
      show(pick(answers, chosen()));
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    /* A shared link to one answer: choose what it is for, and show it. */
    var target = byHash();
    if (target && answers.indexOf(target) >= 0) {
      conditions(target).forEach(function (c) {
        var input = form.querySelector('input[data-question="' + c[0] + '"][value="' + c[1] + '"]');
        if (input) input.checked = true;
      });
      update();
    }
  }

  function initHelpers() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-helper]"), initHelper);
  }

  /* --- the frame: language switch, back to top, drawer, print ------------------------------------------ */

  /* The switch goes to the same page in the other language; with a script, to the same step or part too. */
  function switchKeepsPlace() {
    var target = byHash();
    Array.prototype.forEach.call(document.querySelectorAll(".g-lang__link"), function (link) {
      if (!link.dataset.base) link.dataset.base = link.getAttribute("href");
      link.setAttribute("href", link.dataset.base + (target ? "#" + target.id : ""));
    });
  }

  function initTop() {
    var button = document.querySelector(".md-top");
    if (!button) return;
    var last = window.scrollY;
    window.addEventListener("scroll", function () {
      var y = window.scrollY;
      button.hidden = !(y < last && y > window.innerHeight);
      last = y;
    }, { passive: true });
    button.addEventListener("click", function () {
      button.hidden = true;
      window.scrollTo(0, 0);
      var skip = document.querySelector("h1");
      if (skip) { skip.setAttribute("tabindex", "-1"); skip.focus(); }
    });
  }

  /* The drawer opens from the menu button (a button: Enter and Space work); focus moves in, Escape closes it. */
  function initDrawer() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector(".g-menu");
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !button || !drawer) return;
    function set(open) {
      toggle.checked = open;
      button.setAttribute("aria-expanded", String(open));
      if (open) {
        var first = drawer.querySelector("a, label[tabindex], button");
        if (first) first.focus();
      }
    }
    button.addEventListener("click", function () { set(!toggle.checked); });
    toggle.addEventListener("change", function () { set(toggle.checked); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        set(false);
        button.focus();
      }
    });
  }

  function initPrint() {
    var button = document.getElementById("checklist-print");
    if (button && typeof window.print === "function") button.addEventListener("click", function () { window.print(); });
  }

  /* --- search: the box in the header; the engine and this language's index load on first use ----------- */

  function initSearch() {
    var toggle = document.getElementById("__search");
    var box = document.querySelector("[data-g-search]");
    var input = document.querySelector("[data-g-search-input]");
    var opener = document.querySelector("[data-g-search-open]");
    if (!toggle || !box || !input) return;
    var engine = null;
    var meta = document.getElementById("g-search-meta");
    var links = function () { return Array.prototype.slice.call(box.querySelectorAll("[data-g-search-results] a")); };
    var editable = function (el) { return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName); };

    function load() {
      if (!engine) {
        meta.textContent = box.dataset.loading;
        var index = fetch(new URL("search/index.json", here)).then(function (r) { return r.ok ? r.json() : Promise.reject(r); });
        engine = Promise.all([import(new URL("assets/search-engine.js", here).href), index])
          .then(function (got) { return got[0].attach(box, got[1], here); })
          .catch(function (error) {
            engine = null;
            meta.textContent = box.dataset.error;
            throw error;
          });
      }
      return engine;
    }

    function run() { return load().then(function (search) { search.run(input.value); }, function () {}); }

    function setOpen(on) {
      toggle.checked = on;
      if (opener) opener.setAttribute("aria-expanded", String(on));
      if (!on && box.contains(document.activeElement)) document.activeElement.blur();
    }

    function open() {
      setOpen(true);
      input.focus();
      run();
    }

    document.addEventListener("keydown", function (event) {
      var key = event.key;
      var target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target === input) {
        if (key === "ArrowDown" && links().length) links()[0].focus();
        else if (key === "Escape") setOpen(false);
        else return;
      } else if (target.closest && target.closest("[data-g-search-results]")) {
        var all = links();
        var at = all.indexOf(target);
        if (key === "ArrowDown") all[Math.min(at + 1, all.length - 1)].focus();
        else if (key === "ArrowUp") (at > 0 ? all[at - 1] : input).focus();
        else if (key === "Escape") setOpen(false);
        else return;
      } else if ((key === "/" || key === "s" || key === "f") && !editable(target)) {
        open();
      } else if (key === "Escape" && toggle.checked) {
        setOpen(false);
      } else return;
      event.preventDefault();
    });
    document.addEventListener("focusin", function (event) {
      if (event.target === input && !toggle.checked) {
        setOpen(true);
        run();
      } else if (toggle.checked && !box.contains(event.target) && event.target !== toggle && event.target !== opener) {
        setOpen(false); /* the reader has tabbed on, past the search */
      }
    });
    input.addEventListener("input", run);
    box.querySelector("[data-g-search-form]").addEventListener("submit", function (event) {
      event.preventDefault();
      load().then(function () { var first = links()[0]; if (first) first.click(); });
    });
    box.querySelector("[data-g-search-form]").addEventListener("reset", function () {
      setTimeout(function () { input.focus(); run(); });
    });
    if (opener) opener.addEventListener("click", open);
    box.addEventListener("click", function (event) {
      if (event.target.closest("[data-g-search-results] a")) setOpen(false);
    });
    toggle.addEventListener("change", function () {
      setOpen(toggle.checked);
      if (toggle.checked) open();
    });
  }

  function init() {
    initPalette();
    initFolds();
    initCopy();
    initHelpers();
    initTop();
    initDrawer();
    initPrint();
    initSearch();
    onTarget();
  }

  window.addEventListener("hashchange", onTarget);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
