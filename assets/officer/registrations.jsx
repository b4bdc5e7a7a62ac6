// The agency console's registrations desk (/officer/registrations, role: officer): the queue
// of the officer's province (the server shows no other), with filters and pages; one
// registration beside the person's record, the two photos, the differences field by field
// and the audit trail; approve, refuse with a reason or ask for more. A difference must be
// confirmed before approving: nothing is approved automatically.
import { useEffect, useRef, useState } from "react";
import { deviceFetch } from "../device.js";
import { formatDay, formatMoment, useLang, useT, useTn } from "../i18n.js";
import { STATUS_LABELS, STATUS_TONES } from "../register/statuses.js";

const N_ = (text) => text;
const FIELDS = {
  full_name: N_("Full name"), dob: N_("Date of birth"), citizen_id: N_("Personal ID number"),
  sex: N_("Sex"), address: N_("Address"), phone: N_("Mobile phone number"),
};
const SEXES = { M: N_("Male"), F: N_("Female") };
const FILTERS = [["open", N_("All open")], ["submitted", STATUS_LABELS.submitted],
  ["needs_info", STATUS_LABELS.needs_info], ["done", STATUS_LABELS.done],
  ["rejected", STATUS_LABELS.rejected]];
const SOURCES = [["", N_("Scanned or typed")], ["scanned", N_("ID card scanned")],
  ["typed", N_("Typed")]];
const ACTIONS = [["approve", N_("Approve")], ["ask", N_("Ask for more information")],
  ["reject", N_("Refuse")]];
const NOTE_LABELS = { approve: N_("Note (optional)"), ask: N_("Question for the applicant"),
  reject: N_("Reason for the applicant") };

async function readJson(response) {
  try {
    return await response.json();
  } catch (e) {
    return {};
  }
}

/** A value as the officer reads it: dates in the console's language, sex in words. */
function shown(field, value, t, lang) {
  if (!value) return "—";
  if (field === "dob") return formatDay(value, lang);
  if (field === "sex") return SEXES[value] ? t(SEXES[value]) : value;
  return value;
}

/** A photo the officer API serves (device-proven, so fetched, then shown from a blob). */
function ProvenPhoto({ url, alt, id }) {
  const [src, setSrc] = useState("");
  useEffect(() => {
    let made = "";
    deviceFetch(url).then(async (response) => {
      if (!response.ok) return;
      made = URL.createObjectURL(await response.blob());
      setSrc(made);
    }).catch(() => null);
    return () => made && URL.revokeObjectURL(made);
  }, [url]);
  return src ? <img className="photo reg-photo" id={id} src={src} alt={alt} />
    : <div className="photo reg-photo" role="img" aria-label={alt} />;
}

