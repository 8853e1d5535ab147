/* Light or dark: the reader's stored choice, else the phone's setting. Painted at once, before the first paint;
   the header's button (partials/header.html, data-g-palette) switches and remembers. */

var STORE = "g-palette";

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

ready(function () {
  var button = document.querySelector("[data-g-palette]");
  if (!button) return;
  paint(dark());
  button.addEventListener("click", function () {
    var next = root.getAttribute("data-md-color-scheme") !== "slate";
    try { localStorage.setItem(STORE, next ? "slate" : "default"); } catch (e) { /* private mode: not kept */ }
    paint(next);
  });
});
