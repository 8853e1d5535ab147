/* Reading offline. The worker is sw.js in this language's folder (guide/postbuild/offline.py writes it, from
   guide/postbuild/sw.js). It is registered once the page has loaded and the phone is idle, so it costs the first
   view nothing, and only where it may run: over https, or on this computer (never from a file).
   The home page's "save all" button (overrides/main.html) is shown only here; a tap asks the worker to keep every
   file of offline.json; nothing is downloaded before it. (The offline page is drawn by the worker itself.) */

var allowed = "serviceWorker" in navigator && window.isSecureContext &&
  (location.protocol === "https:" || /^(localhost|127\.0\.0\.1|\[::1\])$/.test(location.hostname));

function register() {
  return navigator.serviceWorker.register(new URL("sw.js", here).href);
}

function saveAll(box) {
  var button = box.querySelector("[data-g-save-button]");
  var status = box.querySelector("[data-g-save-status]");
  button.disabled = true;
  status.textContent = box.getAttribute("data-busy");
  register().then(function () { return navigator.serviceWorker.ready; }).then(function (registration) {
    return new Promise(function (resolve, reject) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (e) { (e.data && e.data.saved ? resolve : reject)(); };
      registration.active.postMessage({ save: true }, [channel.port2]);
    });
  }).then(function () {
    status.textContent = box.getAttribute("data-done");
  }, function () {
    status.textContent = box.getAttribute("data-failed");
    button.disabled = false;
  });
}

ready(function () {
  if (!allowed) return;
  each("[data-g-save]", function (box) {
    box.hidden = false;
    box.querySelector("[data-g-save-button]").addEventListener("click", function () { saveAll(box); });
  });
  var later = window.requestIdleCallback || function (fn) { setTimeout(fn, 1); };
  var start = function () { later(function () { register().catch(function () {}); }); };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
});
