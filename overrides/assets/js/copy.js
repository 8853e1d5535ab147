/* Copy a link to one step (guide/templates/step.html) or one answer (helper.js makes its button): any button
   .g-copy copies this page's address with #data-target, and says data-done to screen readers. */

function canonical() {
  var link = document.querySelector('link[rel="canonical"]');
  return (link ? link.href : location.href).split("#")[0];
}

function announce(text) {
  var live = document.getElementById("g-live");
  if (!live) {
    live = document.createElement("p");
    live.id = "g-live";
    live.className = "g-sr";
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);
  }
  live.textContent = "";
  window.setTimeout(function () { live.textContent = text; }, 50);
}

function copy(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  var area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  document.body.removeChild(area);
  return Promise.resolve();
}

/* One listener for every copy button, those on the page and those a component adds later. */
ready(function () {
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".g-copy");
    if (!button) return;
    copy(canonical() + "#" + button.dataset.target).then(function () { announce(button.dataset.done); });
  });
});
