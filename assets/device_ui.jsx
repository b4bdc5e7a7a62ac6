// Device binding and passkeys in the browser: components used by the Reflex pages
// (pwa/components/device.py wraps them).
import { useEffect, useRef, useState } from "react";
import {
  deviceFetch, deviceKey, deviceName, deviceSign, fromB64url, wipeLocalData, wipeRecords,
} from "./device.js";
import { useT } from "./i18n.js";
import { adoptPrf, prfRequest } from "./sync/unlock.js";

/** Answers the server's nonce with a device signature, so this tab's session is proven. */
export function DeviceGate({ nonce, onProof }) {
  useEffect(() => {
    if (!nonce) return;
    deviceSign(`reflex ${nonce}`)
      .catch(() => "")
      .then((sig) => onProof && onProof(sig || ""));
  }, [nonce]);
  return null;
}

/** Leaves the single-page app for `href` (a full page load, e.g. the server's login step)
 * once it is set; this way no script text is evaluated (the CSP has no 'unsafe-eval').
 * Page state outlives a page load in the same tab, so an address left over from an earlier
 * login arrives with the state: it is followed only after a form was sent on this page. */
export function GoTo({ href }) {
  const armed = useRef(false);
  useEffect(() => {
    const arm = () => {
      armed.current = true;
    };
    document.addEventListener("submit", arm, true);
    return () => document.removeEventListener("submit", arm, true);
  }, []);
  useEffect(() => {
    if (href && armed.current) window.location.assign(href);
  }, [href]);
  return null;
}

/** Hidden form fields with this device's public key and name (made on first use). The
 * form's submit buttons wait until the key is there: a quick hand (or a password manager)
 * submitting in the first milliseconds would otherwise send no key and be refused. */
export function DeviceFields() {
  const [jwk, setJwk] = useState("");
  const field = useRef(null);
  useEffect(() => {
    deviceKey(true)
      .then((key) => setJwk(JSON.stringify(key.jwk)))
      .catch(() => setJwk("failed"));
  }, []);
  useEffect(() => {
    const form = field.current && field.current.form;
    if (!form) return;
    // "failed" lets the form go: the server then says the key could not be made, and why.
    form.querySelectorAll("button[type=submit]").forEach((button) => {
      button.disabled = !jwk;
    });
  }, [jwk]);
  return (
    <>
      <input type="hidden" name="device_key" value={jwk === "failed" ? "" : jwk} ref={field} />
      <input type="hidden" name="device_name" value={typeof navigator === "undefined" ? "" : deviceName()} />
    </>
  );
}

/** Deletes personal data on this device when `when` is true (signed out, account moved). */
export function LocalWipe({ when }) {
  useEffect(() => {
    if (when) wipeLocalData();
  }, [when]);
  return null;
}

const supported = () =>
  typeof window !== "undefined" && window.PublicKeyCredential &&
  PublicKeyCredential.parseRequestOptionsFromJSON;

async function errorMessage(response) {
  try {
    const body = await response.json();
    return body;
  } catch (e) {
    return { error: "server", message: "" };
  }
}

