// Writes the service worker into Reflex's static export (called by pwa/build/service_worker.py
// after the pages are prerendered). Workbox precaches the app shell and compiled assets with
// content revisions, so a new deployment is a new worker, offered to the user as an update.
import { writeFileSync } from "node:fs";
import { generateSW, getManifest } from "workbox-build";

const [staticDir, buildId] = process.argv.slice(2);

// What is precached, and how (the same for the worker and for its list of keys below).
const files = {
  globDirectory: staticDir,
  globPatterns: ["**/*.{html,js,css,json,png,ico,svg,webmanifest,woff2}"],
  // The worker's own scripts are kept with it; sw_push.js is the unbundled source of
  // sw-push.js (pwa/build/service_worker.py).
  globIgnores: ["sw.js", "sw-routes.js", "sw-keys.js", "sw-push.js", "sw_push.js",
    "workbox-*.js", "**/__spa-fallback.html"],
  dontCacheBustURLsMatching: /\/assets\/.+-[A-Za-z0-9_-]{8,}\.(js|css)$/,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
};

const { count, size, warnings } = await generateSW({
  ...files,
  swDest: `${staticDir}/sw.js`,
  // Served before Workbox's own routes: page URLs with or without the trailing slash, and
  // cache look-ups that ignore the Vary header Reflex's server adds.
  // sw-push.js: notices pushed to a closed phone, and what a tap on one opens (web push).
  // sw-keys.js: each precached path's exact cache key (written below).
  importScripts: [`/sw-keys.js?build=${buildId}`, `/sw-routes.js?build=${buildId}`,
    `/sw-push.js?build=${buildId}`],
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/^v$/, /^utm_/],
  cacheId: "bhxh-wallet",
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  // A new version waits until the reader accepts the "update available" prompt.
  skipWaiting: false,
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
});
warnings.forEach((w) => console.warn(w));

// Each precached path -> the exact key Workbox stores it under (unhashed files get
// "?__WB_REVISION__=<hash>"), so sw-routes.js matches a page's files exactly instead of
// scanning every entry with `ignoreSearch`: on a cheap phone that scan made the offline card
// page wait ~100 ms for each of its scripts.
const { manifestEntries } = await getManifest(files);
const keys = Object.fromEntries(manifestEntries.map(({ url, revision }) => {
  const path = `/${url.replace(/^\//, "")}`;
  return [path, revision ? `${path}?__WB_REVISION__=${revision}` : path];
}));
writeFileSync(`${staticDir}/sw-keys.js`, `self.PRECACHE_KEYS = ${JSON.stringify(keys)};\n`);
console.log(`service worker: ${count} files, ${(size / 1024).toFixed(0)} KiB precached`);
