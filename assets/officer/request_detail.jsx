// One service request beside the person's record (the officer console's detail pane): what
// is asked, in readable form per kind, the citizen's words and photos, the person and the
// card, the timeline as an audit trail (who, when, what they wrote), and the decision form.
// Values come raw from GET /api/officer/requests/{id} (codes, ISO times, integer đồng) and
// are formatted here for the officer's language.
import { useEffect, useRef, useState } from "react";
import { deviceFetch } from "../device.js";
import {
  formatDay, formatMoment, formatMoney, label, useLang, useT, useTn,
} from "../i18n.js";
import { officerCall } from "./officer_api.js";

export const STATUS_BADGE = {
  submitted: "badge-info", received: "badge-info", needs_info: "badge-warn",
  done: "badge-ok", rejected: "badge-error", withdrawn: "badge-muted",
};
// From which statuses each step may be taken (api/services/service_requests._FROM).
const STEPS = [
  { action: "receive", from: ["submitted"] },
  { action: "ask", from: ["submitted", "received"] },
  { action: "approve", from: ["submitted", "received"] },
  { action: "reject", from: ["submitted", "received", "needs_info"] },
];
// The steps that cannot be undone: confirmed once more before they are sent.
const FINAL = ["approve", "reject"];
const NOTE_MAX = 1000; // api/services/service_requests.NOTE_MAX
const VOLUNTARY_RATE_PERCENT = 22; // api/services/request_forms.VOLUNTARY_RATE_PERCENT

function Field({ name, children, id }) {
  return (
    <div className="field" id={id}>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function facilityText(t, facility) {
  if (!facility) return "";
  const level = facility.level ? ` · ${t(label("facility_levels", facility.level))}` : "";
  return `${facility.name} (${facility.code})${level}`;
}

/** What the citizen asks for, one readable line per field of the request's kind. */
function AskedFields({ data }) {
  const t = useT();
  const tn = useTn();
  const lang = useLang();
  const { kind, fields } = data.request;
  const f = fields || {};
  switch (kind) {
    case "reissue_card":
    case "reissue_book":
      return <Field name={t("Reason")}>{t(label("reissue_reasons", f.reason))}</Field>;
    case "pension_payment":
      return (
        <>
          <Field name={t("Paid how")}>{t(label("payout_methods", f.method))}</Field>
          {f.method === "post" ? <Field name={t("Post office")}>{f.post_office}</Field> : null}
          {f.method === "bank" ? (
            <>
              <Field name={t("Bank")}>{f.bank}</Field>
              <Field name={t("Account number")}><span className="mono">{f.account}</span></Field>
            </>
          ) : null}
        </>
      );
    case "authorise":
      return (
        <>
          <Field name={t("Authorised person")}>{f.name}</Field>
          <Field name={t("Personal ID number")}><span className="mono">{f.citizen_id}</span></Field>
          <Field name={t("Benefit to collect")}>{t(label("benefits", f.benefit))}</Field>
          <Field name={t("Authorised until")}>{formatDay(f.until, lang)}</Field>
        </>
      );
    case "voluntary": {
      const income = Number(f.income) || 0;
      const months = Number(f.months) || 0;
      return (
        <>
          <Field name={t("Monthly income chosen")}><span className="money">{formatMoney(income, lang)}</span></Field>
          <Field name={t("Contribution per month ({rate}%)", { rate: VOLUNTARY_RATE_PERCENT })}>
            {formatMoney(Math.floor((income * VOLUNTARY_RATE_PERCENT) / 100), lang)}</Field>
          <Field name={t("Paid at a time")}>
            {tn("{n} month", "{n} months", months, { n: months })}</Field>
        </>
      );
    }
    case "change_facility":
      return (
        <>
          <Field name={t("Facility asked for")} id="asked-facility">
            {data.asked_facility ? facilityText(t, data.asked_facility)
              : [f.facility, t("Not in the facility directory")].join(" · ")}</Field>
          <Field name={t("Primary-care facility now")} id="current-facility">
            {data.card && data.card.facility ? facilityText(t, data.card.facility) : "—"}</Field>
        </>
      );
    case "family_link": {
      const child = data.asked_child;
      return (
        <>
          <Field name={t("The child's social-insurance code (10 digits)")}><span className="mono">{f.child}</span></Field>
          <Field name={t("Child in the records")} id="asked-child">
            {child ? `${child.full_name} · ${formatDay(child.dob, lang)} · ${child.citizen_id}` : "—"}</Field>
          <Field name={t("Relation to the child")}>{t(label("relations", f.relation))}</Field>
        </>
      );
    }
    default:
      return Object.entries(f).map(([key, value]) => (
        <Field key={key} name={key}>{String(value)}</Field>));
  }
}

/** A photo the citizen attached, fetched with the device proof and shown from memory. */
function Photo({ requestId, photo, n }) {
  const t = useT();
  const [url, setUrl] = useState("");
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let made = "";
    let live = true;
    deviceFetch(`/api/officer/requests/${encodeURIComponent(requestId)}/photos/${photo.id}`)
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const blob = await response.blob();
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [requestId, photo.id]);
  const alt = t("Photo {n} from the citizen", { n });
  return (
    <li className="request-photo">
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer">
          <img src={url} alt={alt} />
        </a>
      ) : (
        <p className="small muted">{failed ? t("The photo could not be loaded.") : t("Loading…")}</p>
      )}
    </li>
  );
}

