// The card's early paint. Opening the app offline on a cheap phone, the whole React bundle
// takes over a second to load; the card must be readable before that. This script (no React;
// the first script of every page's head, bundled into one file by
// pwa/build/browser_modules.py) acts on /card only: it starts reading the card and the live
// credential from the store while the page is still being parsed, decrypts them as the store
// does, and paints the holder, the card number and the printed code over the page's
// "loading" panel; then signs the live code with the device key as the card screen does and
// puts it in the printed one's place. The card screen (assets/screens/card_codes.jsx) takes
// over in one frame, keeping this very live code until its 30 seconds are up, and removes
// the overlay.
//
// It does nothing when the records are locked to a passkey, when nothing is stored yet, or
// when the card screen already shows the card: the app then behaves as it always did.
// While it may paint, the page's own frame (header, tabs, bottom bar) is kept out of layout,
// the longest step before the card could be painted (assets/card_frame.js).
// Performance marks ("boot:…", "painted:card-qr-…") feed the offline-start benchmark.
import qrcode from "qrcode-generator";
import STRINGS from "./i18n/card_strings.js";
import { qrPath } from "./qr_svg.js";
import { printedSvg } from "./printed_qr.js";
import { cardRead, onCardPage } from "./card_read.js";
import { holdFrame, releaseFrame } from "./card_frame.js";
import { liveQrText, liveUsable } from "./screens/credentials.js";
import { deviceKey, serverNow } from "./device.js";
import { RENEW_SECONDS, vietnamToday } from "./card_qr.js";

const SVG = "http://www.w3.org/2000/svg";
// The live code is made with one mask pattern, not the best of eight: a valid QR code all the
// same, made in a fraction of the time (the card screen draws its own codes as usual).
const MASK = 0;

/** The reader's language was set on <html> by /lang_boot.js before anything was painted. */
function translator() {
  const table = STRINGS[document.documentElement.lang] || {};
  return (msgid) => table[msgid] || msgid;
}

function el(tag, attrs = {}, ...children) {
  const node = tag === "svg" || tag === "path" || tag === "rect" || tag === "title"
    ? document.createElementNS(SVG, tag) : document.createElement(tag);
  Object.entries(attrs).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.append(child));
  return node;
}

/** The same SVG as the card screen's QrSvg, marked as painted by this script. */
function qrSvg(text, title) {
  const { n, path } = qrPath(qrcode, text, MASK);
  return el("svg", { viewBox: `0 0 ${n + 4} ${n + 4}`, class: "qr", id: "card-qr",
    "data-kind": "live", role: "img", width: "280", height: "280",
    "data-version": String((n - 17) / 4), "data-text": text, "data-boot": "1",
    "shape-rendering": "crispEdges" },
  el("title", {}, title), el("rect", { width: n + 4, height: n + 4, fill: "#fff" }),
  el("path", { d: path, fill: "#0b2545" }));
}

/** The printed code: the server's drawing as inline SVG when it reads as one (cheaper than an
 * SVG image on a slow phone, see printed_qr.js), else the stored image itself. */
function printedCode(card, title) {
  const code = printedSvg(card.qr_svg, title) || el("img", { src: card.qr_svg, alt: title });
  Object.entries({ class: "qr", id: "card-qr", "data-kind": "printed", "data-text": card.qr_text,
    "data-boot": "1", width: "280", height: "280" })
    .forEach(([name, value]) => code.setAttribute(name, value));
  return code;
}

function daysLeft(validTo) {
  const today = vietnamToday();
  return Math.round((Date.parse(validTo) - Date.parse(today)) / 86400000);
}

function clock() {
  return el("p", { class: "live-clock", "aria-live": "off" },
    el("span", { class: "live-dot", "aria-hidden": "true" }),
    new Date(serverNow() * 1000).toLocaleTimeString(undefined, { hour12: false }));
}

