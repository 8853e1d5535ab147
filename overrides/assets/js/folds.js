/* Folded parts (guide/templates/group.html, meta.html: .g-fold): a heading that opens and closes its body, and
   "open all" (flow.html: .g-fold-all). A link to a step or a part opens the fold it is in (browsers without :has()
   need this), marks a step, and brings it on screen. */

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

ready(function () {
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
  if (fold) {
    fold.classList.remove("g-fold--closed");
    fold.classList.add("g-fold--open");
  }
  each(".g-fold", sync);
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
});
