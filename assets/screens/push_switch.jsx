// The notices screen's switch for notices on a closed phone (web push, assets/push.js). The
// browser's permission prompt appears only when the reader presses the button here, never
// on its own; every state says what it means and what to do.
import { useEffect, useState } from "react";
import { useT } from "../i18n.js";
import { pushState, pushSupported, turnOff, turnOn } from "../push.js";

function failureText(error, t) {
  if (error.reason === "offline") return t("Connect to the internet to turn notifications on.");
  if (error.reason === "push_unavailable") {
    return t("Notifications could not be turned on in this browser. Your notices are always "
      + "here in the app.");
  }
  return error.message || t("Something went wrong on our side. Your data is safe; try again in "
    + "a few minutes.");
}

export function PushSwitch() {
  const t = useT();
  const [state, setState] = useState(pushSupported() ? "checking" : "unsupported");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    let live = true;
    pushState().then((s) => live && setState(s)).catch(() => live && setState("off"));
    return () => {
      live = false;
    };
  }, []);
  const act = (action) => async () => {
    setBusy(true);
    setProblem("");
    try {
      setState(await action());
    } catch (e) {
      setProblem(failureText(e, t));
    } finally {
      setBusy(false);
    }
  };
  if (state === "checking") return null;
  return (
    <section className="panel" id="push-switch" data-state={state}>
      <h2 className="section-title">{t("Notices on this phone")}</h2>
      {state === "unsupported" && (
        <p>{t("This browser cannot show notifications. Your notices are always here in the app.")}</p>)}
      {state === "denied" && (
        <p>{t("Notifications are blocked for this app. Allow them in your browser's site "
          + "settings to get notices here.")}</p>)}
      {state === "off" && (
        <>
          <p>{t("Get notices even when the app is closed: card renewal, contributions due, "
            + "visits recorded with your card.")}</p>
          <button type="button" className="btn" id="push-on" disabled={busy}
            onClick={act(turnOn)}>{t("Turn on notifications")}</button>
        </>)}
      {state === "on" && (
        <>
          <p>{t("Notifications are on for this phone.")}</p>
          <button type="button" className="btn btn-small" id="push-off" disabled={busy}
            onClick={act(turnOff)}>{t("Turn off")}</button>
        </>)}
      {problem && <p className="error" role="alert">{problem}</p>}
    </section>
  );
}
