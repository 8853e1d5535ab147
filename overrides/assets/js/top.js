/* Back to top (Material's .md-top, feature navigation.top): shown while the reader scrolls up, more than a screen
   down; it takes them to the top and puts focus on the page's heading. */

ready(function () {
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
});