function Filters({ filters, onApply }) {
  const t = useT();
  const [status, setStatus] = useState(filters.status);
  const [source, setSource] = useState(filters.source);
  const [q, setQ] = useState(filters.q);
  return (
    <form className="reg-filters" id="registration-filters" role="search"
      onSubmit={(e) => { e.preventDefault(); onApply({ status, source, q, page: 1 }); }}>
      <div>
        <label className="label" htmlFor="filter-status">{t("Status")}</label>
        <select id="filter-status" className="input" value={status}
          onChange={(e) => setStatus(e.target.value)}>
          {FILTERS.map(([value, text]) => <option key={value} value={value}>{t(text)}</option>)}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="filter-source">{t("How the form was filled")}</label>
        <select id="filter-source" className="input" value={source}
          onChange={(e) => setSource(e.target.value)}>
          {SOURCES.map(([value, text]) => <option key={value} value={value}>{t(text)}</option>)}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="filter-q">{t("Name, code or personal ID")}</label>
        <input id="filter-q" className="input" type="search" maxLength={80} value={q}
          onChange={(e) => setQ(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-primary" id="filter-apply">{t("Show")}</button>
    </form>
  );
}

function QueueTable({ page, selected, onOpen }) {
  const t = useT();
  const lang = useLang();
  if (!page.items.length) return <p id="registration-empty">{t("No registrations match.")}</p>;
  return (
    <div className="table-wrap">
      <table className="reg-table" id="registration-table">
        <caption className="sr-only">{t("Account registrations")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("Sent on")}</th>
            <th scope="col">{t("Full name")}</th>
            <th scope="col">{t("Social-insurance code")}</th>
            <th scope="col">{t("Differences from the record")}</th>
            <th scope="col">{t("Status")}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((row) => (
            <tr key={row.id} className={row.id === selected ? "selected" : undefined}>
              <td>{formatMoment(row.submitted_at, lang)}</td>
              <td>
                <button type="button" className="btn-link reg-open" data-id={row.id}
                  aria-current={row.id === selected ? "true" : undefined}
                  onClick={() => onOpen(row.id)}>{row.full_name}</button>
                <span className="small muted">{row.scanned ? t("ID card scanned") : t("Typed")}</span>
              </td>
              <td className="nums">{row.code}</td>
              <td>{row.mismatches.length
                ? <span className="badge badge-warn">{row.mismatches.map((f) => t(FIELDS[f])).join(", ")}</span>
                : <span className="badge badge-ok">{t("None")}</span>}</td>
              <td><span className={`badge ${STATUS_TONES[row.status] || ""}`}>
                {t(STATUS_LABELS[row.status] || row.status)}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Compare({ rows }) {
  const t = useT();
  const lang = useLang();
  return (
    <table className="reg-compare" id="registration-compare">
      <caption className="sr-only">{t("The registration beside the record")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("Field")}</th>
          <th scope="col">{t("Registration")}</th>
          <th scope="col">{t("Record")}</th>
          <th scope="col">{t("Check")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} data-field={row.field}
            className={row.same ? undefined : "differs"}>
            <th scope="row">{t(FIELDS[row.field])}</th>
            <td>{shown(row.field, row.applied, t, lang)}</td>
            <td>{shown(row.field, row.record, t, lang)}</td>
            <td>{["full_name", "dob", "citizen_id", "sex"].includes(row.field)
              ? (row.same ? <span className="badge badge-ok">{t("Same")}</span>
                : <span className="badge badge-warn">{t("Differs")}</span>)
              : <span className="small muted">{t("Not compared")}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Trail({ events }) {
  const t = useT();
  const lang = useLang();
  return (
    <ol className="events" id="registration-trail">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <p className="when">{formatMoment(e.at, lang)}</p>
          <p className="what">{e.actor === "officer"
            ? t("{status} by {staff}", { status: t(STATUS_LABELS[e.status] || e.status),
              staff: `${e.staff_name} (${e.staff_code})` })
            : (i === 0 ? t("Sent by the applicant") : t("Answered by the applicant"))}</p>
          {e.note ? <p className="where">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function Decide({ detail, onDecided }) {
  const t = useT();
  const [action, setAction] = useState("approve");
  const [note, setNote] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const differs = detail.mismatches.length > 0;
  const send = async (event) => {
    event.preventDefault();
    setBusy(true);
    setMessage("");
    try {
      const response = await deviceFetch(`/api/officer/registrations/${detail.id}/decision`, {
        method: "POST", body: JSON.stringify({ action, note, confirmed }) });
      const body = await readJson(response);
      if (!response.ok) {
        setMessage(body.message || t("The request could not be read. Reload the page and try again."));
        return;
      }
      onDecided(body);
    } catch (e) {
      setMessage(t("Connect to the internet to decide."));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" id="registration-decide" onSubmit={send} noValidate>
      <fieldset className="choices">
        <legend className="label">{t("Decision")}</legend>
        {ACTIONS.map(([value, text]) => (
          <label className="choice" key={value}>
            <input type="radio" name="decision" value={value} id={`decision-${value}`}
              checked={action === value} onChange={() => setAction(value)} /> {t(text)}
          </label>
        ))}
      </fieldset>
      <label className="label" htmlFor="decision-note">{t(NOTE_LABELS[action])}</label>
      <textarea id="decision-note" className="input" rows={3} maxLength={500} value={note}
        onChange={(e) => setNote(e.target.value)} />
      {action === "approve" && differs ? (
        <label className="choice reg-confirm">
          <input type="checkbox" id="decision-confirm" checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)} />
          {" "}{t("I checked the ID card: the differences from the record are explained.")}
        </label>
      ) : null}
      <div role="alert">{message ? <p className="alert alert-error" id="decision-message">{message}</p> : null}</div>
      <button type="submit" className="btn btn-primary" id="decision-send" disabled={busy}>
        {t("Save the decision")}</button>
    </form>
  );
}

function Detail({ id, onChanged }) {
  const t = useT();
  const lang = useLang();
  const heading = useRef(null);
  const [detail, setDetail] = useState(null);
  const [error, setError] = useState("");
  const [saved, setSaved] = useState("");
  useEffect(() => {
    setDetail(null);
    setSaved("");
    deviceFetch(`/api/officer/registrations/${id}`).then(async (response) => {
      const body = await readJson(response);
      if (response.ok) setDetail(body);
      else setError(body.message || "");
    }).catch(() => setError(t("Connect to the internet to decide.")));
  }, [id]);
  useEffect(() => {
    if (detail && heading.current) heading.current.focus();
  }, [detail && detail.id]);
  if (error) return <p className="alert alert-error" role="alert">{error}</p>;
  if (!detail) return <p className="muted" role="status">{t("Loading…")}</p>;
  const name = detail.compare.find((row) => row.field === "full_name").applied;
  return (
    <article className="panel reg-detail" id="registration-detail" aria-labelledby="detail-title"
      data-status={detail.status}>
      <h2 className="section-title" id="detail-title" tabIndex={-1} ref={heading}>
        {t("Registration of {name}", { name })}</h2>
      <p>
        <span className={`badge ${STATUS_TONES[detail.status] || ""}`} id="detail-status">
          {t(STATUS_LABELS[detail.status] || detail.status)}</span>{" "}
        <span className="small muted">{`${detail.code} · ${formatMoment(detail.submitted_at, lang)} · ${
          detail.scanned ? t("ID card scanned") : t("Typed")}`}</span>
      </p>
      {saved ? <p className="alert alert-ok" role="status" id="detail-saved">{saved}</p> : null}
      <div className="reg-photos">
        <figure>
          {detail.photo ? <ProvenPhoto id="photo-applicant" alt={t("Photo sent with the registration")}
            url={`/api/officer/registrations/${detail.id}/photo/applicant`} /> : null}
          <figcaption className="small">{t("Photo sent with the registration")}</figcaption>
        </figure>
        <figure>
          {detail.record_photo ? <ProvenPhoto id="photo-record" alt={t("Photo on the record")}
            url={`/api/officer/registrations/${detail.id}/photo/record`} /> : null}
          <figcaption className="small">{t("Photo on the record")}</figcaption>
        </figure>
      </div>
      {detail.mismatches.length ? (
        <p className="alert alert-warn" id="detail-differs">{t("The registration differs from the record: {fields}. Check the ID card before approving.", {
          fields: detail.mismatches.map((f) => t(FIELDS[f])).join(", ") })}</p>
      ) : null}
      <Compare rows={detail.compare} />
      <dl className="fields">
        <div className="field"><dt>{t("Old ID number (optional)")}</dt><dd>{detail.old_id || "—"}</dd></div>
        <div className="field"><dt>{t("Date of issue of the ID card")}</dt>
          <dd>{detail.id_issued ? formatDay(detail.id_issued, lang) : "—"}</dd></div>
        <div className="field"><dt>{t("E-mail (optional)")}</dt><dd>{detail.email || "—"}</dd></div>
      </dl>
      {detail.open ? (
        <Decide key={detail.status} detail={detail} onDecided={(body) => {
          setDetail(body);
          setSaved(t("Saved. The applicant gets a text message."));
          onChanged();
        }} />
      ) : null}
      <h3 className="section-title">{t("Audit trail")}</h3>
      <Trail events={detail.trail} />
    </article>
  );
}

/** The registration open in the detail, kept in the address (?id=): a reload, a language
 * switch or a link to a colleague opens it again. */
function useSelected() {
  const [selected, setSelected] = useState(null);
  useEffect(() => {
    const id = Number(new URLSearchParams(window.location.search).get("id"));
    if (id > 0) setSelected(id);
  }, []);
  const select = (id) => {
    setSelected(id);
    const url = new URL(window.location.href);
    url.searchParams.set("id", String(id));
    window.history.replaceState(window.history.state, "", url);
  };
  return [selected, select];
}

export function RegistrationQueue() {
  const t = useT();
  const tn = useTn();
  const [filters, setFilters] = useState({ status: "open", source: "", q: "", page: 1 });
  const [page, setPage] = useState({ items: [], total: 0, page: 1, pages: 1 });
  const [selected, setSelected] = useSelected();
  // Opening a registration again (the same one, say, after the applicant answered) reads
  // it again: each opening is a new detail.
  const [openings, setOpenings] = useState(0);
  const open = (id) => {
    setSelected(id);
    setOpenings((n) => n + 1);
  };
  const [message, setMessage] = useState("");
  const load = async (wanted = filters) => {
    const query = new URLSearchParams({ status: wanted.status, source: wanted.source,
      q: wanted.q, page: String(wanted.page) }).toString();
    try {
      const response = await deviceFetch(`/api/officer/registrations?${query}`);
      const body = await readJson(response);
      if (response.ok) {
        setPage(body);
        setMessage("");
      } else {
        setMessage(body.message || "");
      }
    } catch (e) {
      setMessage(t("Connect to the internet to decide."));
    }
  };
  useEffect(() => {
    load(filters);
  }, [filters]);
  return (
    <div className="reg-desk">
      <section className="panel reg-queue" aria-labelledby="queue-title">
        <h2 className="section-title" id="queue-title">{t("Registrations waiting in your province")}</h2>
        <Filters filters={filters} onApply={setFilters} />
        {message ? <p className="alert alert-error" role="alert">{message}</p> : null}
        <p className="muted" id="registration-count" aria-live="polite">
          {tn("{n} registration", "{n} registrations", page.total, { n: page.total })}</p>
        <QueueTable page={page} selected={selected} onOpen={open} />
        <nav className="pager" aria-label={t("Pages")}>
          <button type="button" className="btn" disabled={page.page <= 1}
            onClick={() => setFilters({ ...filters, page: page.page - 1 })}>{t("Previous")}</button>
          <span>{t("Page {page} of {pages}", { page: page.page, pages: page.pages })}</span>
          <button type="button" className="btn" disabled={page.page >= page.pages}
            onClick={() => setFilters({ ...filters, page: page.page + 1 })}>{t("Next")}</button>
        </nav>
      </section>
      {selected ? <Detail key={`${selected}-${openings}`} id={selected}
        onChanged={() => load(filters)} />
        : <p className="panel muted reg-detail-empty">{t("Choose a registration to check it.")}</p>}
    </div>
  );
}
