// What the agency console's forms share: the officer API called with the device proof, the
// message each answer leaves on the form (the server's own, in the officer's language, when
// it refuses), and the list read again after a success.
import { useState } from "react";
import { deviceFetch } from "../device.js";
import { useT } from "../i18n.js";

async function answerOf(response) {
  try {
    return await response.json();
  } catch (e) {
    return {};
  }
}

/** The `items` of an officer list (GET), or null when it could not be read. */
export async function officerList(url) {
  const response = await deviceFetch(url);
  return response.ok ? (await answerOf(response)).items || [] : null;
}

/** POST to `url`: `{busy, message, post(payload)}`. On success the message is `sent` and
 * `done()` runs; offline (no answer) it is `offline`. */
export function useOfficerPost(url, { sent, offline, done }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState({ kind: "", text: "" });
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
      await done();
    } catch (e) {
      setMessage({ kind: "error", text: offline });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, post };
}