function captionOf(kind, canLive, t) {
  if (kind === "live") {
    return t("Live code: it changes every 30 seconds and only this phone can make it. A photo or screenshot of it stops working after two minutes.");
  }
  return canLive
    ? t("Printed code: the same as on the printed card. A clinic sees it as valid but not tied to this phone.")
    : [t("Show this code at the clinic. It is signed and can be checked without network."),
      t("The live code appears once this phone has been online.")].join(" ");
}

/** The tabs as the card screen draws them; they work once it has taken over. */
function tabs(kind, t) {
  const tab = (name, label) => el("button", { type: "button", role: "tab",
    "aria-selected": String(name === kind), class: name === kind ? "tab active" : "tab" },
  t(label));
  return el("div", { class: "tabs tabs-small", role: "tablist", "aria-label": t("Which code to show") },
    tab("live", "Live"), tab("light", "Light"), tab("printed", "Printed"));
}

/** "Copy number", working already (the card screen has the same button in the same place). */
function copy(number, t) {
  const button = el("button", { type: "button", class: "btn btn-small" }, t("Copy number"));
  button.addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(number));
  return button;
}

function overlay(card, code, caption, t) {
  const photo = card.photo
    ? el("img", { src: card.photo, alt: t("Photo of the card holder"), class: "photo",
      width: "96", height: "128" })
    : el("div", { class: "photo", role: "img", "aria-label": t("Photo of the card holder") });
  // Only the plain "valid" badge: the warnings need dates and plurals in the reader's
  // language, which the card screen formats a moment later.
  const badge = daysLeft(card.valid_to) > 30 ? el("p", { class: "badge badge-ok" }, t("Valid"))
    : el("p", { class: "badge" }, "\u00a0");
  return el("section", { id: "card-boot", class: "panel card-use card-boot" },
    el("div", { class: "card-head" }, photo,
      // elementtiming: the offline-start benchmark reads when the card was on screen.
      el("div", {}, el("p", { class: "holder", elementtiming: "card-boot" }, card.full_name),
        el("p", { class: "card-number" }, card.number), badge, copy(card.number, t))),
    el("figure", { class: "qr-box" }, tabs("printed", t), code, el("figcaption", {}, caption)));
}

/** Over the page's "loading" panel, unless the card screen got there first; it follows that
 * panel when the page above it changes (the offline banner appears once the app runs), and
 * goes as soon as the app has moved to another page without showing the card (a session
 * signed out or moved elsewhere lands on the login page: the card must not stay over it). */
function place(node) {
  const waiting = () => document.querySelector("#main > section.panel");
  if (!onCardPage() || !waiting() || document.querySelector("#main .card-use")) return false;
  const follow = () => {
    const panel = waiting();
    if (!panel) return;
    const box = panel.getBoundingClientRect();
    Object.assign(node.style, { top: `${box.top + window.scrollY}px`,
      left: `${box.left + window.scrollX}px`, width: `${box.width}px` });
  };
  follow();
  document.body.append(node);
  const watch = new ResizeObserver(() => (node.isConnected ? follow() : watch.disconnect()));
  watch.observe(document.body);
  const leave = new MutationObserver(() => {
    if (node.isConnected && !onCardPage()) node.remove();
    if (node.isConnected) return;
    leave.disconnect();
    releaseFrame(); // the page's frame with it (the card screen lets it go as well)
  });
  leave.observe(document.body, { childList: true, subtree: true });
  return true;
}

/** Resolves once the frame showing `kind` has been drawn: "painted:…" is marked as that
 * frame starts, "drawn:…" once the page's main thread has laid it out and painted it. */
function painted(kind) {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      performance.mark(`painted:card-qr-${kind}`);
      setTimeout(() => {
        performance.mark(`drawn:card-qr-${kind}`);
        resolve();
      }, 0);
    });
  });
}

/** Resolves once the frame showing the photo has started, marked; after its decode. The code
 * and the rest of the card are not held back for it: they go on the page first, the photo's
 * frame (the same size, empty) with them. Waiting for it held the code back behind whatever
 * kept the page's main thread busy when the image finished loading, up to a hundred
 * milliseconds at 4x CPU. The live code's drawing waits for it instead (its signature does
 * not), so that it does not keep the photo out for longer (it did, by ~100 ms at 4x CPU). */
