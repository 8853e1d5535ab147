/* Folded parts (guide/templates/group.html, meta.html: .g-fold): a heading that opens and closes its body, and
   "open all" (flow.html: .g-fold-all). A link to a step or a part opens the fold it is in and keeps the fold's title
   under the header (guide.css does both with :has(); older browsers need this), and brings it on screen. The
   header's height goes to --g-header, for that title and for where a linked step lands. */

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

function updateAll() {
  var all = document.querySelector(".g-fold-all");
  var folds = document.querySelectorAll(".g-fold");
  if (!all) return;
  var open = folds.length && Array.prototype.every.call(folds, isOpen);
  all.textContent = open ? all.dataset.close : all.dataset.open;
}

function mark(fold) {
  fold.classList.remove("g-fold--closed");
  fold.classList.add("g-fold--open", "g-fold--target");
}

/* The browser marks the linked step (:target) only once the page has loaded, long after its first paint: its part
   is opened here as soon as the step is parsed, before it is drawn, so nothing below it moves later. */
if (location.hash && window.MutationObserver) {
  var watch = new MutationObserver(function () {
    var target = byHash();
    if (target) {
      watch.disconnect();
      if (foldOf(target)) mark(foldOf(target));
    }
  });
  watch.observe(root, { childList: true, subtree: true });
  ready(function () { watch.disconnect(); });
}

ready(function () {
  var header = document.querySelector(".md-header");
  if (header && window.ResizeObserver) {
    new ResizeObserver(function () {
      root.style.setProperty("--g-header", header.getBoundingClientRect().height + "px");
    }).observe(header);
  }
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
});

onTarget(function () {
  var target = byHash();
  var fold = foldOf(target);
  each(".g-fold", function (other) {
    if (other === fold) mark(fold);
    else other.classList.remove("g-fold--target");
    sync(other);
  });
  updateAll();
  if (fold) {
    var box = target.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight) target.scrollIntoView();
  }
});
