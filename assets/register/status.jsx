// The applicant's view of their registration (/register once this browser holds its
// receipt): the status, the officer's question or reason, what happened when, and the answer
// form when an officer asked for more.
import { useEffect, useState } from "react";
import { FileButton } from "../file_button.jsx";
import { formatMoment, useLang, useT } from "../i18n.js";
import { facePhoto } from "./face_photo.js";
import { postJson } from "./register_api.js";
import { STATUS_LABELS, STATUS_TONES } from "./statuses.js";

const N_ = (text) => text;
const STEPS = {
  citizen: N_("You sent the registration"),
  answer: N_("You answered"),
};

function Timeline({ events }) {
  const t = useT();
  const lang = useLang();
  return (
    <ol className="events" id="registration-timeline">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <p className="when">{formatMoment(e.at, lang)}</p>
          <p className="what">{e.by === "citizen" ? t(i === 0 ? STEPS.citizen : STEPS.answer)
            : t(STATUS_LABELS[e.status] || e.status)}</p>
          {e.note ? <p className="where">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function Answer({ receipt, form, onAnswered }) {
  const t = useT();
  const [note, setNote] = useState("");
  const [fields, setFields] = useState(form || {});
  const change = (name) => (event) => {
    const { value } = event.target;
    setFields((now) => ({ ...now, [name]: value }));
  };
  const [photo, setPhoto] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const send = async (event) => {
    event.preventDefault();
    setBusy(true);
    const answer = await postJson("/api/register/answer",
      { ...fields, receipt, note, photo: photo || undefined });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.status === 0 ? t("Connect to the internet to register.")
        : answer.body.message || t("The request could not be read. Reload the page and try again."));
      return;
    }
    onAnswered(answer.body);
  };
  return (
    <form className="form" id="registration-answer" onSubmit={send} noValidate>
      <label className="label" htmlFor="answer-note">{t("Your answer")}</label>
      <textarea id="answer-note" className="input" rows={3} maxLength={500} value={note}
        onChange={(e) => setNote(e.target.value)} />
      <details className="answer-fix">
        <summary>{t("Correct the details from your ID card")}</summary>
        <label className="label" htmlFor="answer-name">{t("Full name")}</label>
        <input id="answer-name" className="input" maxLength={80} value={fields.full_name || ""}
          onChange={change("full_name")} />
        <label className="label" htmlFor="answer-dob">{t("Date of birth")}</label>
        <input id="answer-dob" className="input" type="date" value={fields.dob || ""}
          onChange={change("dob")} />
        <label className="label" htmlFor="answer-citizen-id">{t("Personal ID number")}</label>
        <input id="answer-citizen-id" className="input" inputMode="numeric" maxLength={12}
          value={fields.citizen_id || ""} onChange={change("citizen_id")} />
      </details>
      <label className="label" htmlFor="answer-photo">{t("A new photo of your face (optional)")}</label>
      <FileButton id="answer-photo" text={t("Take a photo")} accept="image/*" capture="user"
        onChange={async (e) => {
          const file = e.target.files && e.target.files[0];
          setPhoto(file ? await facePhoto(file).catch(() => "") : "");
        }} />
      <div role="alert">{error ? <p className="alert alert-error">{error}</p> : null}</div>
      <button type="submit" className="btn btn-primary" disabled={busy}>{t("Send the answer")}</button>
    </form>
  );
}

export function RegistrationStatus({ receipt, first, onForget }) {
  const t = useT();
  const lang = useLang();
  const [status, setStatus] = useState(first);
  const [problem, setProblem] = useState("");
  const load = async () => {
    const answer = await postJson("/api/register/status", { receipt });
    if (answer.ok) {
      setStatus(answer.body);
      setProblem("");
    } else if (answer.status === 404) {
      onForget();
    } else {
      setProblem(answer.status === 0 ? t("Offline: the status shown may be old.")
        : answer.body.message || "");
    }
  };
  useEffect(() => {
    load();
    // Back on the page (after reading the SMS, say): read the status again.
    const again = () => document.visibilityState === "visible" && load();
    document.addEventListener("visibilitychange", again);
    return () => document.removeEventListener("visibilitychange", again);
  }, [receipt]);
  if (!status) return <p className="muted" role="status">{problem || t("Loading…")}</p>;
  return (
    <section className="panel" aria-labelledby="registration-title" id="registration-status"
      data-status={status.status}>
      <h2 className="section-title" id="registration-title">{t("Your registration")}</h2>
      <p>
        <span className={`badge ${STATUS_TONES[status.status] || ""}`} id="registration-state">
          {t(STATUS_LABELS[status.status] || status.status)}</span>
      </p>
      <dl className="fields">
        <div className="field"><dt>{t("Social-insurance code")}</dt><dd>{status.code}</dd></div>
        <div className="field"><dt>{t("Full name")}</dt><dd>{status.full_name}</dd></div>
        <div className="field"><dt>{t("Mobile phone number")}</dt><dd>{status.phone}</dd></div>
        <div className="field"><dt>{t("Sent on")}</dt>
          <dd>{formatMoment(status.submitted_at, lang)}</dd></div>
      </dl>
      {status.status === "submitted" ? (
        <p className="alert alert-info">{t("An officer checks your registration against your record. You get a text message with the outcome.")}</p>
      ) : null}
      {status.status === "needs_info" ? (
        <>
          <p className="alert alert-warn" id="registration-question">
            {t("The officer asks: {question}", { question: status.reason })}</p>
          <Answer receipt={receipt} form={status.form} onAnswered={setStatus} />
        </>
      ) : null}
      {status.status === "done" ? (
        <>
          <p className="alert alert-ok">{t("Your account is ready. Log in with your social-insurance code and a code sent to your phone.")}</p>
          <a className="btn btn-primary" href="/login" id="registration-login">{t("Log in")}</a>
        </>
      ) : null}
      {status.status === "rejected" ? (
        <>
          <p className="alert alert-error" id="registration-reason">
            {t("Reason: {reason}", { reason: status.reason })}</p>
          <button type="button" className="btn" id="register-again" onClick={onForget}>
            {t("Register again")}</button>
        </>
      ) : null}
      {problem ? <p className="hint" role="status">{problem}</p> : null}
      <h3 className="section-title">{t("What happened")}</h3>
      <Timeline events={status.timeline || []} />
      <button type="button" className="btn btn-link" id="registration-refresh" onClick={load}>
        {t("Check again")}</button>
    </section>
  );
}
