// The clinic's verdict on a scanned card QR, checked in the browser with no network.
//
// Contract (what check.jsx renders; the QR engineer will replace the body of checkScanned
// with assets/card_qr.js `verifyAny`, keeping this shape):
//   checkScanned(text) -> Promise of
//     {ok: true, kind: "static" | "live" | "light" | "lookup", holderBound: boolean, claims}
//     {ok: false, reason}
//   claims: {code, fullName, dob, sex, group, level, facility, validTo, issuedAt?, kid?}
//     (dates "YYYY-MM-DD"; level is the benefit level in percent)
//   reason: qr_format, qr_unknown_key, qr_bad_signature, qr_expired, qr_not_yet_valid,
//     qr_revoked, qr_stale, qr_wrong_device (anything else is shown as qr_format).
// It never throws.
import { issuerKeys, verifyCardQr } from "../card_qr.js";

let keys = null;

/** Fetch the issuer key set when online (kept in localStorage for offline checks). */
export function refreshKeys() {
  keys = issuerKeys();
  return keys;
}

export async function checkScanned(text) {
  try {
    let trusted = await (keys || refreshKeys());
    let claims;
    try {
      claims = await verifyCardQr(text, trusted);
    } catch (e) {
      // A key published since this page was opened: fetch the set once more, if online.
      if (!(e && e.reason === "qr_unknown_key") || !navigator.onLine) throw e;
      trusted = await refreshKeys();
      claims = await verifyCardQr(text, trusted);
    }
    return { ok: true, kind: "static", holderBound: false, claims };
  } catch (e) {
    return { ok: false, reason: (e && e.reason) || "qr_format" };
  }
}
