/* The drawer (Material's navigation, off-screen below 76.25em) opens from the header's menu button
   (partials/header.html, .g-menu: a button, so Enter and Space work); focus moves in, Escape closes it. */

ready(function () {
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
});
