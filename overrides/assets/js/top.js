/* Back to top (Material's .md-top, feature navigation.top; placed by guide.css in the corner under the thumb): shown
   while the reader scrolls up, more than a screen down, but never where it would cover a heading or what has focus.
   It takes the reader to the top and puts focus on the page's heading. */

ready(function () {
  var button = document.querySelector(".md-top");
  if (!button) return;
  var last = window.scrollY;

  function overlaps(a, b) {
    return a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
  }

  function covers() {
    var box = button.getBoundingClientRect();
    var under = Array.prototype.slice.call(document.querySelectorAll("h1, h2, h3, h4")); /* the levels the site has */
    var focused = document.activeElement;
    if (focused && focused !== document.body && focused !== button) under.push(focused);
    return under.some(function (el) { return overlaps(el.getBoundingClientRect(), box); });
  }

  function update(up) {
    button.hidden = !(up && window.scrollY > window.innerHeight) || covers();
  }

  window.addEventListener("scroll", function () {
    var y = window.scrollY;
    update(y < last);
    last = y;
  }, { passive: true });
  /* A part opened or closed moves the headings below it, without a scroll. */
  document.addEventListener("click", function () {
    if (!button.hidden) requestAnimationFrame(function () { update(true); });
  });
  button.addEventListener("click", function () {
    button.hidden = true;
    window.scrollTo(0, 0);
    var skip = document.querySelector("h1");
    if (skip) { skip.setAttribute("tabindex", "-1"); skip.focus(); }
  });
});