function Timeline({ events }) {
  const t = useT();
  const lang = useLang();
  return (
    <ol className="events audit-trail" id="request-timeline">
      {events.map((e, i) => {
        const what = e.actor === "citizen" && e.status === "received"
          ? t("The citizen answered") : t(label("case_status", e.status));
        const who = e.actor === "officer" ? (e.staff || t("An officer")) : t("The citizen");
        return (
          <li key={`${e.at}-${i}`}>
            <p className="when">{formatMoment(e.at, lang)}</p>
            <p className="what">{what}</p>
            <p className="where">{who}</p>
            {e.note ? <p className="audit-note">{e.note}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

function PersonRecord({ person, card }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h3 className="detail-subtitle">{t("Person's record")}</h3>
      <dl className="fields detail-fields" id="request-person">
        <Field name={t("Full name")}>{person.full_name}</Field>
        <Field name={t("Social-insurance code")}><span className="mono">{person.code}</span></Field>
        <Field name={t("Date of birth")}>{formatDay(person.dob, lang)}</Field>
        <Field name={t("Sex")}>{t(label("sex", person.sex))}</Field>
        <Field name={t("Personal ID number")}><span className="mono">{person.citizen_id}</span></Field>
        <Field name={t("Phone number")}>{person.phone}</Field>
        <Field name={t("Address")}>{person.address}</Field>
        <Field name={t("Province")}>{person.province}</Field>
      </dl>
      <h3 className="detail-subtitle">{t("Health-insurance card")}</h3>
      {card ? (
        <dl className="fields detail-fields" id="request-card">
          <Field name={t("Card number")}><span className="mono">{card.number}</span></Field>
          <Field name={t("Beneficiary group")}>
            {`${card.group} · ${t(label("beneficiary_groups", card.group))}`}</Field>
          <Field name={t("Valid to")}>{formatDay(card.valid_to, lang)}</Field>
          <Field name={t("Issued on")}>{formatDay(card.issued, lang)}</Field>
          <Field name={t("Primary-care facility")}>
            {card.facility ? facilityText(t, card.facility) : "—"}</Field>
        </dl>
      ) : <p className="muted">{t("No health-insurance card on record.")}</p>}
    </>
  );
}

/** Receive, ask for information, approve or reject: the buttons the status allows; the
 * server's answer (or refusal, in the officer's language) shown under them. */
function DecisionForm({ id, status, onDone }) {
  const t = useT();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  // Approving and rejecting are final (approving changes the person's records at once: a
  // card re-issued revokes the old one), so each asks once more before it is sent.
  const [confirming, setConfirming] = useState("");
  // {kind: ok|error|note, text}: "note" is a refusal about the note (a question or a reason
  // is required, or too long): the focus goes back to the note, described by the message.
  const [message, setMessage] = useState({ kind: "", text: "" });
  const messageRef = useRef(null);
  const noteRef = useRef(null);
  useEffect(() => {
    const target = message.kind === "note" ? noteRef.current : messageRef.current;
    if (message.text && target) target.focus();
  }, [message]);
  const names = {
    receive: t("Receive"), ask: t("Ask for more information"), approve: t("Approve"),
    reject: t("Reject"),
  };
  const decide = async (action) => {
    setConfirming("");
    setBusy(true);
    setMessage({ kind: "", text: "" });
    try {
      const { ok, status: code, body } = await officerCall(
        `/api/officer/requests/${encodeURIComponent(id)}/decide`, { action, note });
      if (!ok) {
        setMessage({ kind: code === 422 && body.error === "decide_note" ? "note" : "error",
          text: body.message || t("The request could not be read. Reload the page and try again.") });
        // Not allowed now (another officer took a step meanwhile): show where it stands.
        if (code === 409) await onDone();
        return;
      }
      setNote("");
      setMessage({ kind: "ok", text: t("Saved. The request is now: {status}.",
        { status: t(label("case_status", body.status)) }) });
      await onDone();
    } catch (e) {
      setMessage({ kind: "error", text: t("Connect to the internet to save the decision.") });
    } finally {
      setBusy(false);
    }
  };
  const allowed = STEPS.filter((s) => s.from.includes(status));
  return (
    <section className="decide" aria-labelledby="decide-heading">
      <h3 className="detail-subtitle" id="decide-heading">{t("Decision")}</h3>
      {allowed.length ? (
        <form className="form" id="decide-form" onSubmit={(e) => e.preventDefault()} noValidate>
          {status === "needs_info" ? (
            <p className="alert alert-info">{t("Waiting for the citizen's answer. You can still reject the request.")}</p>
          ) : null}
          <label className="label" htmlFor="decide-note">{t("Question or reason for the citizen")}</label>
          <p className="small" id="decide-note-hint">
            {t("Required to ask for more information or to reject. The citizen reads it in the app.")}</p>
          <textarea id="decide-note" className="input" rows={3} maxLength={NOTE_MAX} value={note}
            ref={noteRef} aria-invalid={message.kind === "note"}
            aria-describedby={message.kind === "note" ? "decide-note-hint decide-message" : "decide-note-hint"}
            onChange={(e) => setNote(e.target.value)} />
          <div className="row-gap decide-buttons">
            {STEPS.map(({ action, from }) => (
              <button type="button" key={action} id={`decide-${action}`}
                className={action === "approve" ? "btn btn-primary" : action === "reject" ? "btn btn-reject" : "btn"}
                disabled={busy || !from.includes(status)} aria-expanded={FINAL.includes(action)
                  ? confirming === action : undefined}
                onClick={() => (FINAL.includes(action) ? setConfirming(action) : decide(action))}>
                {names[action]}</button>
            ))}
          </div>
          {confirming ? (
            <div className="alert alert-warn confirm" role="group" aria-labelledby="decide-confirm-text">
              <p id="decide-confirm-text">{confirming === "approve"
                ? t("Approve this request? It is final, and the result applies to the person's records at once.")
                : t("Reject this request? It is final; the citizen reads your reason in the app.")}</p>
              <div className="row-gap">
                <button type="button" className={confirming === "approve" ? "btn btn-primary" : "btn btn-reject"}
                  id="decide-confirm" autoFocus onClick={() => decide(confirming)}>
                  {confirming === "approve" ? t("Yes, approve") : t("Yes, reject")}</button>
                <button type="button" className="btn" id="decide-cancel"
                  onClick={() => setConfirming("")}>{t("Cancel")}</button>
              </div>
            </div>
          ) : null}
        </form>
      ) : (
        <p className="muted" id="decide-closed">{t("This request is closed: no further step.")}</p>
      )}
      {message.text ? (
        <p className={message.kind === "ok" ? "alert alert-ok" : "alert alert-error"}
          role={message.kind === "ok" ? "status" : "alert"} id="decide-message" tabIndex={-1}
          ref={messageRef}>{message.text}</p>
      ) : null}
    </section>
  );
}

/** The request `id` beside the person's record; focus moves to its heading each time it is
 * opened (`focus` changes); `onDecided` reads the queue again after a step. */
export function RequestDetail({ id, focus, onDecided, onBack }) {
  const t = useT();
  const lang = useLang();
  const [data, setData] = useState(null);
  const [error, setError] = useState("");
  const headingRef = useRef(null);
  const focused = useRef(0);
  const read = async () => {
    try {
      const { ok, body } = await officerCall(`/api/officer/requests/${encodeURIComponent(id)}`);
      if (!ok) {
        setError(body.message || t("The request could not be read. Reload the page and try again."));
        return;
      }
      setError("");
      setData(body);
    } catch (e) {
      setError(t("Connect to the internet to see the requests."));
    }
  };
  useEffect(() => {
    read(); // again on each opening: the citizen may have answered meanwhile
  }, [id, focus]);
  useEffect(() => {
    if ((data || error) && focused.current !== focus && headingRef.current) {
      focused.current = focus;
      headingRef.current.focus();
    }
  }, [data, error, focus]);
  const decided = async () => {
    await read();
    await onDecided();
  };
  const request = data && data.request;
  const title = request ? t(label("requests", request.kind)) : t("Request");
  return (
    <section className="panel request-detail" aria-labelledby="detail-heading" id="request-detail">
      <button type="button" className="btn btn-link detail-back" onClick={onBack}>
        {t("Back to the list")}</button>
      <h2 className="section-title detail-heading" id="detail-heading" tabIndex={-1}
        ref={headingRef}>{request ? `${title} · ${request.full_name}` : title}</h2>
      {error ? <p className="alert alert-error" role="alert">{error}</p> : null}
      {!data && !error ? <p className="muted">{t("Loading…")}</p> : null}
      {request ? (
        <>
          <p className="detail-status">
            <span className={`badge ${STATUS_BADGE[request.status] || ""}`} id="detail-status">
              {t(label("case_status", request.status))}</span>{" "}
            <span className="small">{t("Submitted {time}", { time: formatMoment(request.submitted, lang) })}</span>
          </p>
          <div className="detail-columns">
            <div>
              <h3 className="detail-subtitle">{t("What is asked")}</h3>
              <dl className="fields detail-fields" id="request-fields">
                <AskedFields data={data} />
              </dl>
              <h3 className="detail-subtitle">{t("In the citizen's words")}</h3>
              {request.text
                ? <p className="citizen-text" id="request-text">{request.text}</p>
                : <p className="muted">{t("No text.")}</p>}
              {data.photos.length ? (
                <>
                  <h3 className="detail-subtitle">{t("Photos")}</h3>
                  <ul className="request-photos" id="request-photos">
                    {data.photos.map((p, i) => (
                      <Photo key={p.id} requestId={id} photo={p} n={i + 1} />))}
                  </ul>
                </>
              ) : null}
              <DecisionForm id={id} status={request.status} onDone={decided} />
              <h3 className="detail-subtitle">{t("Timeline")}</h3>
              <Timeline events={data.events} />
            </div>
            <div>
              <PersonRecord person={data.person} card={data.card} />
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
