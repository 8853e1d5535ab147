/* The guide's small enhancements. Everything here is optional: without JavaScript the pages show
   every step and every answer. Markup comes from the templates; this only shows and wires it. */
(function () {
  "use strict";

  function canonical() {
    var link = document.querySelector('link[rel="canonical"]');
    return link ? link.href.split("#")[0] : location.href.split("#")[0];
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
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
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

  /* "Copy link" on each step: the absolute address of that step in this language. */
  function initCopy(root) {
    root.querySelectorAll(".g-copy").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var url = canonical() + "#" + button.dataset.step;
        var label = button.textContent;
        copy(url).then(function () {
          button.textContent = button.dataset.done;
          announce(button.dataset.done);
          window.setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  /* "Can I still cancel?": two questions, one answer, taken from the full list in the page. */
  function initHelper(root) {
    var helper = root.querySelector(".g-helper");
    if (!helper) return;
    var form = helper.querySelector(".g-helper__picker");
    var all = helper.querySelector(".g-helper__all");
    var out = helper.querySelector(".g-helper__answer");
    form.hidden = false;
    all.classList.add("g-helper__all--print");
    function update() {
      var status = form.querySelector('input[name="helper-status"]:checked');
      var payment = form.querySelector('input[name="helper-payment"]:checked');
      if (!status || !payment) return;
      var answer = all.querySelector('[data-answer="' + status.value + ":" + payment.value + '"]');
      out.replaceChildren.apply(out, Array.prototype.map.call(answer.children, function (node) {
        return node.cloneNode(true);
      }));
    }
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  /* A shared link to a step lands on it and marks it briefly. */
  function highlightTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target || !target.classList.contains("g-step")) return;
    target.classList.remove("g-flash");
    void target.offsetWidth;
    target.classList.add("g-flash");
  }

  function init() {
    var root = document.querySelector("article") || document;
    initCopy(root);
    initHelper(root);
    highlightTarget();
  }

  window.addEventListener("hashchange", highlightTarget);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); /* Material's instant navigation: once per page */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
