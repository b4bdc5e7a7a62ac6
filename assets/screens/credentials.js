// The live credential (bound to this phone's device key) and the light QR, kept in the
// encrypted store as the document "credential:1" so the card screen shows them offline, and
// renewed whenever the phone is online and one runs low (POST /api/me/card/credentials).
import { deviceFetch, deviceSign, fromB64url, serverNow } from "../device.js";
import { makeLiveQr } from "../card_qr.js";
import * as store from "../sync/store.js";

const LIVE_RENEW_DAYS = 7; // renew a 14-day credential once half of it is gone
const LIGHT_RENEW_SECONDS = 24 * 3600; // and a 48-hour light QR after a day
let asking = null;

const today = () => new Date(serverNow() * 1000).toISOString().slice(0, 10);
const daysLeft = (iso) => (Date.parse(iso) - Date.parse(today())) / 86400000;

// A credential made for another version of the card (a new primary-care facility, a card
// re-issued: the old one is revoked) must not make codes: the printed code, synced with the
// card, is shown until a new credential comes.
const forOtherCard = (cred, card) => Boolean(card && card.version && cred && cred.card_version !== card.version);

/** Whether the live credential can still make a code today for this card. */
export const liveUsable = (cred, card) => Boolean(cred && cred.live
  && daysLeft(cred.live_not_after) >= 0 && !forOtherCard(cred, card));
/** Whether the light QR is still within its lifetime. */
export const lightUsable = (cred) => Boolean(cred && cred.light && cred.light_expires > serverNow());

function wanted(cred, card) {
  return !cred || !cred.live || forOtherCard(cred, card) || daysLeft(cred.live_not_after) < LIVE_RENEW_DAYS
    || cred.light_expires - serverNow() < LIGHT_RENEW_SECONDS;
}

/** Ask the server for new credentials when online and these run low or were made for another
 * version of `card` (one request at a time). */
export function refreshCredentials(cred, card) {
  if (!wanted(cred, card) || !navigator.onLine || asking) return asking || Promise.resolve(false);
  asking = deviceFetch("/api/me/card/credentials", { method: "POST", body: "{}" })
    .then((r) => (r.ok ? r.json() : null))
    .then((fresh) => (fresh ? store.putDoc("credential", "1", fresh).then(() => true) : false))
    .catch(() => false)
    .finally(() => {
      asking = null;
    });
  return asking;
}

/** The live QR text for now: the credential and the current time, signed by this phone. */
export async function liveQrText(cred) {
  const sign = async (bytes) => fromB64url(await deviceSign(bytes));
  return makeLiveQr(fromB64url(cred.live), serverNow(), sign);
}
