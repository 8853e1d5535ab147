/* The service worker of one language's site: sw.js in its folder, written by guide/postbuild/offline.py, which
   fills in the values below. VERSION is the hash of the files it serves, so a build that changes any of them makes
   a new worker and a new cache, and the old cache is deleted when the new worker takes over.

   - Every request of this language (same origin, GET): the network first; what arrives is kept in the cache;
     without a network, the kept copy. A page never kept gets the offline page: drawn here, in the site's language
     (OFFLINE: its words, escaped at build), with a link to each page that is kept (PAGES: file and title).
   - On install: the shared stylesheet and script, from the browser's own cache (they were just loaded). When it
     takes over: the pages already open, from the browser's own cache too. So the first view costs this file only.
     A worker that replaces an older one (a new build) asks the server instead (a 304 when a file is unchanged):
     the browser's own cache may still hold the old build's copy of the page that is open.
   - Only the worker of this version writes to its cache, and never makes it again once a newer worker has deleted
     it: an old worker still serving a page while the new one takes over would otherwise bring the old cache back,
     for good, beside the new one.
   - "Save all" (a message from the home page, assets/site.js): every file of offline.json, nothing before. */

var VERSION = "%VERSION%";
var LANG = "%LANG%";
var OTHERS = %OTHERS%; /* other languages' folders inside this one: their own workers serve them */
var OFFLINE = %OFFLINE%;
var PAGES = %PAGES%;
var CACHE = "guide-" + LANG + "-" + VERSION;
var SCOPE = new URL("./", self.location.href).href;
var SHARED = ["assets/site.css", "assets/site.js"];

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

/* This version's cache, or null once a newer worker has deleted it (caches.open would make it again). */
function ownCache() {
  return caches.has(CACHE).then(function (there) { return there ? caches.open(CACHE) : null; });
}

/* Keep a file unless the cache has it already (a copy the network just gave is never replaced by an older one). */
function keep(cache, url, mode) {
  return cache.match(key(url)).then(function (hit) {
    if (hit) return;
    return fetch(new Request(url, { cache: mode })).then(function (res) {
      if (res.status === 200 && res.type === "basic") return cache.put(key(url), res);
    });
  });
}

self.addEventListener("install", function (event) {
  var mode = self.registration.active ? "no-cache" : "force-cache"; /* a new build: ask the server */
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(SHARED.map(function (file) { return keep(cache, new URL(file, SCOPE).href, mode); }));
  }).then(function () { return self.skipWaiting(); }));
});

/* Taking over: the old caches of this language go, then the pages already open are kept. That keeping is not
   part of the activation, so no request waits on it. */
self.addEventListener("activate", function (event) {
  var mine = "guide-" + LANG + "-";
  var replaced = false;
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (name) { return name.indexOf(mine) === 0 && name !== CACHE; });
    replaced = old.length > 0;
    return Promise.all(old.map(function (name) { return caches.delete(name); }));
  }).then(function () {
    /* A page asked for while the worker starts is fetched at once, not after it (a slow phone's worker takes
       hundreds of milliseconds to start): the fetch handler takes that response. */
    return self.registration.navigationPreload ? self.registration.navigationPreload.enable() : null;
  }).then(function () { return self.clients.claim(); }).then(function () { keepOpen(replaced); }));
});

function keepOpen(replaced) {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (open) {
    return ownCache().then(function (cache) {
      if (!cache) return;
      return Promise.all(open.filter(function (c) { return ours(c.url); }).map(function (c) {
        return keep(cache, c.url.split("#")[0], replaced ? "no-cache" : "force-cache").catch(function () {});
      }));
    });
  });
}

/* The offline page: the site's words and stylesheet, and a link to each page this cache holds. */
function offlinePage(cache) {
  return (cache ? cache.keys() : Promise.resolve([])).then(function (requests) {
    var kept = requests.map(function (r) { return r.url; });
    var links = PAGES.filter(function (p) { return kept.indexOf(SCOPE + p[0]) >= 0; }).map(function (p) {
      return '<li><a href="' + SCOPE + p[0] + '">' + p[1] + "</a></li>";
    });
    var body = OFFLINE.head + '<link rel="stylesheet" href="' + SCOPE + 'assets/site.css">' + OFFLINE.top +
      (links.length ? OFFLINE.saved + "<ul data-g-saved>" + links.join("") + "</ul>" : OFFLINE.none) + OFFLINE.end;
    return new Response(body, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  });
}

function fromCache(request) {
  return ownCache().then(function (cache) {
    return (cache ? cache.match(key(request.url)) : Promise.resolve(undefined)).then(function (hit) {
      if (hit) return hit;
      return request.mode === "navigate" ? offlinePage(cache) : Response.error();
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !ours(request.url)) return;
  var network = request.mode === "navigate" && event.preloadResponse ?
    event.preloadResponse.then(function (res) { return res || fetch(request); }) : fetch(request);
  event.respondWith(network.then(function (res) {
    if (res.status === 200 && res.type === "basic") {
      var copy = res.clone();
      event.waitUntil(ownCache().then(function (cache) { return cache && cache.put(key(request.url), copy); }));
    }
    return res;
  }, function () { return fromCache(request); }));
});

/* "Save all": the files offline.json lists, except those already kept; answers {saved: true} or {saved: false}. */
function saveAll() {
  return fetch(new URL("offline.json", SCOPE).href, { cache: "no-cache" }).then(function (res) {
    return res.ok ? res.json() : Promise.reject(new Error("offline.json: " + res.status));
  }).then(function (list) {
    return ownCache().then(function (cache) {
      if (!cache) throw new Error("a newer version has taken over: reload the page");
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
