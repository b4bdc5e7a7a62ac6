// The card's early paint reads the store from the first line of the card page's head: this
// module starts that read once per page load and hands it on. assets/card_start.js (inline
// in the prerendered /card page, see pwa/build/browser_modules.py) calls it as the head is
// parsed, before any file has been asked of the service worker; assets/card_boot.js, which
// arrives later, takes the same read (or starts it, where the page had no inline start).

import { peekCard } from "./sync/store.js";

/** Whether this page load is the card screen's use view (the one the early paint draws). */
export function onCardPage() {
  return /^\/card(\/|\.html)?$/.test(window.location.pathname);
}

/**
 * The promise of the card's decrypted summary and live credential ({card, cred}, or null
 * when locked to a passkey or not stored yet), or null when the early paint has nothing to
 * do on this page. (The device key is read by card_boot.js, which signs with it.)
 */
export function cardRead() {
  if (self.BHXH_CARD_READ !== undefined) return self.BHXH_CARD_READ;
  let read = null;
  // The use view only (the card screen opens on the card image for "?view=image").
  if (onCardPage() && window.indexedDB && !window.location.search.includes("view=image")) {
    performance.mark("boot:start");
    read = peekCard();
    read.catch(() => null); // a failure is the early paint's to handle
  }
  self.BHXH_CARD_READ = read;
  return read;
}
