/* The service worker of one language's site: sw.js in its folder, written by guide/postbuild/offline.py, which
   fills in the three values below. VERSION is the hash of the files it serves, so a build that changes any of
   them makes a new worker and a new cache, and the old cache is deleted when the new worker takes over.

   - Every request of this language (same origin, GET): the network first; what arrives is kept in the cache;
     without a network, the kept copy. A page never kept shows offline.html, which lists the pages that are.
   - On install: the offline page and the shared stylesheet and script (from the browser's own cache when it has
     them). When it takes over: the pages already open, from the browser's own cache.
   - "Save all" (a message from the home page, assets/site.js): every file of offline.json, nothing before. */

var VERSION = "%VERSION%";
var LANG = "%LANG%";
var OTHERS = %OTHERS%; /* other languages' folders inside this one: their own workers serve them */
var CACHE = "guide-" + LANG + "-" + VERSION;
var SCOPE = new URL("./", self.location.href).href;
var SHARED = ["offline.html", "assets/site.css", "assets/site.js"];

function ours(url) {
  if (url.indexOf(SCOPE) !== 0) return false;
  var rest = url.slice(SCOPE.length);
  return !OTHERS.some(function (folder) { return rest.indexOf(folder) === 0; });
}

/* One key per file: no #part or ?query, and a folder is its index.html. */
function key(url) {
  var u = new URL(url);
  u.hash = "";
  u.search = "";
  if (u.pathname.slice(-1) === "/") u.pathname += "index.html";
  return u.href;
}

function keep(cache, url, mode) {
  return fetch(new Request(url, { cache: mode || "default" })).then(function (res) {
    if (res.status === 200 && res.type === "basic") return cache.put(key(url), res);
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(SHARED.map(function (file) { return keep(cache, new URL(file, SCOPE).href, "force-cache"); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  var mine = "guide-" + LANG + "-";
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf(mine) === 0 && name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }).then(function () {
    return self.clients.matchAll({ type: "window", includeUncontrolled: true });
  }).then(function (open) {
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(open.filter(function (c) { return ours(c.url); }).map(function (c) {
        return keep(cache, key(c.url), "force-cache").catch(function () {});
      }));
    });
  }));
});

function fromCache(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(key(request.url)).then(function (hit) {
      if (hit) return hit;
      if (request.mode !== "navigate") return Response.error();
      return cache.match(new URL("offline.html", SCOPE).href).then(function (page) { return page || Response.error(); });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !ours(request.url)) return;
  event.respondWith(fetch(request).then(function (res) {
    if (res.status === 200 && res.type === "basic") {
      var copy = res.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(key(request.url), copy); }));
    }
    return res;
  }, function () { return fromCache(request); }));
});

/* "Save all": the files offline.json lists, except those already kept; answers {saved: true} or {saved: false}. */
function saveAll() {
  return fetch(new URL("offline.json", SCOPE).href, { cache: "no-cache" }).then(function (res) {
    return res.ok ? res.json() : Promise.reject(new Error("offline.json: " + res.status));
  }).then(function (list) {
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(list.files.map(function (file) {
        var url = new URL(file, SCOPE).href;
        return cache.match(url).then(function (hit) {
          if (hit) return;
          return fetch(url).then(function (res) {
            if (res.status !== 200) throw new Error(file + ": " + res.status);
            return cache.put(url, res);
          });
        });
      }));
    });
  });
}

self.addEventListener("message", function (event) {
  var port = event.ports && event.ports[0];
  if (!port || !event.data || event.data.save !== true) return;
  event.waitUntil(saveAll().then(
    function () { port.postMessage({ saved: true }); },
    function () { port.postMessage({ saved: false }); }
  ));
});
