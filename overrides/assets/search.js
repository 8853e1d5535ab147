// The guide's search box (overrides/partials/search.html): shortcuts, opening and closing, keys.
// Kept small because every page loads it: the engine and this language's index load on first use only.
// All listeners sit on the document, so they keep working when instant navigation swaps the page.
(() => {
  const root = new URL("..", document.currentScript.src);
  const toggle = () => document.getElementById("__search");
  const box = () => document.querySelector("[data-g-search]");
  const input = () => document.querySelector("[data-g-search-input]");
  const links = () => [...document.querySelectorAll("[data-g-search-results] a")];
  const editable = (el) => el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  let engine = null;

  function load() {
    if (!engine) {
      const meta = document.getElementById("g-search-meta");
      meta.textContent = box().dataset.loading;
      const index = fetch(new URL("search/index.json", root)).then((r) => (r.ok ? r.json() : Promise.reject(r)));
      engine = Promise.all([import(new URL("assets/search-engine.js", root)), index])
        .then(([module, data]) => module.attach(box(), data, root))
        .catch((error) => {
          engine = null;
          meta.textContent = box().dataset.error;
          throw error;
        });
    }
    return engine;
  }

  const run = () => load().then((search) => search.run(input().value), () => {});

  function open() {
    setOpen(true);
    input().focus();
    run();
  }

  function setOpen(on) {
    toggle().checked = on;
    document.querySelector("[data-g-search-open]")?.setAttribute("aria-expanded", String(on));
    if (!on && box().contains(document.activeElement)) document.activeElement.blur();
  }

  document.addEventListener("keydown", (event) => {
    const { key, target } = event;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target === input()) {
      if (key === "ArrowDown" && links().length) links()[0].focus();
      else if (key === "Escape") setOpen(false);
      else return;
    } else if (target.closest && target.closest("[data-g-search-results]")) {
      const all = links();
      const at = all.indexOf(target);
      if (key === "ArrowDown") all[Math.min(at + 1, all.length - 1)].focus();
      else if (key === "ArrowUp") (at > 0 ? all[at - 1] : input()).focus();
      else if (key === "Escape") setOpen(false);
      else return;
    } else if ((key === "/" || key === "s" || key === "f") && !editable(target)) {
      open();
    } else if (key === "Escape" && toggle().checked) {
      setOpen(false);
    } else return;
    event.preventDefault();
  });

  document.addEventListener("focusin", (event) => {
    if (event.target === input() && !toggle().checked) {
      setOpen(true);
      run();
    } else if (toggle().checked && !box().contains(event.target) && event.target !== toggle()) {
      setOpen(false); // the reader has tabbed on, past the search
    }
  });

  document.addEventListener("input", (event) => {
    if (event.target === input()) run();
  });

  document.addEventListener("submit", (event) => {
    if (!event.target.matches("[data-g-search-form]")) return;
    event.preventDefault();
    load().then(() => links()[0]?.click());
  });

  document.addEventListener("reset", (event) => {
    if (event.target.matches("[data-g-search-form]")) setTimeout(() => (input().focus(), run()));
  });

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-g-search-open]")) open();
    else if (event.target.closest("[data-g-search-results] a")) setOpen(false);
  });

  document.addEventListener("change", (event) => {
    if (event.target !== toggle()) return;
    setOpen(toggle().checked);
    if (toggle().checked) open();
  });
})();