function photoShown(img) {
  if (!img) return Promise.resolve();
  return img.decode().then(() => new Promise((resolve) => requestAnimationFrame(() => {
    performance.mark("painted:card-photo");
    resolve();
  })), () => null);
}

/** Once the parser has reached the page's loading panel (the store is read meanwhile). */
function panelParsed() {
  const ready = () => document.querySelector("#main > section.panel");
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (!ready()) return;
      watch.disconnect();
      resolve();
    });
    watch.observe(document, { childList: true, subtree: true });
  });
}

/** Paints the card over the loading panel; whether it did (false: the page is left as it was). */
async function paint() {
  const records = cardRead(); // from the service worker, which has read them meanwhile
  if (!records) return false;
  // Before the page's first layout: this script runs while the parser waits for the head's
  // other scripts, and the card page waits for it before its first frame (`blocking`, see
  // pwa/build/browser_modules.py).
  holdFrame();
  performance.mark("boot:script");
  const { card, cred } = (await records) || {};
  if (!card) return false;
  // Given by the service worker with the records, as a rule (else read from the store now).
  const keyRead = deviceKey(false).catch(() => null);
  await panelParsed();
  const t = translator();
  const title = t("Health insurance card QR code");
  const canLive = liveUsable(cred, card);
  // First the printed code: drawn by the server and stored with the card, so it costs no
  // signature and no QR encoding (a cold run of the encoder alone takes a few hundred
  // milliseconds on a slow phone). The live code replaces it as soon as it is signed and drawn.
  const printed = printedCode(card, title);
  const node = overlay(card, printed, captionOf("printed", canLive, t), t);
  // A code drawn as an image is decoded before it goes on the page, so that it appears in the
  // frame the mark below counts, not one or two frames later.
  if (printed.tagName === "IMG") await printed.decode().catch(() => null);
  if (!place(node)) return false;
  const photo = photoShown(node.querySelector("img.photo"));
  await painted("printed");
  // The printed code stays should the live one fail.
  await liveCode(node, printed, cred, canLive && keyRead, t, title, photo).catch(() => null);
  return true;
}

/** Then the live code in the printed one's place, once signed (`keyRead`: the device key)
 * and once the photo is on screen (`photo`: the code's drawing would keep it out longer). */
async function liveCode(node, printed, cred, keyRead, t, title, photo) {
  if (!keyRead || !(await keyRead)) return;
  const signing = liveQrText(cred).catch(() => ""); // WebCrypto: off the main thread
  await photo;
  const live = await signing;
  performance.mark("boot:signed");
  if (!live || !node.isConnected) return; // the card screen took over meanwhile
  const code = qrSvg(live, title);
  performance.mark("boot:drawn");
  node.querySelector(".qr-box .tabs").replaceWith(tabs("live", t));
  printed.replaceWith(code);
  code.after(clock());
  node.querySelector("figcaption").textContent = captionOf("live", true, t);
  // The card screen picks these up to show the same code, without a second signature.
  self.BHXH_CARD_BOOT = { cred, live, at: Date.now() };
  await painted("live");
  // Should the app be slow to come, the code is renewed as the card screen would renew it.
  const renew = setInterval(async () => {
    const next = node.isConnected ? await liveQrText(cred).catch(() => "") : "";
    if (!next || !node.isConnected) {
      if (!node.isConnected) clearInterval(renew);
      return;
    }
    node.querySelector("#card-qr").replaceWith(qrSvg(next, title));
    node.querySelector(".live-clock").replaceWith(clock());
    self.BHXH_CARD_BOOT = { cred, live: next, at: Date.now() };
  }, RENEW_SECONDS * 1000);
}

// Any failure or nothing to paint leaves the page, frame and all, to the card screen.
paint().then((shown) => shown || releaseFrame(), () => releaseFrame());
