// What the agency console's forms share: the officer API called with the device proof, the
// message each answer leaves on the form (the server's own, in the officer's language, when
// it refuses), and the list read again after a success.
import { useEffect, useState } from "react";
import { deviceFetch } from "../device.js";
import { useT } from "../i18n.js";

async function answerOf(response) {
  try {
    return await response.json();
  } catch (e) {
    return {};
  }
}

/** GET or POST an officer resource: `{ok, status, body}`; `body.message` is the server's
 * words when it refuses (in the officer's language). Throws when there is no answer. */
export async function officerCall(url, payload) {
  const options = payload === undefined ? {} : { method: "POST", body: JSON.stringify(payload) };
  const response = await deviceFetch(url, options);
  return { ok: response.ok, status: response.status, body: await answerOf(response) };
}

async function officerList(url) {
  const response = await deviceFetch(url);
  return response.ok ? (await answerOf(response)).items || [] : null;
}

/** One officer resource (`url`: GET lists it, POST adds to it): `{items, busy, message,
 * post(payload)}`. The list is read on mount and again after a success, when the message
 * is `sent` and `cleared()` empties the form; with no answer (offline) it is `offline`; a
 * refusal shows the server's message, in the officer's language. */
export function useOfficerDesk(url, { sent, offline, cleared }) {
  const t = useT();
  const [items, setItems] = useState([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState({ kind: "", text: "" });
  const load = async () => {
    const found = await officerList(url);
    if (found) setItems(found);
  };
  useEffect(() => {
    load().catch(() => {});
  }, [url]);
  const post = async (payload) => {
    setBusy(true);
    setMessage({ kind: "", text: "" });
    try {
      const response = await deviceFetch(url, { method: "POST", body: JSON.stringify(payload) });
      const body = await answerOf(response);
      if (!response.ok) {
        setMessage({ kind: "error", text: body.message || t("The request could not be read. "
          + "Reload the page and try again.") });
        return;
      }
      setMessage({ kind: "ok", text: sent });
      cleared();
      await load();
    } catch (e) {
      setMessage({ kind: "error", text: offline });
    } finally {
      setBusy(false);
    }
  };
  return { items, busy, message, post };
}
