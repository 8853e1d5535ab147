/* The search box in the header (partials/search.html): the loader, and the keys that open and close the box. Nothing
   else of search is on the first view: the first time the reader opens it, assets/search-engine.js (the engine, and
   search-results.js, which draws the results and moves through them) and this language's search/index.json load
   together. */

ready(function () {
  var toggle = document.getElementById("__search");
  var box = document.querySelector("[data-g-search]");
  var input = document.querySelector("[data-g-search-input]");
  var opener = document.querySelector("[data-g-search-open]");
  if (!toggle || !box || !input) return;
  var engine = null;
  var meta = document.getElementById("g-search-meta");
  var editable = function (el) { return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName); };

  function setOpen(on) {
    toggle.checked = on;
    if (opener) opener.setAttribute("aria-expanded", String(on));
    if (!on && box.contains(document.activeElement)) document.activeElement.blur();
  }

  function load() {
    if (!engine) {
      meta.textContent = box.dataset.loading;
      var index = fetch(new URL("search/index.json", here)).then(function (r) { return r.ok ? r.json() : Promise.reject(r); });
      engine = Promise.all([import(new URL("assets/search-engine.js", here).href), index])
        .then(function (got) { return got[0].attach(box, got[1], here, setOpen); })
        .catch(function (error) {
          engine = null;
          meta.textContent = box.dataset.error;
          throw error;
        });
    }
    return engine;
  }

  /* A query is read up to 200 characters (search-results.js, MAX_QUERY): a pasted page of text costs no more. */
  function run() { return load().then(function (search) { search.run(input.value.slice(0, 200)); }, function () {}); }

  function open() {
    setOpen(true);
    input.focus();
    run();
  }

  document.addEventListener("keydown", function (event) {
    var key = event.key;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (key === "Escape" && toggle.checked) setOpen(false);
    else if ((key === "/" || key === "s" || key === "f") && !editable(event.target) && !box.contains(event.target)) open();
    else return;
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
  /* Enter takes the first result, once there is one. */
  box.querySelector("[data-g-search-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    load().then(function () { var first = box.querySelector("[data-g-search-results] a"); if (first) first.click(); }, function () {});
  });
  if (opener) opener.addEventListener("click", open);
  toggle.addEventListener("change", function () {
    setOpen(toggle.checked);
    if (toggle.checked) open();
  });
});
