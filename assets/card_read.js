// The card's early paint (assets/card_boot.js) reads the card from the store with this, once
// per page load. The records come from the service worker when it read them for this page
// (still sealed: they are decrypted here, with the key read beside them), else from the
// store directly.

import { peekCard } from "./sync/store.js";
import { knownDeviceKey } from "./device.js";

/**
 * The card's sealed records as the service worker read them while it answered this page's
 * request (assets/sw-routes.js), or null (no worker, nothing read, no answer in time). The
 * worker had them long before this page could open the store itself: on a cold start the
 * page's own IndexedDB answers wait behind its first layout, a hundred milliseconds and more.
 */
function fromWorker() {
  const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data || null);
    worker.postMessage({ type: "card-read" }, [channel.port2]);
    setTimeout(() => resolve(null), 1000);
  });
}

/** Whether this page load is the card screen's use view (the one the early paint draws). */
export function onCardPage() {
  return /^\/card(\/|\.html)?$/.test(window.location.pathname);
}

/**
 * The promise of the card's decrypted summary and live credential ({card, cred}, or null
 * when locked to a passkey or not stored yet), or null when the early paint has nothing to
 * do on this page. The device key, which signs the live code, is handed to device.js when
 * the service worker read it too; card_boot.js asks device.js for it.
 */
export function cardRead() {
  // The holder's use view only (the card screen opens on the card image for "?view=image",
  // on a child's card for "?child=<code>": the holder's card must not flash up first).
  const query = window.location.search;
  if (!onCardPage() || !window.indexedDB || query.includes("view=image") || query.includes("child=")) {
    return null;
  }
  return fromWorker().then((given) => {
    if (given) knownDeviceKey(given.device);
    return peekCard(given || undefined);
  });
}
