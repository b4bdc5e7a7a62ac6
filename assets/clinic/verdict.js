// The clinic's verdict on a scanned card QR, checked in the browser with no network, against
// the issuer keys and the revocation list this device keeps (trust.js): the same checks, in
// the same order, as api/card/verifier.py (docs/qr-format.md).
//
//   checkScanned(text) -> Promise of
//     {ok: true, kind: "static" | "live" | "light" | "lookup", holderBound: boolean, claims}
//     {ok: false, kind, reason}
//   claims: {code, fullName, dob, sex?, group?, level?, facility?, validTo, issuedAt?, kid?}
//     (dates "YYYY-MM-DD"; level is the benefit level in percent; a light QR has no sex,
//     group, level or facility)
//   reason: qr_format, qr_unknown_key, qr_bad_signature, qr_expired, qr_not_yet_valid,
//     qr_revoked, qr_stale, qr_wrong_device.
// It never throws.
import { issuerKeys, verifyAny } from "../card_qr.js";
import { loadTrust, syncRevocations } from "./trust.js";

let trust = null;
const watchers = new Set();

/** Call `fn({count, checkedAt})` whenever the trust verdicts use changes (the desk shows
 * how many revoked entries it holds and when the list was last checked); returns the
 * function that stops it. */
export function watchTrust(fn) {
  watchers.add(fn);
  return () => watchers.delete(fn);
}

function using(promise) {
  trust = promise.then((held) => {
    // Only the newest refresh speaks: an older one finishing late must not be shown.
    if (trust === mine) watchers.forEach((fn) => fn({ count: held.revoked.size, checkedAt: held.checkedAt }));
    return held;
  });
  const mine = trust;
  return trust;
}

/** Fetch the issuer keys and bring the revocation list up to date, when online. */
export function refreshKeys() {
  return using(issuerKeys(true)
    .then((keys) => syncRevocations().then(() => loadTrust(keys)))
    .catch(() => loadTrust()));
}

const EVERY = 10 * 60 * 1000; // a desk page stays open all day: sync the list this often

/** Refresh now (when online), when the network returns and every ten minutes; returns the
 * function that stops it. */
export function keepTrustFresh() {
  const again = () => navigator.onLine && refreshKeys();
  if (navigator.onLine) refreshKeys();
  else using(loadTrust());
  window.addEventListener("online", again);
  const timer = setInterval(again, EVERY);
  return () => {
    window.removeEventListener("online", again);
    clearInterval(timer);
  };
}

export async function checkScanned(text) {
  try {
    let verdict = await verifyAny(text, await (trust || refreshKeys()));
    // A key published since this page was opened: fetch the set once more, if online.
    if (!verdict.ok && verdict.reason === "qr_unknown_key" && navigator.onLine) {
      verdict = await verifyAny(text, await refreshKeys());
    }
    return verdict;
  } catch (e) {
    return { ok: false, kind: "unknown", reason: "qr_format" };
  }
}
