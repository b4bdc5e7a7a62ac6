// Notices on a closed phone: the reader turns web push on or off (never asked on first load:
// the browser's permission prompt appears only when they press the button on the notices
// screen). The subscription belongs to this bound device on the server (api/push/); a
// logout, a move to another phone or a sign-out drops it there, and device.js's wipes here.
import { deviceFetch, fromB64url } from "./device.js";

/** Whether this browser can receive web push at all. */
export function pushSupported() {
  return typeof window !== "undefined" && "serviceWorker" in navigator
    && "PushManager" in window && "Notification" in window;
}

async function registration() {
  return navigator.serviceWorker.getRegistration("/");
}

/** "unsupported", "denied" (blocked in the browser's settings), "on" or "off". */
export async function pushState() {
  if (!pushSupported()) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  const reg = await registration();
  const sub = reg && await reg.pushManager.getSubscription();
  return sub && Notification.permission === "granted" ? "on" : "off";
}

class PushError extends Error {
  constructor(reason, message) {
    super(message || reason);
    this.reason = reason;
  }
}

async function refused(response) {
  let body = {};
  try {
    body = await response.json();
  } catch (e) {
    /* not JSON */
  }
  return new PushError(body.error || "server", body.message);
}

const sameKey = (sub, key) => {
  const held = sub.options && sub.options.applicationServerKey;
  if (!held) return false;
  const a = new Uint8Array(held);
  const b = fromB64url(key);
  return a.length === b.length && a.every((v, i) => v === b[i]);
};

/** Ask permission, subscribe with the server's key and register the subscription for this
 * device. Resolves to the new state; rejects with a PushError ("offline", "denied", or the
 * server's reason and message in the reader's language). */
export async function turnOn() {
  if (!pushSupported()) return "unsupported";
  if (!navigator.onLine) throw new PushError("offline");
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return permission === "denied" ? "denied" : "off";
  const keyAnswer = await fetch("/api/push/key", { credentials: "same-origin" });
  if (!keyAnswer.ok) throw await refused(keyAnswer);
  const { key } = await keyAnswer.json();
  const reg = await navigator.serviceWorker.ready;
  let sub = await reg.pushManager.getSubscription();
  if (sub && !sameKey(sub, key)) {
    await sub.unsubscribe();  // made for a server key that has changed since
    sub = null;
  }
  try {
    sub = sub || await reg.pushManager.subscribe({
      userVisibleOnly: true, applicationServerKey: fromB64url(key) });
  } catch (e) {
    throw new PushError("push_unavailable", e && e.message);
  }
  const answer = await deviceFetch("/api/push/subscribe", {
    method: "POST", body: JSON.stringify({ subscription: sub.toJSON() }) });
  if (!answer.ok) {
    await sub.unsubscribe();
    throw await refused(answer);
  }
  return "on";
}

/** Stop pushes to this phone (the server forgets the subscription, then the browser). */
export async function turnOff() {
  const reg = await registration();
  const sub = reg && await reg.pushManager.getSubscription();
  if (!sub) return "off";
  const answer = await deviceFetch("/api/push/unsubscribe", {
    method: "POST", body: JSON.stringify({ endpoint: sub.endpoint }) });
  if (!answer.ok && answer.status !== 401) throw await refused(answer);
  await sub.unsubscribe();
  return "off";
}
