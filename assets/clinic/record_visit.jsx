// "Record the visit": after a valid verdict or a typed look-up (or, offline, a typed code to
// be checked later), the desk picks the reason and records the check-in. It is kept on this
// device at once and sent by desk_sync.js when the network allows.
import { useState } from "react";
import { label, labelCodes, useT } from "../i18n.js";
import { recordVisit } from "./desk_sync.js";

// The usual case first: the form starts on it.
const REASONS = ["outpatient", "inpatient", "emergency", "referral"];

export function RecordVisit({ code, name, how, checkedOffline, onDone }) {
  const t = useT();
  const [reason, setReason] = useState("outpatient");
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [failed, setFailed] = useState(false);

  const submit = async (event) => {
    event.preventDefault();
    setSaving(true);
    setFailed(false);
    try {
      await recordVisit({ code, name, reason, how, checkedOffline });
      setDone(true);
      if (onDone) onDone();
    } catch (e) {
      setFailed(true);
    }
    setSaving(false);
  };

  if (done) {
    return (
      <p className="alert alert-ok" id="visit-recorded" role="status">
        {navigator.onLine ? t("Visit recorded.") : t("Visit recorded on this device: it will be sent when the network is back.")}
      </p>
    );
  }
  return (
    <form className="panel record-visit" id="record-visit" onSubmit={submit} aria-labelledby="record-title">
      <h2 className="section-title" id="record-title">{t("Record the visit")}</h2>
      {checkedOffline && how === "typed" ? (
        <p className="hint" id="record-later">{t("The code will be checked when the visit is sent.")}</p>
      ) : null}
      <fieldset className="reasons">
        <legend className="label">{t("Reason for the visit")}</legend>
        {REASONS.filter((r) => labelCodes("visit_reasons").includes(r)).map((code_) => (
          <label key={code_} className={reason === code_ ? "reason active" : "reason"}>
            <input type="radio" name="visit-reason" value={code_} checked={reason === code_}
              onChange={() => setReason(code_)} />
            <span>{t(label("visit_reasons", code_))}</span>
          </label>
        ))}
      </fieldset>
      {failed ? <p className="alert alert-error">{t("The visit could not be kept on this device. Try again.")}</p> : null}
      <button type="submit" className="btn btn-primary btn-wide" id="record-submit" disabled={saving}>
        {t("Record the visit")}
      </button>
    </form>
  );
}
