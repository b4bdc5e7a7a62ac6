// The agency console's service-request desk (role: officer, /officer): the queue of the
// officer's province with status tabs (and their counts), a kind filter, a search by code or
// personal ID and "show more" paging; the request opened beside it (request_detail.jsx), where
// the officer receives, asks for information, approves or rejects. The server decides who may
// see what (api/services/officer_queue.py) and which step is allowed now
// (api/services/service_requests.py); its refusals come back in the officer's language.
import { useEffect, useRef, useState } from "react";
import { formatMoment, label, labelCodes, useLang, useT, useTn } from "../i18n.js";
import { officerCall } from "./officer_api.js";
import { RequestDetail, STATUS_BADGE } from "./request_detail.jsx";

// The status tabs: what an officer works on first (new and received requests), then the
// requests waiting for the citizen, and the closed ones.
const TABS = [
  { key: "open", statuses: ["submitted", "received"] },
  { key: "needs_info", statuses: ["needs_info"] },
  { key: "done", statuses: ["done"] },
  { key: "rejected", statuses: ["rejected"] },
  { key: "withdrawn", statuses: ["withdrawn"] },
];
const QUERY = /^(\d{10}|\d{12})$/; // a social-insurance code or a personal ID number
const EMPTY = { items: [], next: null, counts: {} };

function queueUrl(filter, after) {
  const tab = TABS.find((t) => t.key === filter.tab) || TABS[0];
  const params = new URLSearchParams({ status: tab.statuses.join(",") });
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.q) params.set("q", filter.q);
  if (after) params.set("after", after);
  return `/api/officer/requests?${params}`;
}

/** The queue's pages for a filter: `{page, busy, message, load(after), reload()}`. */
function useQueue(filter) {
  const t = useT();
  const [page, setPage] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const load = async (after) => {
    setBusy(true);
    try {
      const { ok, body } = await officerCall(queueUrl(filter, after));
      if (!ok) {
        setMessage(body.message || t("The request could not be read. Reload the page and try again."));
        if (!after) setPage(EMPTY);
        return;
      }
      setMessage("");
      setPage((old) => ({
        items: after ? [...old.items, ...body.items] : body.items,
        next: body.next,
        counts: (after ? old.counts : body.counts) || {}, // counts come with the first page
      }));
    } catch (e) {
      setMessage(t("Connect to the internet to see the requests."));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    load(null);
  }, [filter.tab, filter.kind, filter.q]);
  return { page, busy, message, load, reload: () => load(null) };
}

function StatusTabs({ tab, counts, onChange }) {
  const t = useT();
  return (
    <div className="queue-tabs" role="group" aria-label={t("Status")} id="queue-tabs">
      {TABS.map(({ key, statuses }) => {
        const count = statuses.reduce((sum, s) => sum + (counts[s] || 0), 0);
        const name = key === "open" ? t("To handle") : t(label("case_status", key));
        return (
          <button type="button" key={key} className={tab === key ? "queue-tab active" : "queue-tab"}
            aria-pressed={tab === key} data-tab={key} onClick={() => onChange(key)}>
            <span>{name}</span> <span className="queue-count">{count}</span>
          </button>
        );
      })}
    </div>
  );
}

function Filters({ filter, setFilter }) {
  const t = useT();
  const [typed, setTyped] = useState(filter.q);
  const [wrong, setWrong] = useState(false);
  const search = (event) => {
    event.preventDefault();
    const q = typed.replace(/\s+/g, "");
    if (q && !QUERY.test(q)) {
      setWrong(true);
      document.getElementById("queue-q").focus();
      return;
    }
    setWrong(false);
    setFilter({ ...filter, q });
  };
  const clear = () => {
    setTyped("");
    setWrong(false);
    setFilter({ ...filter, q: "" });
    document.getElementById("queue-q").focus();
  };
  return (
    <div className="queue-filters">
      <div>
        <label className="label" htmlFor="queue-kind">{t("Kind of request")}</label>
        <select id="queue-kind" className="input" value={filter.kind}
          onChange={(e) => setFilter({ ...filter, kind: e.target.value })}>
          <option value="">{t("All kinds")}</option>
          {labelCodes("requests").map((kind) => (
            <option key={kind} value={kind}>{t(label("requests", kind))}</option>))}
        </select>
      </div>
      <form className="queue-search" role="search" onSubmit={search} noValidate>
        <label className="label" htmlFor="queue-q">{t("Social-insurance code or personal ID number")}</label>
        <div className="queue-search-row">
          <input id="queue-q" className="input" inputMode="numeric" autoComplete="off"
            value={typed} aria-invalid={wrong} aria-describedby={wrong ? "queue-q-error" : undefined}
            onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="btn" id="queue-search">{t("Search")}</button>
          {filter.q ? (
            <button type="button" className="btn" id="queue-clear" onClick={clear}>{t("Show all")}</button>
          ) : null}
        </div>
        {wrong ? (
          <p className="alert alert-error" role="alert" id="queue-q-error">
            {t("Type a 10-digit social-insurance code or a 12-digit personal ID number.")}</p>
        ) : null}
      </form>
    </div>
  );
}

