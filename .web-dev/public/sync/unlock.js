// Passkey unlock of the records on this phone (WebAuthn PRF extension). The authenticator
// computes a secret from the passkey and a fixed input only after the biometric; the store
// derives its AES-GCM key from it (store.js). Unlocking needs no server, so it works offline.
import { fromB64url } from "../device.js";
import * as store from "./store.js";

// The PRF input: fixed for this app, so the same passkey always gives the same secret.
const SALT = new TextEncoder().encode("bhxh-wallet records key v1");

/** The extension to add to navigator.credentials.get/create options. */
export function prfRequest() {
  return { prf: { eval: { first: SALT } } };
}

/** Lock the records to this passkey, or unlock them, if the authenticator gave a PRF output. */
export async function adoptPrf(credential) {
  const results = credential && credential.getClientExtensionResults
    ? (credential.getClientExtensionResults().prf || {}).results : null;
  if (!results || !results.first) return false;
  return store.usePrfSecret(new Uint8Array(results.first), credential.id);
}

/** Ask for the passkey the records are locked to; true when they opened. */
export async function unlock() {
  const id = await store.prfCredential();
  if (!id) return true;
  const credential = await navigator.credentials.get({
    publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      allowCredentials: [{ type: "public-key", id: fromB64url(id) }],
      userVerification: "required",
      timeout: 120000,
      extensions: prfRequest(),
    },
  });
  return adoptPrf(credential);
}
