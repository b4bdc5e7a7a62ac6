// Imported by the generated service worker (tools/build-sw.mjs) before Workbox's routes.
// Offline, a page must open from the precache whatever form its URL takes ("/card",
// "/card/", "/card/?view=image"), and look-ups must ignore the Vary header that Reflex's
// server sets on static files. Only same-origin GETs of the app shell are answered here;
// the API, the websocket and everything else go to the network untouched.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (/^\/(api|_event|_upload|ping|_health)(\/|$)/.test(url.pathname)) return;
  const candidates = [];
  if (request.mode === "navigate") {
    const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
    candidates.push(`${path}index.html`, url.pathname);
  } else {
    candidates.push(url.pathname);
  }
  event.respondWith((async () => {
    for (const candidate of candidates) {
      const hit = await caches.match(candidate, { ignoreSearch: true, ignoreVary: true });
      if (hit) return hit;
    }
    return fetch(request);
  })());
});
