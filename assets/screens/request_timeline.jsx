// Submitted requests, each with its status timeline (kept on the phone: readable offline),
// the agency's question with an answer box, and "withdraw" while the request is not decided.
// What the person does goes through the sync queue like every change made on the phone.
import { useState } from "react";
import { formatMoment as moment, label, useLang, useT } from "../i18n.js";
import * as engine from "../sync/engine.js";
import { PhotoPicker } from "./request_form.jsx";
import { useDocs } from "./shared.jsx";

const CLOSED = ["done", "rejected", "withdrawn"];
const BADGES = { done: "badge-ok", needs_info: "badge-warn", rejected: "badge-error" };

function Answer({ id }) {
  const t = useT();
  const [text, setText] = useState("");
  const [photos, setPhotos] = useState([]);
  const [note, setNote] = useState("");
  const send = async (event) => {
    event.preventDefault();
    if (!text.trim() && !photos.length) {
      setNote(t("Write what you need."));
      return;
    }
    await engine.queue("request.answer", { request_id: id, text, photos: photos.map(({ mime, data }) => ({ mime, data })) });
    setText("");
    setPhotos([]);
    setNote(t("Answer saved on this phone. It is sent when you are online."));
  };
  return (
    <form className="form answer" onSubmit={send} noValidate>
      <label className="label" htmlFor={`answer-${id}`}>{t("Your answer")}</label>
      <textarea id={`answer-${id}`} className="input" rows="3" value={text}
        onChange={(e) => setText(e.target.value)} />
      <PhotoPicker id={`answer-photos-${id}`} photos={photos} setPhotos={setPhotos} />
      <button type="submit" className="btn btn-primary">{t("Send answer")}</button>
      {note ? <p className="small" role="status">{note}</p> : null}
    </form>
  );
}

function Timeline({ events }) {
  const t = useT();
  const lang = useLang();
  return (
    <ol className="case-timeline">
      {events.map((e, i) => (
        <li key={i} className={`step step-${e.status}`}>
          <span className="step-status">{t(label("case_status", e.status))}</span>
          <span className="small muted"> · {moment(e.at, lang)} · {e.actor === "officer" ? t("Social-insurance agency") : t("You")}</span>
          {e.note ? <p className="step-note">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** The person's submitted requests, newest first. */
export function SubmittedRequests() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("request");
  const items = state.items.sort((a, b) => (a.doc.submitted < b.doc.submitted ? 1 : -1));
  return (
    <section className="panel" aria-labelledby="submitted-title">
      <h2 className="section-title" id="submitted-title">{t("Sent requests")}</h2>
      {!items.length ? <p>{t("No requests sent yet.")}</p> : (
        <ul className="list" id="request-list">
          {items.map(({ id, doc }) => (
            <li className="item request" key={id} data-request={id} data-status={doc.status}>
              <div className="row-between">
                <strong>{t(label("requests", doc.kind))}</strong>
                <span className={`badge ${BADGES[doc.status] || "badge-info"}`}>{doc.status === "pending"
                  ? t("Waiting to be sent") : t(label("case_status", doc.status))}</span>
              </div>
              <p className="small muted">{t("Sent {when}", { when: moment(doc.submitted, lang) })}</p>
              {doc.status === "rejected" && doc.reason ? (
                <p className="alert alert-error">{t("Reason: {reason}", { reason: doc.reason })}</p>) : null}
              {doc.status === "needs_info" ? (
                <>
                  <p className="alert alert-warn">{t("The agency asks: {question}", { question: doc.reason })}</p>
                  <Answer id={id} />
                </>) : null}
              <details>
                <summary>{t("Timeline")}</summary>
                <Timeline events={doc.events || []} />
              </details>
              {!CLOSED.includes(doc.status) && doc.status !== "pending" ? (
                <button type="button" className="btn btn-small withdraw"
                  onClick={() => engine.queue("request.withdraw", { request_id: id })}>{t("Withdraw")}</button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