/** "Log in with a passkey": one tap on a phone already bound to the account. */
export function PasskeyLogin({ label, divider }) {
  const t = useT();
  const [state, setState] = useState({ busy: false, message: "" });
  const [available, setAvailable] = useState(false);
  useEffect(() => setAvailable(Boolean(supported())), []);
  if (!available) return null;
  const run = async () => {
    setState({ busy: true, message: "" });
    try {
      const key = await deviceKey(true);
      const options = await fetch("/api/auth/passkey/options", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ device_key: key.jwk }),
      });
      if (!options.ok) throw await errorMessage(options);
      const json = await options.json();
      const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(json);
      // Where the passkey supports PRF, the records on this phone are locked to it.
      publicKey.extensions = { ...(publicKey.extensions || {}), ...prfRequest() };
      const credential = await navigator.credentials.get({ publicKey });
      const answer = await fetch("/api/auth/passkey", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          credential: credential.toJSON(), device_key: key.jwk,
          device_signature: await deviceSign(fromB64url(json.challenge)),
        }),
      });
      if (!answer.ok) throw await errorMessage(answer);
      const done = await answer.json().catch(() => ({}));
      await adoptPrf(credential).catch(() => false);
      // A staff login's home is its role's page (/clinic), a citizen's the wallet.
      window.location.assign(typeof done.home === "string" && done.home.startsWith("/")
        ? done.home : "/");
    } catch (e) {
      const message = e && e.message ? e.message
        : t("The passkey could not be checked. Try again, or log in with a code sent by SMS.");
      if (e && e.error === "device_rebind") {
        const input = document.getElementById("code");
        if (input && e.code) input.value = e.code;
      }
      setState({ busy: false, message: e && e.name === "NotAllowedError"
        ? t("The passkey request was cancelled.") : message });
    }
  };
  return (
    <div className="passkey-login">
      {divider ? <p className="divider">{divider}</p> : null}
      <button type="button" className="btn btn-passkey" onClick={run} disabled={state.busy}
        id="passkey-login">{label}</button>
      {state.message ? <p className="alert alert-error" role="alert">{state.message}</p> : null}
    </div>
  );
}

/** "Create a passkey" on the bound device (after an SMS-code login). */
export function PasskeyCreate({ label, hidden, onDone }) {
  const t = useT();
  const [state, setState] = useState({ busy: false, message: "", done: false });
  const [available, setAvailable] = useState(false);
  useEffect(() => setAvailable(Boolean(supported())), []);
  if (!available || hidden) return null;
  if (state.done) {
    return <p className="alert alert-ok" role="status" id="passkey-created">
      {t("Passkey created. Next time, log in with one tap.")}</p>;
  }
  const run = async () => {
    setState({ busy: true, message: "", done: false });
    try {
      const options = await deviceFetch("/api/passkeys/options", { method: "POST", body: "{}" });
      if (!options.ok) throw await errorMessage(options);
      const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(await options.json());
      publicKey.extensions = { ...(publicKey.extensions || {}), ...prfRequest() };
      const credential = await navigator.credentials.create({ publicKey });
      const answer = await deviceFetch("/api/passkeys", {
        method: "POST", body: JSON.stringify({ credential: credential.toJSON() }),
      });
      if (!answer.ok) throw await errorMessage(answer);
      // Authenticators that evaluate PRF at creation lock the records now; others at the
      // next passkey login.
      await adoptPrf(credential).catch(() => false);
      setState({ busy: false, message: "", done: true });
      if (onDone) onDone();
    } catch (e) {
      setState({ busy: false, done: false, message: e && e.name === "NotAllowedError"
        ? t("The passkey request was cancelled.")
        : (e && e.message) || t("The passkey could not be created. Try again later.") });
    }
  };
  return (
    <div className="passkey-create">
      <button type="button" className="btn btn-primary" onClick={run} disabled={state.busy}
        id="passkey-create">{label}</button>
      {state.message ? <p className="alert alert-error" role="alert">{state.message}</p> : null}
    </div>
  );
}

/** "Sign out this device": server revokes the binding, then local data is wiped. */
export function SignOutDevice({ label, confirmText }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    try {
      await deviceFetch("/api/security/sign-out", { method: "POST", body: "{}" });
    } finally {
      await wipeLocalData();
      window.location.assign("/login?signed_out=1");
    }
  };
  return (
    <button type="button" className="btn btn-danger" onClick={run} disabled={busy}
      id="sign-out-device">{label}</button>
  );
}

/** "Log out": ends the session on the server and drops the cached records. */
export function LogoutButton({ label }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await deviceFetch("/api/auth/logout", { method: "POST", body: "{}" });
    } finally {
      await wipeRecords();
      window.location.assign("/login");
    }
  };
  return (
    <button type="button" className="btn btn-danger" onClick={run} disabled={busy}
      id="logout">{label}</button>
  );
}
