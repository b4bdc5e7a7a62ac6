// The registration's calls to the public API (no session: the applicant has no account
// yet), and the receipt this browser keeps to follow its registration.
export const RECEIPT_KEY = "registration-receipt";

/** POST JSON; `{ok, status, body}`, or `{ok: false, status: 0}` with no network. */
export async function postJson(url, payload) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
    const body = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, body };
  } catch (e) {
    return { ok: false, status: 0, body: {} };
  }
}

export function savedReceipt() {
  try {
    return localStorage.getItem(RECEIPT_KEY) || "";
  } catch (e) {
    return "";
  }
}

export function keepReceipt(receipt) {
  try {
    if (receipt) localStorage.setItem(RECEIPT_KEY, receipt);
    else localStorage.removeItem(RECEIPT_KEY);
  } catch (e) {
    /* private mode: the page still shows the status until it is closed */
  }
}