function QueueItem({ item, selected, onOpen }) {
  const t = useT();
  const lang = useLang();
  return (
    <li className={selected ? "item queue-item selected" : "item queue-item"}>
      <button type="button" className="queue-open" data-id={item.id}
        aria-current={selected ? "true" : undefined} onClick={() => onOpen(item.id)}>
        <span className="queue-line">
          <strong className="queue-name">{item.full_name}</strong>
          <span className={`badge ${STATUS_BADGE[item.status] || ""}`}>
            {t(label("case_status", item.status))}</span>
        </span>
        <span className="queue-kind">{t(label("requests", item.kind))}</span>
        <span className="small queue-meta">
          {[item.code, t("Submitted {time}", { time: formatMoment(item.submitted, lang) })].join(" · ")}
        </span>
      </button>
    </li>
  );
}

/** The service-request desk: the queue and, beside it (below it on a narrower screen), the
 * request opened. */
export function RequestQueue() {
  const t = useT();
  const tn = useTn();
  const [filter, setFilter] = useState({ tab: "open", kind: "", q: "" });
  const [open, setOpen] = useState(null); // {id, focus: a counter: move focus on each opening}
  const { page, busy, message, load, reload } = useQueue(filter);
  const listRef = useRef(null);
  const [focusFrom, setFocusFrom] = useState(-1); // after "show more": the first new item
  useEffect(() => {
    if (focusFrom < 0 || !listRef.current) return;
    const buttons = listRef.current.querySelectorAll("button.queue-open");
    if (buttons[focusFrom]) buttons[focusFrom].focus();
    setFocusFrom(-1);
  }, [page.items.length]);
  const more = () => {
    setFocusFrom(page.items.length);
    load(page.next);
  };
  // The request opened is in the address (?request=<id>), so a reload (a language switch)
  // or a shared link opens it again, without moving the focus.
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get("request");
    if (id) setOpen({ id, focus: 0 });
  }, []);
  const openOne = (id) => {
    const url = new URL(window.location.href);
    url.searchParams.set("request", id);
    window.history.replaceState(window.history.state, "", url);
    setOpen((old) => ({ id, focus: (old ? old.focus : 0) + 1 }));
  };
  const backToList = () => {
    const button = open && listRef.current
      && listRef.current.querySelector(`button.queue-open[data-id="${CSS.escape(open.id)}"]`);
    if (button) button.focus();
    else document.getElementById("queue-heading").focus();
  };
  return (
    <div className="request-desk">
      <section className="panel request-queue" aria-labelledby="queue-heading">
        <h2 className="section-title" id="queue-heading" tabIndex={-1}>{t("Requests from your province")}</h2>
        <StatusTabs tab={filter.tab} counts={page.counts}
          onChange={(tab) => setFilter({ ...filter, tab })} />
        <Filters filter={filter} setFilter={setFilter} />
        {message ? <p className="alert alert-error" role="alert" id="queue-message">{message}</p> : null}
        <p className="small muted" role="status" id="queue-status">
          {busy ? t("Loading…") : tn("{n} request shown", "{n} requests shown", page.items.length,
            { n: page.items.length })}</p>
        {!busy && !page.items.length && !message ? (
          <p id="queue-empty">{t("No requests here.")}</p>
        ) : null}
        <ul className="list queue-list" id="queue-list" ref={listRef}>
          {page.items.map((item) => (
            <QueueItem key={item.id} item={item} selected={open && open.id === item.id}
              onOpen={openOne} />
          ))}
        </ul>
        {page.next ? (
          <button type="button" className="btn queue-more" id="queue-more" disabled={busy}
            onClick={more}>{t("Show more")}</button>
        ) : null}
      </section>
      {open ? (
        <RequestDetail key={open.id} id={open.id} focus={open.focus} onDecided={reload}
          onBack={backToList} />
      ) : (
        <section className="panel request-detail request-none" aria-labelledby="detail-none">
          <h2 className="section-title" id="detail-none">{t("Request")}</h2>
          <p className="muted">{t("Choose a request in the list to see it beside the person's record.")}</p>
        </section>
      )}
    </div>
  );
}
