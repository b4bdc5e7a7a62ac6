// Verify any card QR in the browser with WebCrypto, without network: the static (printed)
// QR, the live holder-bound QR and the light QR. Same wire formats, same checks in the same
// order as api/card/verifier.py; both are tested against tests/vectors/vectors.json and
// docs/qr-format.md describes the bytes.
// Order: format -> issuer key known -> issuer signature -> revoked -> not yet valid ->
// expired -> (live) device signature -> (live) freshness.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const SIG_LEN = 64;
const KEY_LEN = 33;
export const STATIC_PREFIX = "BV1:";
export const LIVE_PREFIX = "BVD1:";
export const LIGHT_PREFIX = "BVI1:";
export const RENEW_SECONDS = 30;
export const FRESH_SECONDS = 120;
export const FUTURE_SECONDS = 60;
const ES256 = { name: "ECDSA", hash: "SHA-256" };
const P256 = { name: "ECDSA", namedCurve: "P-256" };
const utf8 = new TextEncoder();

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

/** Bytes to base45 (the phone builds its live QR with this). */
export function b45encode(bytes) {
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i] * 256 + bytes[i + 1];
    const c = n % 45;
    n = (n - c) / 45;
    out += ALPHABET[c] + ALPHABET[n % 45] + ALPHABET[(n - (n % 45)) / 45];
  }
  if (bytes.length % 2) {
    const n = bytes[bytes.length - 1];
    out += ALPHABET[n % 45] + ALPHABET[(n - (n % 45)) / 45];
  }
  return out;
}

const day = (s) => {
  if (!/^\d{8}$/.test(s)) throw new QrError("qr_format");
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw new QrError("qr_format");
  }
  return iso;
};

function fields(bytes, tag, count) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    throw new QrError("qr_format");
  }
  const f = text.split("|");
  if (f.length !== count || f[0] !== tag) throw new QrError("qr_format");
  return f;
}

const code = (s) => {
  if (!/^\d{10}$/.test(s)) throw new QrError("qr_format");
  return s;
};
const level = (s) => {
  if (!/^\d+$/.test(s)) throw new QrError("qr_format");
  return Number(s);
};

/** Parse a static QR's signed payload into claims (dates as ISO strings). */
export function decodePayload(bytes) {
  const f = fields(bytes, "1", 11);
  return {
    code: code(f[1]), fullName: f[2], dob: day(f[3]), sex: f[4], group: f[5],
    level: level(f[6]), facility: f[7], validTo: day(f[8]), issuedAt: day(f[9]), kid: f[10],
  };
}

function decodeCredential(bytes) {
  if (bytes.length <= KEY_LEN || (bytes[0] !== 2 && bytes[0] !== 3)) {
    throw new QrError("qr_format");
  }
  const f = fields(bytes.slice(KEY_LEN), "D1", 13);
  return {
    deviceKey: bytes.slice(0, KEY_LEN), code: code(f[1]), fullName: f[2], dob: day(f[3]),
    sex: f[4], group: f[5], level: level(f[6]), facility: f[7], validFrom: day(f[8]),
    validTo: day(f[9]), issuedAt: day(f[10]), notAfter: day(f[11]), kid: f[12],
  };
}

function decodeLight(bytes) {
  const f = fields(bytes, "I1", 8);
  if (!/^\d{1,12}$/.test(f[6])) throw new QrError("qr_format");
  return {
    code: code(f[1]), fullName: f[2], dob: day(f[3]), validTo: day(f[4]),
    issuedAt: day(f[5]), expires: Number(f[6]), kid: f[7],
  };
}

// ---- keys ---------------------------------------------------------------------------------
/** Import a JWK set ({keys: [...]}) into a kid -> CryptoKey map. */
export async function importKeys(jwks) {
  const keys = {};
  for (const jwk of (jwks && jwks.keys) || []) {
    const { kty, crv, x, y } = jwk;
    keys[jwk.kid] = await crypto.subtle.importKey(
      "jwk", { kty, crv, x, y, ext: true }, P256, false, ["verify"]);
  }
  return keys;
}

// P-256: y^2 = x^3 - 3x + b (mod p). p = 3 (mod 4), so a square root is a power.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

