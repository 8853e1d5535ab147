/* The language switch (partials/alternate.html) goes to the same page in the other language; with a script, to
   the same step or part too. */

onTarget(function () {
  var target = byHash();
  each(".g-lang__link", function (link) {
    if (!link.dataset.base) link.dataset.base = link.getAttribute("href");
    link.setAttribute("href", link.dataset.base + (target ? "#" + target.id : ""));
  });
});
