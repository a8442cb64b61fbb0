// Ping'an Classroom service worker (written by the build from plugins/pingan/offline/worker.js).
// Precaches every language's home page (with its "Get help" box) and what it loads; caches each
// page a reader opens, with its quiz script, styles and pictures. Only this site's own files.
// The cache is named after the release: a new release's worker deletes the old cache.
"use strict";
const RELEASE = __RELEASE__;
const PRECACHE = __PRECACHE__;
const CACHE = "pingan-" + RELEASE;
const SCOPE = self.registration.scope;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, SCOPE).href)))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((n) => n.startsWith("pingan-") && n !== CACHE).map((n) => caches.delete(n))
      ))
      .then(() => self.clients.claim())
  );
});

function ours(url) {
  return url.origin === self.location.origin && url.href.startsWith(SCOPE);
}

// A page: the network first (a new release shows at once), the cache when offline.
async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = (await cache.match(request, { ignoreSearch: true })) ||
      (await cache.match(new URL("./", request.url).href));
    if (cached) return cached;
    throw error;
  }
}

// Styles, scripts, pictures: the cache first (they change only with a release), else the network.
async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !ours(url)) return;
  event.respondWith(request.mode === "navigate" ? page(request) : asset(request));
});

// The register script sends the page it runs on and the files the page loaded before this
// worker was in control (the first visit), so that page also opens offline next time.
self.addEventListener("message", (event) => {
  const urls = (event.data && event.data.pinganCache) || [];
  const wanted = urls.map((u) => new URL(u, SCOPE)).filter(ours).map((u) => u.href.split("#")[0]);
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(wanted.map((u) =>
      cache.match(u, { ignoreSearch: true }).then((hit) => hit || cache.add(u).catch(() => undefined))
    ))).then(() => event.source && event.source.postMessage({ pinganCached: wanted.length }))
  );
});