function modPow(base, exp, mod) {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

const toBig = (bytes) => BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`);
const toBytes32 = (n) => Uint8Array.from(n.toString(16).padStart(64, "0").match(/../g),
  (h) => parseInt(h, 16));

/** A SEC1 compressed P-256 key (33 bytes) as a WebCrypto verify key; WebCrypto itself
 * imports only the uncompressed form, so the point is decompressed here. */
export async function importCompressed(bytes) {
  const x = toBig(bytes.slice(1));
  if (x >= P) throw new QrError("qr_format");
  const rhs = (((x * x * x - 3n * x + B) % P) + P) % P;
  let y = modPow(rhs, (P + 1n) / 4n, P);
  if ((y * y) % P !== rhs) throw new QrError("qr_format");
  if (Number(y & 1n) !== (bytes[0] & 1)) y = P - y;
  const raw = new Uint8Array(65);
  raw[0] = 4;
  raw.set(bytes.slice(1), 1);
  raw.set(toBytes32(y), 33);
  try {
    return await crypto.subtle.importKey("raw", raw, P256, false, ["verify"]);
  } catch (e) {
    throw new QrError("qr_format");
  }
}

// ---- revocation entries -------------------------------------------------------------------
const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

async function entry(bytes) {
  return hex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)).slice(0, 8));
}

/** The revocation entry (hex) of a card: SHA-256("card|code|YYYYMMDD")[:8]. */
export const cardEntry = (cardCode, issuedIso) =>
  entry(utf8.encode(`card|${cardCode}|${issuedIso.replaceAll("-", "")}`));
/** The revocation entry (hex) of a device key: SHA-256("device|" + compressed key)[:8]. */
export const deviceEntry = (key33) => entry(concat(utf8.encode("device|"), key33));

/** Whether `entries` (hex strings) is exactly the list the issuer signed in `head`. */
export async function checkHead(head, entries, keys) {
  const key = head && keys[head.kid];
  if (!key) return false;
  const sorted = Array.from(new Set(entries)).sort();
  const packed = Uint8Array.from(sorted.join("").match(/../g) || [], (h) => parseInt(h, 16));
  const digest = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", packed)));
  const text = `BVR1|${head.seq}|${sorted.length}|${digest}|${head.kid}`;
  return crypto.subtle.verify(ES256, key, fromB64url(head.sig), utf8.encode(text));
}

function fromB64url(text) {
  const b64 = String(text || "").replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(b64 + "===".slice((b64.length + 3) % 4)), (c) => c.charCodeAt(0));
}

// ---- the verifier -------------------------------------------------------------------------
/** Today in Vietnam (UTC+7 all year), the calendar the card's dates are written in: a foreign
 * worker's phone may keep another time zone, and a clinic's must not disagree with the
 * server about the day a card was issued or ends. */
export function vietnamToday(now = Date.now()) {
  return new Date(now + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

async function issuerSigned(keys, kid, sig, data) {
  const key = keys[kid];
  if (!key) throw new QrError("qr_unknown_key");
  if (!(await crypto.subtle.verify(ES256, key, sig, data))) throw new QrError("qr_bad_signature");
}

function unwrap(text, prefix, minLength) {
  const blob = b45decode(text.slice(prefix.length));
  if (blob.length <= minLength) throw new QrError("qr_format");
  return blob;
}

// A "payload || issuer signature" code (static, light): its claims, signed and not revoked,
// issued by today.
async function openPayload(text, prefix, decode, trust, today) {
  const blob = unwrap(text, prefix, SIG_LEN);
  const payload = blob.slice(0, blob.length - SIG_LEN);
  const c = decode(payload);
  await issuerSigned(trust.keys, c.kid, blob.slice(blob.length - SIG_LEN), payload);
  if (trust.revoked.has(await cardEntry(c.code, c.issuedAt))) throw new QrError("qr_revoked");
  if (c.issuedAt > today) throw new QrError("qr_not_yet_valid");
  return c;
}

async function checkStatic(text, trust, today) {
  const c = await openPayload(text, STATIC_PREFIX, decodePayload, trust, today);
  if (c.validTo < today) throw new QrError("qr_expired");
  return { kind: "static", ok: true, holderBound: false, claims: c };
}

async function checkLive(text, trust, now, today) {
  const blob = unwrap(text, LIVE_PREFIX, 2);
  const len = blob[0] * 256 + blob[1];
  if (blob.length !== 2 + len + SIG_LEN + 4 + SIG_LEN) throw new QrError("qr_format");
  const data = blob.slice(2, 2 + len);
  const c = decodeCredential(data);
  await issuerSigned(trust.keys, c.kid, blob.slice(2 + len, 2 + len + SIG_LEN), data);
  const t = blob.slice(2 + len + SIG_LEN, 2 + len + SIG_LEN + 4);
  const at = ((t[0] << 24) >>> 0) + (t[1] << 16) + (t[2] << 8) + t[3];
  if (trust.revoked.has(await cardEntry(c.code, c.issuedAt))
      || trust.revoked.has(await deviceEntry(c.deviceKey))) throw new QrError("qr_revoked");
  if (c.validFrom > today || c.issuedAt > today) throw new QrError("qr_not_yet_valid");
  if (c.validTo < today || c.notAfter < today) throw new QrError("qr_expired");
  const device = await importCompressed(c.deviceKey);
  const signedPart = concat(utf8.encode("BVD1"), blob.slice(0, blob.length - SIG_LEN));
  if (!(await crypto.subtle.verify(ES256, device, blob.slice(blob.length - SIG_LEN), signedPart))) {
    throw new QrError("qr_wrong_device");
  }
  const age = now - at;
  if (age > FRESH_SECONDS || age < -FUTURE_SECONDS) throw new QrError("qr_stale");
  const { deviceKey, ...claims } = c;
  return { kind: "live", ok: true, holderBound: true, claims: { ...claims, at } };
}

async function checkLight(text, trust, now, today) {
  const c = await openPayload(text, LIGHT_PREFIX, decodeLight, trust, today);
  if (c.validTo < today || c.expires < now) throw new QrError("qr_expired");
  return { kind: "light", ok: true, holderBound: false, claims: c };
}

/** Which kind a QR text claims to be. */
export function kindOf(text) {
  if (text.startsWith(STATIC_PREFIX)) return "static";
  if (text.startsWith(LIVE_PREFIX)) return "live";
  if (text.startsWith(LIGHT_PREFIX)) return "light";
  return "unknown";
}

/**
 * The verdict on a scanned text: {kind, ok, reason, holderBound, claims}.
 * trust = {keys: kid -> CryptoKey (importKeys), revoked: Set of hex entries};
 * now = Unix seconds, today = "YYYY-MM-DD" (both default to this device's clock).
 */
export async function verifyAny(text, trust, now, today) {
  text = String(text || "").trim();
  const kind = kindOf(text);
  now = now ?? Math.floor(Date.now() / 1000);
  today = today || vietnamToday();
  trust = { keys: trust.keys || {}, revoked: trust.revoked || new Set() };
  try {
    if (kind === "static") return await checkStatic(text, trust, today);
    if (kind === "live") return await checkLive(text, trust, now, today);
    if (kind === "light") return await checkLight(text, trust, now, today);
    throw new QrError("qr_format");
  } catch (e) {
    if (!(e instanceof QrError)) throw e;
    return { kind, ok: false, reason: e.reason, holderBound: false, claims: null };
  }
}

/** The static check alone (kept for the card screen's own badge): claims or QrError. */
export async function verifyCardQr(text, keys, today) {
  const verdict = await verifyAny(String(text || "").trim().startsWith(STATIC_PREFIX)
    ? text : "", { keys }, undefined, today);
  if (!verdict.ok) throw new QrError(verdict.reason);
  return verdict.claims;
}

// ---- the live QR the phone shows ----------------------------------------------------------
/**
 * A live QR text at Unix time `at` from a signed credential (bytes: credential || issuer
 * signature, as POST /api/card/credentials gives it in base64url) and a signer that returns
 * the device key's raw r||s signature of the bytes it gets (device.js deviceSign).
 */
export async function makeLiveQr(signedCredential, at, sign) {
  const len = signedCredential.length - SIG_LEN;
  const time = Uint8Array.of((at >>> 24) & 255, (at >>> 16) & 255, (at >>> 8) & 255, at & 255);
  const body = concat(Uint8Array.of(len >> 8, len & 255), signedCredential, time);
  const sig = new Uint8Array(await sign(concat(utf8.encode("BVD1"), body)));
  return LIVE_PREFIX + b45encode(concat(body, sig));
}

const KEYS_STORE = "card-keys";

let keysOnce = null;

/**
 * The issuer keys: fetched from /api/card-keys when online (once per page, or again when
 * `fresh`) and kept in
 * localStorage, so a clinic that checked one card online can check the next one offline.
 */
export function issuerKeys(fresh = false) {
  if (fresh || !keysOnce) keysOnce = loadIssuerKeys();
  return keysOnce;
}

async function loadIssuerKeys() {
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
