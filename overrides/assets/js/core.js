/* What every component shares, and the start. site.js is this file, then each component in its own function
   scope (guide/postbuild/scripts.py joins them), all inside one function, so nothing here reaches the page's
   global scope and no component sees another's names: they meet only through the page and through this file.

   At once, before the page is drawn: <html> gets "js", so the page takes its final layout (folded parts, the
   helpers' questions) before its first paint. Then, once the page is parsed, every component's start runs, in the
   order of the bundle; then what each does for the part the address names (#...), and again whenever it changes. */

var root = document.documentElement;
/* The language's site root (the folder above assets/), for the files search loads on first use. */
var here = document.currentScript && document.currentScript.src
  ? new URL("..", document.currentScript.src)
  : new URL("./", location.href);
var starts = [];
var targets = [];

root.classList.remove("no-js");
root.classList.add("js");

/* ready(fn): run fn once the page is parsed. onTarget(fn): run fn then, and whenever the #part changes. */
function ready(fn) { starts.push(fn); }
function onTarget(fn) { targets.push(fn); }

/* The element the address's #part names, if it is on this page (a broken %-escape names nothing). */
function byHash() {
  var id;
  try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return null; }
  return id ? document.getElementById(id) : null;
}

function each(selector, fn) {
  Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
}

function targeted() { targets.forEach(function (fn) { fn(); }); }

function start() {
  starts.forEach(function (fn) { fn(); });
  targeted();
}

window.addEventListener("hashchange", targeted);

/* Every component has registered once the whole bundle has run: start after it, never before. */
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else Promise.resolve().then(start);
