// Verify a signed card QR in the browser with WebCrypto, without network.
// Same wire format and the same four refusals as api/card/qr.py:
//   "BV1:" + base45(payload || r||s), payload = 11 "|"-separated UTF-8 fields.
// Reasons: qr_format, qr_unknown_key, qr_bad_signature, qr_expired.

const PREFIX = "BV1:";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const SIG_LEN = 64;
const FIELDS = 11;

export class QrError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/** Base45 (RFC 9285) to bytes; throws QrError("qr_format") on anything base45 cannot make. */
export function b45decode(text) {
  const values = Array.from(text, (ch) => {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new QrError("qr_format");
    return i;
  });
  if (values.length % 3 === 1) throw new QrError("qr_format");
  const out = [];
  for (let i = 0; i < values.length; i += 3) {
    if (i + 2 < values.length) {
      const n = values[i] + values[i + 1] * 45 + values[i + 2] * 2025;
      if (n > 0xffff) throw new QrError("qr_format");
      out.push(n >> 8, n & 0xff);
    } else {
      const n = values[i] + values[i + 1] * 45;
      if (n > 0xff) throw new QrError("qr_format");
      out.push(n);
    }
  }
  return new Uint8Array(out);
}

const day = (s) => {
  if (!/^\d{8}$/.test(s)) throw new QrError("qr_format");
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

/** Parse the signed payload into claims (dates as ISO strings). */
export function decodePayload(bytes) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    throw new QrError("qr_format");
  }
  const f = text.split("|");
  if (f.length !== FIELDS || f[0] !== "1" || !/^\d{10}$/.test(f[1])) {
    throw new QrError("qr_format");
  }
  return {
    code: f[1], fullName: f[2], dob: day(f[3]), sex: f[4], group: f[5],
    level: Number(f[6]), facility: f[7], validTo: day(f[8]), issuedAt: day(f[9]), kid: f[10],
  };
}

/** Import a JWK set ({keys: [...]}) into a kid -> CryptoKey map. */
export async function importKeys(jwks) {
  const keys = {};
  for (const jwk of (jwks && jwks.keys) || []) {
    const { kty, crv, x, y } = jwk;
    keys[jwk.kid] = await crypto.subtle.importKey(
      "jwk", { kty, crv, x, y, ext: true }, { name: "ECDSA", namedCurve: "P-256" },
      false, ["verify"]);
  }
  return keys;
}

/**
 * Check a scanned QR text against trusted keys (a kid -> CryptoKey map from importKeys).
 * Returns the claims or throws QrError. `today` is "YYYY-MM-DD" (defaults to local today).
 */
export async function verifyCardQr(text, keys, today) {
  text = String(text || "").trim();
  if (!text.startsWith(PREFIX)) throw new QrError("qr_format");
  const blob = b45decode(text.slice(PREFIX.length));
  if (blob.length <= SIG_LEN) throw new QrError("qr_format");
  const payload = blob.slice(0, blob.length - SIG_LEN);
  const signature = blob.slice(blob.length - SIG_LEN);
  const claims = decodePayload(payload);
  const key = keys[claims.kid];
  if (!key) throw new QrError("qr_unknown_key");
  const ok = await crypto.subtle.verify(
    { name: "ECDSA", hash: "SHA-256" }, key, signature, payload);
  if (!ok) throw new QrError("qr_bad_signature");
  const now = today || new Date(Date.now() - new Date().getTimezoneOffset() * 60000)
    .toISOString().slice(0, 10);
  if (claims.validTo < now) throw new QrError("qr_expired");
  return claims;
}

const KEYS_STORE = "card-keys";

/**
 * The issuer keys: fetched from /api/card-keys when online and kept in localStorage, so a
 * clinic that checked one card online can check the next one offline.
 */
export async function issuerKeys() {
  let jwks = null;
  try {
    const response = await fetch("/api/card-keys", { credentials: "omit" });
    if (response.ok) {
      jwks = await response.json();
      localStorage.setItem(KEYS_STORE, JSON.stringify(jwks));
    }
  } catch (e) {
    /* offline: use the stored copy */
  }
  if (!jwks) jwks = JSON.parse(localStorage.getItem(KEYS_STORE) || "null");
  return importKeys(jwks || { keys: [] });
}
